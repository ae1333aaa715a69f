import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useWorkspace } from '../api/workspace';
import { useFormatInstant } from '../app/zone';
import { HoldDialog, ResumeDialog } from './HoldDialogs';

/**
 * The workspace's own crisis button (admins): hold with a reason, or resume after seeing what
 * will publish late or expire. Shown on the campaigns page and in the workspace settings.
 */
export function WorkspaceHold({ workspace, name }: { workspace: string; name: string }) {
  const { t } = useTranslation('holds');
  const format = useFormatInstant();
  const settings = useWorkspace(workspace).data;
  const [holding, holdDialog] = useDisclosure(false);
  const [resuming, resumeDialog] = useDisclosure(false);
  if (!settings) return null;
  return (
    <>
      <Alert color={settings.heldAt ? 'red' : 'gray'} title={t('workspaceHold.title')}>
        <Group justify="space-between" gap="sm">
          <Stack gap={2}>
            <Text size="sm">{settings.heldAt ? t('workspaceHold.held') : t('workspaceHold.explain')}</Text>
            {settings.heldAt && settings.holdReason && (
              <Text size="sm">{t('workspaceHold.heldBecause', { reason: settings.holdReason })}</Text>
            )}
            {settings.heldAt && settings.holdResumeAt && (
              <Text size="sm">{t('workspaceHold.resumesAt', { at: format(settings.holdResumeAt) })}</Text>
            )}
          </Stack>
          {settings.heldAt ? (
            <Button onClick={resumeDialog.open}>{t('resume.button')}</Button>
          ) : (
            <Button color="#b02525" onClick={holdDialog.open}>
              {t('workspaceHold.button')}
            </Button>
          )}
        </Group>
      </Alert>
      <HoldDialog
        workspace={workspace}
        scope={{ workspace: true }}
        name={name}
        opened={holding}
        onClose={holdDialog.close}
      />
      <ResumeDialog
        workspace={workspace}
        scope={{ workspace: true }}
        name={name}
        opened={resuming}
        onClose={resumeDialog.close}
      />
    </>
  );
}

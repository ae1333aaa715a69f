import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceSettings } from '../../api/types';
import { useUpdateWorkspace, useWorkspace, type WorkspaceChanges } from '../../api/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { WorkspaceHold } from '../../ui/WorkspaceHold';
import { languageChoices, zoneChoices } from './choices';

const ALT_TEXT_POLICIES: ReadonlyArray<WorkspaceSettings['altTextPolicy']> = ['RECOMMENDED', 'REQUIRED'];

/** The admin's workspace settings: name, zone, language, four-eyes review, partner invitations, alt text, the hold. */
export function WorkspacePanel({ workspace }: { workspace: string }) {
  const { t } = useTranslation('settings');
  const settings = useWorkspace(workspace);
  const update = useUpdateWorkspace(workspace);
  const [form, setForm] = useState<Required<WorkspaceChanges> | null>(null);
  useEffect(() => {
    const s = settings.data;
    if (s && !form)
      setForm({
        name: s.name,
        timeZone: s.timeZone,
        locale: s.locale,
        allowSelfApproval: s.allowSelfApproval,
        openToPartnerInvitations: s.openToPartnerInvitations,
        altTextPolicy: s.altTextPolicy,
      });
  }, [settings.data, form]);
  const set = (changes: WorkspaceChanges) => {
    update.reset();
    setForm((f) => (f ? { ...f, ...changes } : f));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form) update.mutate({ ...form, name: form.name.trim() });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="workspace-settings">
      <Title order={2} size="h3" id="workspace-settings">
        {t('workspace.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('workspace.explain')}{' '}
        <Anchor component={Link} to={`/${workspace}/audit`}>
          {t('workspace.auditLink')}
        </Anchor>
      </Text>
      <ErrorAlert error={settings.error} />
      {form && (
        <form onSubmit={submit}>
          <Stack gap="sm" mt="sm">
            <TextInput
              required
              label={t('workspace.name')}
              value={form.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
            />
            <div>
              <Text size="sm" fw={500}>
                {t('workspace.address')}: <Code>{workspace}</Code>
              </Text>
              <Text size="sm">{t('workspace.addressHint', { address: `/app/${workspace}` })}</Text>
            </div>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('workspace.zone')}
                description={t('workspace.zoneHint')}
                value={form.timeZone}
                onChange={(e) => set({ timeZone: e.currentTarget.value })}
                data={zoneChoices(t, form.timeZone)}
              />
              <NativeSelect
                label={t('workspace.language')}
                description={t('workspace.languageHint')}
                value={form.locale}
                onChange={(e) => set({ locale: e.currentTarget.value as 'id' | 'en' })}
                data={languageChoices(t)}
              />
            </SimpleGrid>
            <Checkbox
              label={t('workspace.selfApproval')}
              description={t('workspace.selfApprovalHint')}
              checked={form.allowSelfApproval}
              onChange={(e) => set({ allowSelfApproval: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('workspace.openToPartners')}
              description={t('workspace.openToPartnersHint')}
              checked={form.openToPartnerInvitations}
              onChange={(e) => set({ openToPartnerInvitations: e.currentTarget.checked })}
            />
            <NativeSelect
              label={t('workspace.altText')}
              description={t('workspace.altTextHint')}
              value={form.altTextPolicy}
              onChange={(e) => set({ altTextPolicy: e.currentTarget.value as WorkspaceSettings['altTextPolicy'] })}
              data={ALT_TEXT_POLICIES.map((policy) => ({
                value: policy,
                label: t(`workspace.altTextPolicy.${policy}`),
              }))}
            />
            <ErrorAlert error={update.error} />
            {update.isSuccess && (
              <Alert color="#1e6b34" role="status">
                {t('workspace.saved')}
              </Alert>
            )}
            <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
              {t('workspace.save')}
            </Button>
          </Stack>
        </form>
      )}
      <Stack mt="md">
        <WorkspaceHold workspace={workspace} name={settings.data?.name ?? workspace} />
      </Stack>
    </Paper>
  );
}

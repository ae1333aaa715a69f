import { Button, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHold, useResumePreview, type HoldScope, type ResumePreview } from '../api/campaigns';
import { useFormatInstant, useZone, zoneLabel } from '../app/zone';
import { ErrorAlert } from './ErrorAlert';
import { instantOf } from './zoned-input';

interface Props {
  workspace: string;
  scope: HoldScope;
  /** What is held, for the dialog's title. */
  name: string;
  opened: boolean;
  onClose: () => void;
}

/** The crisis button's dialog: a reason and an optional automatic resume time. */
export function HoldDialog({ workspace, scope, name, opened, onClose }: Props) {
  const { t } = useTranslation('holds');
  const zone = useZone();
  const { hold } = useHold(workspace);
  const [reason, setReason] = useState('');
  const [resumeAt, setResumeAt] = useState('');
  const resume = resumeAt ? instantOf(resumeAt, zone) : undefined;
  const confirm = () =>
    hold.mutate(
      { scope, reason: reason.trim(), resumeAt: resume?.toISOString() },
      {
        onSuccess: () => {
          setReason('');
          setResumeAt('');
          onClose();
        },
      },
    );
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('hold.title', { name })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('hold.explain')}</Text>
        <Textarea
          label={t('hold.reason')}
          description={t('hold.reasonHint')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          autosize
          minRows={2}
          required
        />
        <TextInput
          type="datetime-local"
          label={t('hold.resumeAt', { zone: zoneLabel(zone) })}
          description={t('hold.resumeAtHint')}
          value={resumeAt}
          onChange={(e) => setResumeAt(e.currentTarget.value)}
        />
        <ErrorAlert error={hold.error} />
        <Button
          color="#b02525"
          size="md"
          disabled={reason.trim().length < 3}
          loading={hold.isPending}
          onClick={confirm}
        >
          {t('hold.confirm')}
        </Button>
      </Stack>
    </Modal>
  );
}

/** Resuming: before confirming, the API's dry run says which posts will publish late and which will expire. */
export function ResumeDialog({ workspace, scope, name, opened, onClose }: Props) {
  const { t } = useTranslation('holds');
  const format = useFormatInstant();
  const { resume } = useHold(workspace);
  const preview = useResumePreview(workspace, scope, opened);
  const line = (outcome: ResumePreview['publish'][number]) => (
    <List.Item key={outcome.targetId}>
      {outcome.title || outcome.text.slice(0, 60)} · {outcome.accountName} ·{' '}
      {outcome.dueAt ? format(outcome.dueAt) : ''} · {t('resume.lateBy', { minutes: outcome.lateMinutes })}
    </List.Item>
  );
  const late = preview.data?.publish ?? [];
  const expire = preview.data?.expire ?? [];
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('resume.title', { name })}
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        <ErrorAlert error={preview.error} />
        {preview.isLoading ? (
          <Text size="sm">{t('resume.loading')}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('resume.late', { count: late.length })}
            </Text>
            {late.length > 0 && (
              <List size="sm" data-testid="resume-late">
                {late.map(line)}
              </List>
            )}
            <Text size="sm" fw={600}>
              {t('resume.expire', { count: expire.length })}
            </Text>
            {expire.length > 0 && (
              <List size="sm" data-testid="resume-expire">
                {expire.map(line)}
              </List>
            )}
            <Text size="sm" c="dimmed">
              {t('resume.onTime')}
            </Text>
          </>
        )}
        <ErrorAlert error={resume.error} />
        <Button
          size="md"
          loading={resume.isPending}
          disabled={preview.isLoading}
          onClick={() => resume.mutate({ scope }, { onSuccess: onClose })}
        >
          {t('resume.confirm')}
        </Button>
      </Stack>
    </Modal>
  );
}

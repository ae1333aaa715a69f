import { Button, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHold, type HoldScope } from '../api/campaigns';
import { usePosts } from '../api/posts';
import type { Campaign } from '../api/post-types';
import { useFormatInstant, useZone, zoneLabel } from '../app/zone';
import { ErrorAlert } from './ErrorAlert';
import { instantOf } from './zoned-input';
import { resumePreview } from './resume-preview';

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
    hold.mutate({ scope, reason: reason.trim(), resumeAt: resume?.toISOString() }, { onSuccess: () => { setReason(''); setResumeAt(''); onClose(); } });
  return (
    <Modal opened={opened} onClose={onClose} title={t('hold.title', { name })} closeButtonProps={{ 'aria-label': t('common:close') }}>
      <Stack gap="sm">
        <Text size="sm">{t('hold.explain')}</Text>
        <Textarea label={t('hold.reason')} description={t('hold.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} autosize minRows={2} required />
        <TextInput type="datetime-local" label={t('hold.resumeAt', { zone: zoneLabel(zone) })} description={t('hold.resumeAtHint')} value={resumeAt} onChange={(e) => setResumeAt(e.currentTarget.value)} />
        <ErrorAlert error={hold.error} />
        <Button color="#b02525" size="md" disabled={reason.trim().length < 3} loading={hold.isPending} onClick={confirm}>{t('hold.confirm')}</Button>
      </Stack>
    </Modal>
  );
}

/** Resuming: before confirming, which posts will publish late and which will expire under the late policy. */
export function ResumeDialog({ workspace, scope, name, opened, onClose, campaigns }: Props & { campaigns: Campaign[] }) {
  const { t } = useTranslation('holds');
  const format = useFormatInstant();
  const { resume } = useHold(workspace);
  const posts = usePosts(workspace, { status: 'APPROVED', ...('campaignId' in scope ? { campaignId: scope.campaignId } : {}) }, opened);
  const { late, expire } = resumePreview(posts.data?.posts ?? [], campaigns);
  const line = ({ post, lateMinutes }: (typeof late)[number]) => (
    <List.Item key={post.id}>{post.baseText.slice(0, 60) || post.title} · {format(post.scheduledAt!)} · {t('resume.lateBy', { minutes: lateMinutes })}</List.Item>
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t('resume.title', { name })} closeButtonProps={{ 'aria-label': t('common:close') }}>
      <Stack gap="sm">
        <ErrorAlert error={posts.error} />
        {posts.isLoading ? <Text size="sm">{t('resume.loading')}</Text> : (
          <>
            <Text size="sm" fw={600}>{t('resume.late', { count: late.length })}</Text>
            {late.length > 0 && <List size="sm" data-testid="resume-late">{late.map(line)}</List>}
            <Text size="sm" fw={600}>{t('resume.expire', { count: expire.length })}</Text>
            {expire.length > 0 && <List size="sm" data-testid="resume-expire">{expire.map(line)}</List>}
            <Text size="sm" c="dimmed">{t('resume.onTime')}</Text>
          </>
        )}
        <ErrorAlert error={resume.error} />
        <Button size="md" loading={resume.isPending} disabled={posts.isLoading} onClick={() => resume.mutate({ scope }, { onSuccess: onClose })}>{t('resume.confirm')}</Button>
      </Stack>
    </Modal>
  );
}

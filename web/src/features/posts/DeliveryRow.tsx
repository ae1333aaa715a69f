import { Anchor, Badge, Button, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useTargetAction, type TargetAction } from '../../api/posts';
import type { PostTarget } from '../../api/post-types';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { DeliveryCounts } from './DeliveryCounts';
import { WRAPPING_LABEL } from '../../ui/wrapping-label';
import { PLATFORM_NAMES } from '../../ui/platform-text';

const NEEDS_HUMAN = ['FAILED', 'UNCONFIRMED'];

/** How late, in the unit a person would say: seconds under two minutes, minutes under two hours, then hours. */
function lateness(seconds: number, t: TFunction<'posts'>): string {
  if (seconds < 120) return t('lateSeconds', { count: seconds });
  if (seconds < 7200) return t('lateMinutes', { count: Math.round(seconds / 60) });
  return t('lateHours', { count: Math.round(seconds / 3600) });
}

/** One delivery: its state in words, the published link, what went wrong and what a person can do about it. */
export function DeliveryRow({
  workspace,
  postId,
  target,
  mayAct,
  mayRequestCounts,
}: {
  workspace: string;
  postId: string;
  target: PostTarget;
  mayAct: boolean;
  mayRequestCounts: boolean;
}) {
  const { t } = useTranslation('posts');
  const format = useFormatInstant();
  const action = useTargetAction(workspace, postId);
  const [url, setUrl] = useState('');
  const act = (kind: TargetAction) =>
    action.mutate({ targetId: target.id, action: kind, url: kind === 'confirm-published' ? url.trim() : undefined });
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs">
          <Text fw={600}>
            {target.accountName} · {PLATFORM_NAMES[target.platform]}
          </Text>
          <Badge
            color={NEEDS_HUMAN.includes(target.state) ? '#b02525' : target.state === 'PUBLISHED' ? '#1f6f35' : 'gray.7'}
            tt="none"
            size="lg"
          >
            {t(`delivery.${target.state}`)}
          </Badge>
        </Group>
        <Text size="sm">{t(`deliveryHelp.${target.state}`)}</Text>
        {target.externalUrl && (
          <Anchor href={target.externalUrl} target="_blank" rel="noreferrer" size="sm">
            {t('openPublished')}
          </Anchor>
        )}
        {target.publishedAt && <Text size="sm">{t('publishedAt', { at: format(target.publishedAt) })}</Text>}
        {target.lateSeconds !== null && (
          <Text size="sm" c="#8a3a00" fw={600} data-testid="published-late">
            {t('late', { duration: lateness(target.lateSeconds, t) })}
          </Text>
        )}
        {target.state === 'PUBLISHED' && (
          <DeliveryCounts
            workspace={workspace}
            postId={postId}
            targetId={target.id}
            title={t('counts.caption', { account: target.accountName })}
            mayRequest={mayRequestCounts}
          />
        )}
        {target.lastError && NEEDS_HUMAN.includes(target.state) && (
          <Text size="sm" c="#b02525">
            {t('platformSaid', { reason: target.lastError })}
          </Text>
        )}
        {target.issues.length > 0 &&
          target.issues.map((issue) => (
            <Text key={issue.code} size="sm" c="#b02525">
              {issue.message}
            </Text>
          ))}
        <ErrorAlert error={action.error} />
        {mayAct && target.state === 'FAILED' && (
          <Button size="md" onClick={() => act('retry')} loading={action.isPending}>
            {t('actions.retry')}
          </Button>
        )}
        {mayAct && target.state === 'UNCONFIRMED' && (
          <Stack gap={6}>
            <Button
              size="md"
              variant="default"
              h="auto"
              py={8}
              styles={WRAPPING_LABEL}
              onClick={() => act('publish-again')}
              loading={action.isPending}
            >
              {t('actions.publishAgain')}
            </Button>
            <Group gap={6} align="flex-end" wrap="wrap">
              <TextInput
                type="url"
                label={t('actions.urlLabel')}
                value={url}
                onChange={(e) => setUrl(e.currentTarget.value)}
                style={{ flex: 1, minWidth: 200 }}
              />
              <Button
                size="md"
                disabled={!/^https?:\/\//.test(url.trim())}
                onClick={() => act('confirm-published')}
                loading={action.isPending}
              >
                {t('actions.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

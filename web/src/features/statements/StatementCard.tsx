import { Anchor, Badge, Button, Group, List, Paper, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { Post } from '../../api/post-types';
import { statementInFlight, useReleaseStatement } from '../../api/statements';
import { postPath } from '../../app/links';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';

const STATE_COLOURS: Record<string, string> = {
  PUBLISHED: '#1e6b34',
  FAILED: '#a61e1e',
  UNCONFIRMED: '#8a4b00',
  HELD: '#8a4b00',
  EXPIRED: '#5c5f66',
  CANCELLED: '#5c5f66',
};

/** One statement: waiting for release (with the button, when the reader may press it), or its progress per account. */
export function StatementCard({ workspace, post, mine }: { workspace: string; post: Post; mine: boolean }) {
  const { t } = useTranslation('statements');
  const { t: tp } = useTranslation('posts');
  const format = useFormatInstant();
  const release = useReleaseStatement(workspace);
  const waiting = post.status === 'IN_REVIEW';
  const published = post.targets.filter((target) => target.state === 'PUBLISHED').length;
  const label = post.title || post.baseText.slice(0, 80);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={`statement-${post.id}`}
      data-testid="statement"
      style={{ borderLeft: `6px solid ${waiting ? '#9c1c1c' : '#1e6b34'}` }}
    >
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Text id={`statement-${post.id}`} fw={700}>
            <Anchor component={Link} to={postPath(workspace, post.id)}>
              {label}
            </Anchor>{' '}
            · v{post.version}
          </Text>
          <Badge color={waiting ? '#9c1c1c' : 'gray.8'} tt="none">
            {waiting ? t('waiting') : tp(`state.${post.displayState ?? post.status}`, { defaultValue: post.status })}
          </Badge>
        </Group>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {post.baseText}
        </Text>
        <Text size="sm" c="dimmed">
          {t('writtenAt', { at: format(post.createdAt) })}
        </Text>
        {!waiting && (
          <Text size="sm" fw={600} role="status" aria-live="polite">
            {t('progress', { published, total: post.targets.length })}
            {statementInFlight(post) ? ` · ${t('live')}` : ''}
          </Text>
        )}
        <List size="sm" spacing={4} aria-label={t('targets')}>
          {post.targets.map((target) => (
            <List.Item key={target.id} data-testid="statement-target" data-state={target.state}>
              {target.accountName}:{' '}
              <Text span fw={600} c={STATE_COLOURS[target.state] ?? 'dark'}>
                {target.state === 'PENDING'
                  ? t('waiting')
                  : tp(`delivery.${target.state}`, { defaultValue: target.state })}
              </Text>
              {target.externalUrl && (
                <>
                  {' '}
                  ·{' '}
                  <Anchor href={target.externalUrl} target="_blank" rel="noreferrer">
                    {t('open')}
                  </Anchor>
                </>
              )}
            </List.Item>
          ))}
        </List>
        {waiting &&
          (post.actions.approve ? (
            <Button
              color="#9c1c1c"
              style={{ alignSelf: 'flex-start' }}
              loading={release.isPending}
              onClick={() => release.mutate({ postId: post.id, version: post.version })}
            >
              {t('release', { count: post.targets.length })}
            </Button>
          ) : (
            <Text size="sm" fs="italic">
              {mine ? t('ownStatement') : t('cannotRelease')}
            </Text>
          ))}
        <ErrorAlert error={release.error} />
      </Stack>
    </Paper>
  );
}

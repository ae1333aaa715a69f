import {
  Anchor,
  Badge,
  Box,
  Button,
  Checkbox,
  Collapse,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePostVersions, useReviewAction } from '../../api/posts';
import type { MediaAsset, Post } from '../../api/post-types';
import { composePath, postPath } from '../../app/links';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PostPreview } from '../../ui/PostPreview';
import { CommentThread } from '../../ui/CommentThread';
import { VersionDiff } from '../../ui/VersionDiff';
import { lastSeenVersion, markSeen } from './last-seen';

interface Props {
  workspace: string;
  post: Post;
  media: MediaAsset[];
  /** The coordinator's view: approve and request changes; otherwise the author's (edit and resubmit). */
  reviewing: boolean;
  selected: boolean;
  onSelect: (selected: boolean) => void;
  outcome?: string;
}

/** One post waiting for review or sent back: previews, changes since last seen, thread and actions. */
export function ReviewCard({ workspace, post, media, reviewing, selected, onSelect, outcome }: Props) {
  const { t } = useTranslation('review');
  const format = useFormatInstant();
  const action = useReviewAction(workspace);
  const navigate = useNavigate();
  const [seen] = useState(() => lastSeenVersion(post.id));
  const [asking, ask] = useDisclosure(false);
  const [thread, threadToggle] = useDisclosure(false);
  const [comment, setComment] = useState('');
  // The texts of the version last seen come from the API; only its number is kept on the device.
  const versions = usePostVersions(workspace, post.id, seen !== undefined && seen !== post.version);
  const changed = seen !== post.version ? versions.data?.find((v) => v.version === seen) : undefined;
  const { approve: mayApprove, requestChanges: mayRequestChanges, edit: mayEdit } = post.actions;

  useEffect(() => markSeen(post), [post]);

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="article"
      aria-labelledby={`post-${post.id}`}
      style={{ borderLeft: `6px solid ${post.campaign?.color ?? '#868e96'}` }}
    >
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Text id={`post-${post.id}`} fw={700}>
              <Anchor component={Link} to={postPath(workspace, post.id)}>
                {post.campaign?.name ?? t('noCampaign')}
              </Anchor>{' '}
              · v{post.version}
            </Text>
            <Text size="sm">
              {post.publishNow ? t('publishNow') : post.scheduledAt ? format(post.scheduledAt) : t('noTime')}
            </Text>
          </div>
          {reviewing && mayApprove && (
            <Checkbox
              size="md"
              aria-label={t('select', { version: post.version })}
              checked={selected}
              onChange={(e) => onSelect(e.currentTarget.checked)}
            />
          )}
        </Group>
        {outcome && (
          <Badge color={outcome === 'approved' ? '#1f6f35' : '#b02525'} tt="none" size="lg">
            {t(`outcome.${outcome}`)}
          </Badge>
        )}
        {changed && (
          <Box>
            <Text size="sm" fw={600}>
              {t('changedSince', { version: changed.version })}
            </Text>
            <VersionDiff before={changed} after={post} />
          </Box>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          {post.targets.map((target) => (
            <PostPreview
              key={target.id}
              platform={target.platform}
              accountName={target.accountName}
              text={target.text ?? post.baseText}
              media={media.filter((m) => post.mediaIds.includes(m.id))}
            />
          ))}
        </SimpleGrid>
        <Button variant="subtle" size="sm" onClick={threadToggle.toggle} aria-expanded={thread}>
          {thread ? t('thread.hide') : t('thread.show')}
        </Button>
        <Collapse expanded={thread}>
          {thread && <CommentThread workspace={workspace} postId={post.id} canComment />}
        </Collapse>
        <ErrorAlert error={action.error} />
        {reviewing ? (
          <>
            {!mayApprove && (
              <Text size="sm" data-testid="cannot-approve">
                {mayRequestChanges ? t('ownVersion') : t('cannotApprove')}
              </Text>
            )}
            <Collapse expanded={asking}>
              <Textarea
                label={t('changesComment')}
                value={comment}
                onChange={(e) => setComment(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            </Collapse>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              {mayRequestChanges &&
                (asking ? (
                  <Button
                    size="lg"
                    color="#b02525"
                    disabled={!comment.trim()}
                    loading={action.isPending}
                    onClick={() =>
                      action.mutate({ postId: post.id, action: 'request-changes', comment: comment.trim() })
                    }
                  >
                    {t('sendBack')}
                  </Button>
                ) : (
                  <Button size="lg" variant="default" onClick={ask.open}>
                    {t('requestChanges')}
                  </Button>
                ))}
              {mayApprove && (
                <Button
                  size="lg"
                  color="#1f6f35"
                  loading={action.isPending}
                  onClick={() => action.mutate({ postId: post.id, action: 'approve', version: post.version })}
                >
                  {t('approve')}
                </Button>
              )}
            </SimpleGrid>
          </>
        ) : (
          mayEdit && (
            <Button size="lg" onClick={() => void navigate({ to: composePath(workspace), search: { post: post.id } })}>
              {t('edit')}
            </Button>
          )
        )}
      </Stack>
    </Paper>
  );
}

import { Affix, Button, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useMediaLibrary } from '../../api/media';
import { usePosts, useReviewAction } from '../../api/posts';
import { roleAtLeast } from '../../api/session';
import { useBottomBarSpace } from '../../ui/bottom-bar';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ReviewCard } from './ReviewCard';

type Inbox = 'waiting' | 'returned';

/** Posts waiting for me (coordinators) and posts sent back to me (editors), one card each. */
export function ReviewPage() {
  const { t } = useTranslation('review');
  const { me, membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const reviewer = roleAtLeast(membership.role, 'COORDINATOR');
  const [inbox, setInbox] = useState<Inbox>(reviewer ? 'waiting' : 'returned');
  const waiting = usePosts(workspace, { status: 'IN_REVIEW' }, inbox === 'waiting');
  const returned = usePosts(workspace, { status: 'CHANGES_REQUESTED', authorId: me.id }, inbox === 'returned');
  const media = useMediaLibrary(workspace).data ?? [];
  const current = inbox === 'waiting' ? waiting : returned;
  const posts = current.data?.posts ?? [];
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcomes, setOutcomes] = useState<Record<string, string>>({});
  const approve = useReviewAction(workspace);
  // The bar floats 12 px above the bottom; the page ends another 12 px above it.
  const bar = useBottomBarSpace<HTMLDivElement>(24);

  /** Approves each chosen post with the version shown on its card; one refusal does not stop the rest. */
  const approveSelected = async () => {
    for (const post of posts.filter((p) => selected.has(p.id))) {
      const outcome = await approve.mutateAsync({ postId: post.id, action: 'approve', version: post.version }).then(
        () => 'approved',
        (error: unknown) => (error instanceof ApiError && error.status === 409 ? 'changed' : 'refused'),
      );
      setOutcomes((all) => ({ ...all, [post.id]: outcome }));
    }
    setSelected(new Set());
  };

  return (
    <Stack gap="md" pb={selected.size > 0 ? bar.space : 0}>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      {reviewer && (
        <SegmentedControl
          value={inbox}
          onChange={(value) => setInbox(value as Inbox)}
          data={[
            { value: 'waiting', label: t('waiting') },
            { value: 'returned', label: t('returned') },
          ]}
          fullWidth
          aria-label={t('inbox')}
        />
      )}
      <ErrorAlert error={current.error} />
      {Object.keys(outcomes).length > 0 && (
        <Text role="status" fw={600}>
          {t('summary', {
            approved: Object.values(outcomes).filter((o) => o === 'approved').length,
            refused: Object.values(outcomes).filter((o) => o !== 'approved').length,
          })}
        </Text>
      )}
      {!current.isLoading && posts.length === 0 && (
        <Text>{inbox === 'waiting' ? t('emptyWaiting') : t('emptyReturned')}</Text>
      )}
      {posts.map((post) => (
        <ReviewCard
          key={post.id}
          workspace={workspace}
          post={post}
          media={media}
          reviewing={inbox === 'waiting'}
          selected={selected.has(post.id)}
          outcome={outcomes[post.id]}
          onSelect={(on) =>
            setSelected((all) => {
              const next = new Set(all);
              if (on) next.add(post.id);
              else next.delete(post.id);
              return next;
            })
          }
        />
      ))}
      {selected.size > 0 && (
        <Affix ref={bar.ref} position={{ bottom: 12, left: 12, right: 12 }} data-testid="approve-bar">
          <Button
            size="lg"
            fullWidth
            color="#1f6f35"
            loading={approve.isPending}
            onClick={() => void approveSelected()}
          >
            {t('approveSelected', { count: selected.size })}
          </Button>
        </Affix>
      )}
    </Stack>
  );
}

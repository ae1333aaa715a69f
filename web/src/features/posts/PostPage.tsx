import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useNavigate, useParams, useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useMediaLibrary } from '../../api/media';
import { useComments, usePost, useReviewAction } from '../../api/posts';
import { roleAtLeast } from '../../api/session';
import { composePath } from '../../app/links';
import { useFormatInstant, zoneLabel } from '../../app/zone';
import { CommentThread } from '../../ui/CommentThread';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { PostPreview } from '../../ui/PostPreview';
import { DeliveryRow } from './DeliveryRow';
import { VersionList } from './VersionList';

/** A post: its versions, each delivery's state and link, failures in words and the human actions. */
export function PostPage() {
  const { t } = useTranslation('posts');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const { postId } = useParams({ strict: false }) as { postId: string };
  const workspace = membership.workspace.slug;
  const post = usePost(workspace, postId);
  const comments = useComments(workspace, postId);
  const media = useMediaLibrary(workspace).data ?? [];
  const review = useReviewAction(workspace);
  const navigate = useNavigate();
  const format = useFormatInstant();
  const data = post.data;
  if (!data) return <ErrorAlert error={post.error} />;

  const versions = (comments.data ?? []).filter((c) => c.kind !== 'COMMENT');
  // What the reader may do comes from the API, by the rules its routes apply.
  const { edit: mayEdit, submit: maySubmit } = data.actions;
  const state = data.displayState ?? data.status;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {data.title ?? data.campaign?.name ?? t('untitled')}
          </Title>
          <Text size="sm">
            {data.publishNow
              ? t('publishNow')
              : data.scheduledAt
                ? `${format(data.scheduledAt)}${data.scheduleZone ? ` · ${t('plannedIn', { zone: zoneLabel(data.scheduleZone) })}` : ''}`
                : t('noTime')}
          </Text>
          {data.notAfter && <Text size="sm">{t('notAfter', { at: format(data.notAfter) })}</Text>}
        </div>
        <Badge size="xl" tt="none" color="gray.8">
          {t(`state.${state}`, { defaultValue: state })} · v{data.version}
        </Badge>
      </Group>
      <Group gap="xs">
        {mayEdit && (
          <Button
            variant="default"
            onClick={() => void navigate({ to: composePath(workspace), search: { post: data.id } })}
          >
            {t('edit')}
          </Button>
        )}
        {maySubmit && (
          <Button onClick={() => review.mutate({ postId: data.id, action: 'submit' })} loading={review.isPending}>
            {t('submit')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={review.error} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('deliveries')}
          </Title>
          <Stack gap="xs" component="ul" p={0} m={0}>
            {data.targets.map((target) => (
              <DeliveryRow
                key={target.id}
                workspace={workspace}
                postId={data.id}
                target={target}
                mayAct={roleAtLeast(membership.role, 'COORDINATOR')}
                mayRequestCounts={roleAtLeast(membership.role, 'EDITOR')}
              />
            ))}
          </Stack>
          <Title order={2} size="h4">
            {t('versions')}
          </Title>
          <Paper withBorder p="sm">
            <Text size="sm" fw={600}>
              {t('currentVersion', { version: data.version })}
              {data.approvedVersion ? ` · ${t('approvedVersion', { version: data.approvedVersion })}` : ''}
            </Text>
            <VersionList workspace={workspace} postId={data.id} />
            <Text size="sm" fw={600} mt="sm">
              {t('reviewSteps')}
            </Text>
            <List size="sm" mt={4}>
              {versions.map((event) => (
                <List.Item key={event.id}>
                  v{event.postVersion}: {t(`kind.${event.kind}`)} · {event.author.name} · {format(event.createdAt)}
                  {event.body ? ` — ${event.body}` : ''}
                </List.Item>
              ))}
            </List>
          </Paper>
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('previews')}
          </Title>
          {data.targets.map((target) => (
            <PostPreview
              key={target.id}
              platform={target.platform}
              accountName={target.accountName}
              text={target.text ?? data.baseText}
              media={media.filter((m) => data.mediaIds.includes(m.id))}
            />
          ))}
          <Title order={2} size="h4">
            {t('thread.title')}
          </Title>
          <CommentThread workspace={workspace} postId={data.id} canComment={roleAtLeast(membership.role, 'EDITOR')} />
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}

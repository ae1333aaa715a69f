import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { Link, useRouteContext } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMyNotifications, useNotificationActions } from '../../api/notifications';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The caller's own notifications in this workspace: newest first, unread marked, each linking to what it is about. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const [show, setShow] = useState<'all' | 'unread'>('all');
  const list = useMyNotifications(workspace, show === 'unread');
  const actions = useNotificationActions(workspace);
  const format = useFormatInstant();
  const items = list.data?.pages.flatMap((page) => page.notifications) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('title')}
        </Title>
        <Button
          variant="outline"
          onClick={() => actions.markAllRead.mutate()}
          loading={actions.markAllRead.isPending}
          disabled={!items.some((n) => !n.readAt)}
        >
          {t('markAll')}
        </Button>
      </Group>
      <SegmentedControl
        value={show}
        onChange={(value) => setShow(value as 'all' | 'unread')}
        data={[
          { value: 'all', label: t('all') },
          { value: 'unread', label: t('unread') },
        ]}
        aria-label={t('show')}
      />
      <ErrorAlert error={list.error ?? actions.markRead.error ?? actions.markAllRead.error} />
      {list.isSuccess && items.length === 0 && <Text>{show === 'unread' ? t('noneUnread') : t('none')}</Text>}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((n) => (
          <Paper
            key={n.id}
            component="li"
            withBorder
            p="sm"
            bg={n.readAt ? undefined : 'gaung.0'}
            data-testid="notification"
          >
            <Stack gap={4}>
              <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                <Text fw={n.readAt ? 400 : 700} style={{ overflowWrap: 'anywhere' }}>
                  {n.message}
                </Text>
                {!n.readAt && (
                  <Badge color="red.8" variant="filled" style={{ flexShrink: 0 }}>
                    {t('new')}
                  </Badge>
                )}
              </Group>
              <Group justify="space-between" gap="xs">
                <Text size="sm" c="gray.8">
                  {format(n.createdAt)}
                </Text>
                <Group gap="sm">
                  <Anchor
                    component={Link}
                    to={n.path}
                    size="sm"
                    fw={600}
                    onClick={() => !n.readAt && actions.markRead.mutate(n.id)}
                  >
                    {n.kind === 'PARTNER_INVITED' ? t('open.invitation') : t(`open.${n.subjectType}`)}
                  </Anchor>
                  {!n.readAt && (
                    <Button size="compact-sm" variant="subtle" onClick={() => actions.markRead.mutate(n.id)}>
                      {t('markRead')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Stack>
          </Paper>
        ))}
      </Stack>
      {list.hasNextPage && (
        <Button variant="light" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
          {t('more')}
        </Button>
      )}
    </Stack>
  );
}

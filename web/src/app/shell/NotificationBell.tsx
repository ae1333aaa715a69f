import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useUnreadCount } from '../../api/notifications';
import { notificationsPath } from '../links';

/** On every page: a bell with the caller's unread count in this workspace, linking to the list. */
export function NotificationBell({ workspace }: { workspace: string }) {
  const { t } = useTranslation('shell');
  const unread = useUnreadCount(workspace).data?.unread ?? 0;
  const label = unread > 0 ? t('bell.unread', { count: unread }) : t('bell.none');
  return (
    <Anchor
      component={Link}
      to={notificationsPath(workspace)}
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      c="gaung.8"
      underline="never"
    >
      <Group gap={4} wrap="nowrap">
        <svg
          aria-hidden="true"
          width="22"
          height="22"
          viewBox="0 0 24 24"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        >
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        {unread > 0 && (
          // Never squeezed by a narrow header: a two- or three-digit count stays whole.
          <Badge
            color="red.8"
            size="sm"
            circle={unread < 10}
            miw={unread < 10 ? undefined : 'fit-content'}
            style={{ flexShrink: 0 }}
            styles={{ label: { overflow: 'visible' } }}
            data-testid="notification-count"
          >
            {unread > 99 ? '99+' : unread}
          </Badge>
        )}
      </Group>
    </Anchor>
  );
}

import { Stack, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../../api/session';
import { ApiTokensPanel } from './ApiTokensPanel';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { NotificationPrefsPanel } from './NotificationPrefsPanel';
import { ProfilePanel } from './ProfilePanel';
import { SessionsPanel } from './SessionsPanel';
import { TelegramBotPanel } from './TelegramBotPanel';
import { TelegramLinkPanel } from './TelegramLinkPanel';
import { WorkspacePanel } from './WorkspacePanel';

/** The workspace's settings and notification bot (admins), then my own: profile and password, notification choices, my Telegram link, API tokens, the calendar subscription, sessions. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      {roleAtLeast(membership.role, 'ADMIN') && <WorkspacePanel workspace={workspace} />}
      {roleAtLeast(membership.role, 'ADMIN') && <TelegramBotPanel workspace={workspace} />}
      <ProfilePanel />
      <NotificationPrefsPanel />
      <TelegramLinkPanel workspace={workspace} />
      <ApiTokensPanel workspace={workspace} role={membership.role} />
      <CalendarFeedPanel workspace={workspace} />
      <SessionsPanel />
    </Stack>
  );
}

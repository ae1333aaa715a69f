import { Stack, Title } from '@mantine/core';
import { useRouteContext } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { ApiTokensPanel } from './ApiTokensPanel';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { SessionsPanel } from './SessionsPanel';

/** My own settings in this workspace: personal API tokens, the calendar subscription, signed-in sessions. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('title')}</Title>
      <ApiTokensPanel workspace={workspace} role={membership.role} />
      <CalendarFeedPanel workspace={workspace} />
      <SessionsPanel />
    </Stack>
  );
}

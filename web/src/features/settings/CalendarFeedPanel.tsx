import { Alert, Button, Code, Group, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCalendarFeed } from '../../api/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The secret iCal address for Google Calendar or Outlook: made anew (shown once) or stopped. */
export function CalendarFeedPanel({ workspace }: { workspace: string }) {
  const { t } = useTranslation('settings');
  const { regenerate, revoke } = useCalendarFeed(workspace);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        {t('feed.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('feed.explain')}
      </Text>
      <List size="sm" mt="xs">
        <List.Item>{t('feed.google')}</List.Item>
        <List.Item>{t('feed.outlook')}</List.Item>
      </List>
      <Group gap="xs" mt="sm">
        <Button onClick={() => regenerate.mutate()} loading={regenerate.isPending}>
          {t('feed.regenerate')}
        </Button>
        <Button
          variant="outline"
          color="#b02525"
          onClick={() => revoke.mutate(undefined, { onSuccess: () => regenerate.reset() })}
          loading={revoke.isPending}
        >
          {t('feed.revoke')}
        </Button>
      </Group>
      <ErrorAlert error={regenerate.error ?? revoke.error} />
      {regenerate.data && (
        <Alert color="#1e6b34" role="status" mt="sm" title={t('feed.made')}>
          <Code block data-testid="feed-url" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {regenerate.data.url}
          </Code>
        </Alert>
      )}
      {revoke.isSuccess && !regenerate.data && (
        <Text size="sm" mt="sm" role="status">
          {t('feed.revoked')}
        </Text>
      )}
    </Paper>
  );
}

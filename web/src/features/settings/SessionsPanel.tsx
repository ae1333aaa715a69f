import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevokeSession, useSessions } from '../../api/settings';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** Where I am signed in; revoke a session I do not recognise (a lost phone). */
export function SessionsPanel() {
  const { t } = useTranslation('settings');
  const format = useFormatInstant();
  const sessions = useSessions();
  const revoke = useRevokeSession();
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        {t('sessions.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('sessions.explain')}
      </Text>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      <Stack gap="xs" mt="sm">
        {(sessions.data ?? []).map((session) => (
          <Group key={session.id} justify="space-between" gap="xs" wrap="wrap">
            <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {session.userAgent ?? t('sessions.unknownDevice')}
              </Text>
              <Text size="sm">
                {t('sessions.since', { at: format(session.createdAt) })}
                {session.ip ? ` · ${session.ip}` : ''}
              </Text>
            </div>
            <Button size="xs" variant="outline" color="#b02525" onClick={() => revoke.mutate(session.id)}>
              {t('sessions.revoke')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}

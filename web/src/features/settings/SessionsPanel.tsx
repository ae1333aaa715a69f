import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useRevokeSession, useSessions, type SignedInSession } from '../../api/settings';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describeDevice, plainAddress } from './device';

/** Where I am signed in, this device marked; revoke a session I do not recognise (a lost phone). */
export function SessionsPanel() {
  const { t } = useTranslation('settings');
  const sessions = useSessions();
  const revoke = useRevokeSession();
  // This device first, then the others newest first (as the API lists them).
  const list = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h3">
        {t('sessions.title')}
      </Title>
      <Text size="sm" mt={4}>
        {t('sessions.explain')}
      </Text>
      <ErrorAlert error={sessions.error ?? revoke.error} />
      <Stack gap="xs" mt="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {list.map((session) => (
          <SessionRow
            key={session.id}
            session={session}
            revoking={revoke.isPending && revoke.variables === session.id}
            onRevoke={() => revoke.mutate(session.id)}
          />
        ))}
      </Stack>
    </Paper>
  );
}

function SessionRow({
  session,
  revoking,
  onRevoke,
}: {
  session: SignedInSession;
  revoking: boolean;
  onRevoke: () => void;
}) {
  const { t } = useTranslation('settings');
  const format = useFormatInstant();
  const { browser, os } = describeDevice(session.userAgent);
  const device = browser && os ? t('sessions.device', { browser, os }) : (browser ?? os ?? t('sessions.unknownDevice'));
  const details = [
    t('sessions.since', { at: format(session.createdAt) }),
    t('sessions.lastSeen', { at: format(session.lastSeenAt) }),
    ...(session.ip ? [plainAddress(session.ip)] : []),
  ].join(' · ');
  return (
    <Group component="li" justify="space-between" gap="xs" wrap="wrap" data-testid="session">
      <div style={{ minWidth: 0, flex: '1 1 14rem' }}>
        <Group gap="xs">
          <Text size="sm" fw={600} title={session.userAgent ?? undefined}>
            {device}
          </Text>
          {session.current && (
            <Badge color="#1e6b34" tt="none">
              {t('sessions.current')}
            </Badge>
          )}
        </Group>
        <Text size="sm">{details}</Text>
      </div>
      {session.current ? (
        <Text size="sm">{t('sessions.currentHint')}</Text>
      ) : (
        <Button
          size="xs"
          variant="outline"
          color="#b02525"
          loading={revoking}
          onClick={onRevoke}
          aria-label={t('sessions.revokeOne', { device, at: format(session.createdAt) })}
        >
          {t('sessions.revoke')}
        </Button>
      )}
    </Group>
  );
}

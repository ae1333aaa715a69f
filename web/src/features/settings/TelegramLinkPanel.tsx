import { Alert, Anchor, Button, Group, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useTelegramLink, useTelegramLinkActions } from '../../api/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** My own Telegram chat with the workspace's bot: a one-time deep link (open it, press Start), or unlink. */
export function TelegramLinkPanel({ workspace }: { workspace: string }) {
  const { t } = useTranslation('settings');
  const status = useTelegramLink(workspace);
  const { start, unlink } = useTelegramLinkActions(workspace);
  const data = status.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="telegram-link">
      <Title order={2} size="h3" id="telegram-link">
        {t('telegram.linkTitle')}
      </Title>
      <ErrorAlert error={status.error ?? start.error ?? unlink.error} />
      {data && !data.bot && (
        <Text size="sm" mt={4}>
          {t('telegram.noBot')}
        </Text>
      )}
      {data?.bot && (
        <>
          <Text size="sm" mt={4}>
            {t('telegram.linkExplain')}{' '}
            <Anchor href={data.bot.url} target="_blank" rel="noopener noreferrer">
              @{data.bot.username}
            </Anchor>
          </Text>
          {data.linked ? (
            <Text size="sm" mt="xs" role="status" data-testid="telegram-linked">
              {data.linked.telegramUsername
                ? t('telegram.linkedAs', { username: data.linked.telegramUsername })
                : t('telegram.linked')}
            </Text>
          ) : (
            <Text size="sm" mt="xs" data-testid="telegram-not-linked">
              {t('telegram.notLinked')}
            </Text>
          )}
          <Group gap="xs" mt="sm">
            <Button onClick={() => start.mutate()} loading={start.isPending}>
              {data.linked ? t('telegram.relink') : t('telegram.link')}
            </Button>
            {data.linked && (
              <Button
                variant="outline"
                color="#b02525"
                loading={unlink.isPending}
                onClick={() => unlink.mutate(undefined, { onSuccess: () => start.reset() })}
              >
                {t('telegram.unlink')}
              </Button>
            )}
          </Group>
          {start.data && (
            <Alert
              color="#1e6b34"
              role="status"
              mt="sm"
              title={t('telegram.linkMade', { bot: `@${start.data.botUsername}` })}
            >
              <Anchor
                href={start.data.url}
                target="_blank"
                rel="noopener noreferrer"
                data-testid="telegram-deep-link"
                style={{ wordBreak: 'break-all' }}
              >
                {start.data.url}
              </Anchor>
              <Text size="sm" mt={4}>
                {t('telegram.linkOnce')}
              </Text>
            </Alert>
          )}
        </>
      )}
    </Paper>
  );
}

import { Alert, Anchor, Button, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTelegramBot, useTelegramBotActions } from '../../api/settings';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** The workspace's Telegram notification bot (admins): connect with a token from @BotFather, or disconnect. */
export function TelegramBotPanel({ workspace }: { workspace: string }) {
  const { t } = useTranslation('settings');
  const status = useTelegramBot(workspace);
  const { connect, disconnect } = useTelegramBotActions(workspace);
  const [token, setToken] = useState('');
  const bot = status.data?.bot;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    connect.mutate(token.trim(), { onSuccess: () => setToken('') });
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="telegram-bot">
      <Title order={2} size="h3" id="telegram-bot">
        {t('telegram.botTitle')}
      </Title>
      <Text size="sm" mt={4}>
        {t('telegram.botExplain')}
      </Text>
      <ErrorAlert error={status.error ?? disconnect.error} />
      {bot && (
        <Group gap="xs" mt="sm" align="center">
          <Text size="sm" role="status" data-testid="telegram-bot">
            {t('telegram.botConnected')}{' '}
            <Anchor href={bot.url} target="_blank" rel="noopener noreferrer">
              @{bot.username}
            </Anchor>{' '}
            ({t(`telegram.updates.${bot.updates}`)})
          </Text>
          <Button
            variant="outline"
            color="#b02525"
            size="xs"
            loading={disconnect.isPending}
            onClick={() => disconnect.mutate()}
          >
            {t('telegram.disconnect')}
          </Button>
        </Group>
      )}
      <form onSubmit={submit}>
        <Stack gap="sm" mt="sm">
          <PasswordInput
            required
            label={bot ? t('telegram.replaceToken') : t('telegram.token')}
            description={t('telegram.tokenHint')}
            value={token}
            autoComplete="off"
            onChange={(e) => {
              connect.reset();
              setToken(e.currentTarget.value);
            }}
          />
          <ErrorAlert error={connect.error} />
          {connect.isSuccess && (
            <Alert color="#1e6b34" role="status">
              {t('telegram.connected')}
            </Alert>
          )}
          <Button type="submit" loading={connect.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('telegram.connect')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}

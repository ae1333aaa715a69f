import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAccounts, useRateBudgets, useStartOAuth } from '../../api/accounts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AccountCard } from './AccountCard';
import { ConnectDialog } from './ConnectDialog';
import { FORM_PLATFORMS, OAUTH_PLATFORMS, platformName } from './platforms';

const mayManage = (role: string) => role === 'ADMIN' || role === 'OWNER';

/** The workspace's connected accounts; admins connect, reconnect, edit slots and disconnect here. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const accounts = useAccounts(workspace);
  const budgets = useRateBudgets(workspace).data?.budgets ?? [];
  const admin = mayManage(membership.role);
  const [connecting, setConnecting] = useState<string | null>(null);
  const list = accounts.data?.accounts ?? [];

  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('title')}</Title>
      <OAuthOutcome workspace={workspace} />
      <ErrorAlert error={accounts.error} />
      {!accounts.isLoading && list.length === 0 && <Text>{t('empty')}</Text>}
      {list.map((account) => (
        <AccountCard key={account.id} workspace={workspace} account={account} admin={admin} budget={budgets.find((b) => b.accountId === account.id)} />
      ))}
      {admin && (
        <Paper withBorder p="md">
          <Title order={2} size="h3">{t('connect.title')}</Title>
          <Text size="sm" mt={4}>{t('connect.formExplain')}</Text>
          <Group gap="xs" mt="sm">
            {Object.keys(FORM_PLATFORMS).map((platform) => (
              <Button key={platform} variant="default" onClick={() => setConnecting(platform)}>{platformName(platform)}</Button>
            ))}
          </Group>
          <Text size="sm" mt="md">{t('connect.oauthExplain')}</Text>
          <OAuthButtons workspace={workspace} />
        </Paper>
      )}
      {connecting && <ConnectDialog workspace={workspace} platform={connecting} onClose={() => setConnecting(null)} />}
    </Stack>
  );
}

/** The message the OAuth round trip comes back with (?oauth=connected|error&code=), closable. */
function OAuthOutcome({ workspace }: { workspace: string }) {
  const { t } = useTranslation('accounts');
  const search = useSearch({ from: '/$workspace/accounts' });
  const navigate = useNavigate();
  if (!search.oauth) return null;
  const name = platformName(search.platform ?? '');
  const close = () => void navigate({ to: '/$workspace/accounts', params: { workspace }, search: { zone: search.zone }, replace: true });
  const connected = search.oauth === 'connected';
  const reason = t(`oauth.codes.${search.code ?? 'unknown'}`, { defaultValue: t('oauth.codes.unknown') });
  return (
    <Alert color={connected ? '#1e6b34' : 'red'} role={connected ? 'status' : 'alert'} title={connected ? t('oauth.connected', { platform: name }) : t('oauth.failed', { platform: name })} withCloseButton closeButtonLabel={t('close')} onClose={close}>
      {connected ? t('oauth.connectedHint') : reason}
    </Alert>
  );
}

function OAuthButtons({ workspace }: { workspace: string }) {
  const { t } = useTranslation('accounts');
  const start = useStartOAuth(workspace);
  const [instanceUrl, setInstanceUrl] = useState('');
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="xs">
        {OAUTH_PLATFORMS.filter((p) => p !== 'mastodon').map((platform) => (
          <Button key={platform} loading={start.isPending && start.variables?.platform === platform} onClick={() => start.mutate({ platform })}>
            {t('oauth.button', { platform: platformName(platform) })}
          </Button>
        ))}
      </Group>
      <Group gap="xs" align="end">
        <TextInput label={t('oauth.mastodonInstance')} description={t('oauth.mastodonInstanceHint')} placeholder="https://mastodon.social" value={instanceUrl} onChange={(e) => setInstanceUrl(e.currentTarget.value)} style={{ flex: '1 1 16rem' }} />
        <Button disabled={!instanceUrl.trim()} onClick={() => start.mutate({ platform: 'mastodon', instanceUrl: instanceUrl.trim() })}>{t('oauth.button', { platform: 'Mastodon' })}</Button>
      </Group>
      <ErrorAlert error={start.error} />
    </Stack>
  );
}

import { Alert, Button, Collapse, Group, Paper, Stack, Text, TextInput, Title, UnstyledButton } from '@mantine/core';
import { useNavigate, useRouteContext, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAccounts,
  useConnectMethods,
  useRateBudgets,
  useStartOAuth,
  type Account,
  type ConnectMethod,
} from '../../api/accounts';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { AccountCard } from './AccountCard';
import { ConnectDialog } from './ConnectDialog';
import { platformName } from './platforms';

const mayManage = (role: string) => role === 'ADMIN' || role === 'OWNER';

/** The workspace's connected accounts; admins connect, reconnect, edit slots and disconnect here. */
export function AccountsPage() {
  const { t } = useTranslation('accounts');
  const { membership } = useRouteContext({ from: '/$workspace' });
  const workspace = membership.workspace.slug;
  const accounts = useAccounts(workspace, 'all');
  const budgets = useRateBudgets(workspace).data?.budgets ?? [];
  const admin = mayManage(membership.role);
  const methods = useConnectMethods().data ?? [];
  const [connecting, setConnecting] = useState<ConnectMethod | null>(null);
  const all = accounts.data?.accounts ?? [];
  const list = all.filter((account) => account.status !== 'DISABLED');
  const disconnected = all.filter((account) => account.status === 'DISABLED');

  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <OAuthOutcome workspace={workspace} />
      <ErrorAlert error={accounts.error} />
      {!accounts.isLoading && list.length === 0 && <Text>{t('empty')}</Text>}
      {list.map((account) => (
        <AccountCard
          key={account.id}
          workspace={workspace}
          account={account}
          admin={admin}
          budget={budgets.find((b) => b.accountId === account.id)}
          methods={methods}
        />
      ))}
      {admin && (
        <Paper withBorder p="md">
          <Title order={2} size="h3">
            {t('connect.title')}
          </Title>
          <Text size="sm" mt={4}>
            {t('connect.formExplain')}
          </Text>
          <Group gap="xs" mt="sm">
            {methods
              .filter((method) => method.form)
              .map((method) => (
                <Button key={method.platform} variant="default" onClick={() => setConnecting(method)}>
                  {platformName(method.platform)}
                </Button>
              ))}
          </Group>
          <Text size="sm" mt="md">
            {t('connect.oauthExplain')}
          </Text>
          <OAuthButtons workspace={workspace} methods={methods} />
        </Paper>
      )}
      {disconnected.length > 0 && (
        <Disconnected workspace={workspace} accounts={disconnected} admin={admin} methods={methods} />
      )}
      {connecting && <ConnectDialog workspace={workspace} method={connecting} onClose={() => setConnecting(null)} />}
    </Stack>
  );
}

/**
 * Disconnected accounts: folded away below, read-only (the API refuses changes to them). Their
 * history stays (analytics); to use one again it is connected anew.
 */
function Disconnected({
  workspace,
  accounts,
  admin,
  methods,
}: {
  workspace: string;
  accounts: Account[];
  admin: boolean;
  methods: ConnectMethod[];
}) {
  const { t } = useTranslation('accounts');
  const [open, setOpen] = useState(false);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="disconnected-accounts">
      <Title order={2} size="h3" id="disconnected-accounts">
        <UnstyledButton
          onClick={() => setOpen((value) => !value)}
          aria-expanded={open}
          aria-controls="disconnected-accounts-list"
          style={{ font: 'inherit', textDecoration: 'underline' }}
        >
          {t('disconnected.title', { count: accounts.length })}
        </UnstyledButton>
      </Title>
      <Collapse expanded={open} id="disconnected-accounts-list">
        <Stack gap="sm" mt="sm">
          <Text size="sm">{t('disconnected.explain')}</Text>
          {accounts.map((account) => (
            <AccountCard key={account.id} workspace={workspace} account={account} admin={admin} methods={methods} />
          ))}
        </Stack>
      </Collapse>
    </Paper>
  );
}

/** The message the OAuth round trip comes back with (?oauth=connected|error&code=), closable. */
function OAuthOutcome({ workspace }: { workspace: string }) {
  const { t } = useTranslation('accounts');
  const search = useSearch({ from: '/$workspace/accounts' });
  const navigate = useNavigate();
  if (!search.oauth) return null;
  const name = platformName(search.platform ?? '');
  const close = () =>
    void navigate({ to: '/$workspace/accounts', params: { workspace }, search: { zone: search.zone }, replace: true });
  const connected = search.oauth === 'connected';
  const reason = t(`oauth.codes.${search.code ?? 'unknown'}`, { defaultValue: t('oauth.codes.unknown') });
  return (
    <Alert
      color={connected ? '#1e6b34' : 'red'}
      role={connected ? 'status' : 'alert'}
      title={connected ? t('oauth.connected', { platform: name }) : t('oauth.failed', { platform: name })}
      withCloseButton
      closeButtonLabel={t('close')}
      onClose={close}
    >
      {connected ? t('oauth.connectedHint') : reason}
    </Alert>
  );
}

/** One button per OAuth platform; a federated one (Mastodon) asks for the server first. */
function OAuthButtons({ workspace, methods }: { workspace: string; methods: ConnectMethod[] }) {
  const { t } = useTranslation('accounts');
  const start = useStartOAuth(workspace);
  const [instanceUrls, setInstanceUrls] = useState<Record<string, string>>({});
  const oauth = methods.flatMap((method) => (method.oauth ? [{ platform: method.platform, ...method.oauth }] : []));
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="xs">
        {oauth
          .filter((flow) => !flow.asksForInstance)
          .map(({ platform, segment }) => (
            <Button
              key={segment}
              loading={start.isPending && start.variables?.platform === segment}
              onClick={() => start.mutate({ platform: segment })}
            >
              {t('oauth.button', { platform: platformName(platform) })}
            </Button>
          ))}
      </Group>
      {oauth
        .filter((flow) => flow.asksForInstance)
        .map(({ platform, segment }) => {
          const name = platformName(platform);
          const instanceUrl = instanceUrls[segment] ?? '';
          return (
            <Group key={segment} gap="xs" align="end">
              <TextInput
                label={t('oauth.instance', { platform: name })}
                description={t('oauth.instanceHint', { platform: name })}
                placeholder="https://mastodon.social"
                value={instanceUrl}
                onChange={(e) => setInstanceUrls((prev) => ({ ...prev, [segment]: e.currentTarget.value }))}
                style={{ flex: '1 1 16rem' }}
              />
              <Button
                disabled={!instanceUrl.trim()}
                onClick={() => start.mutate({ platform: segment, instanceUrl: instanceUrl.trim() })}
              >
                {t('oauth.button', { platform: name })}
              </Button>
            </Group>
          );
        })}
      <ErrorAlert error={start.error} />
    </Stack>
  );
}

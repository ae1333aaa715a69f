import { Badge, Button, Group, Paper, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartOAuth, type Account, type ConnectMethod, type RateBudget } from '../../api/accounts';
import { useFormatInstant } from '../../app/zone';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConnectDialog } from './ConnectDialog';
import { DisconnectDialog } from './DisconnectDialog';
import { platformName, reconnectsByOAuth } from './platforms';
import { SlotsDialog, slotsSummary } from './SlotsDialog';

const STATUS_COLOR = { ACTIVE: '#1e6b34', NEEDS_RECONNECT: '#a34400', DISABLED: '#555' } as const;
/** A long state ("Perlu dihubungkan ulang") takes two lines beside the name rather than a line of its own. */
const STATUS_BADGE = {
  root: { flexShrink: 0, maxWidth: '50%', height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 3 },
  label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.25 },
} as const;

/** One account: platform, name, state in words (and why), posting slots, and the admin's actions. */
export function AccountCard({
  workspace,
  account,
  admin,
  budget,
  methods,
}: {
  workspace: string;
  account: Account;
  admin: boolean;
  budget?: RateBudget;
  methods: ConnectMethod[];
}) {
  const { t } = useTranslation('accounts');
  const [dialog, setDialog] = useState<'reconnect' | 'slots' | 'disconnect' | null>(null);
  const method = methods.find((candidate) => candidate.platform === account.platform);
  const oauth = reconnectsByOAuth(methods, account.platform);
  const disconnected = account.status === 'DISABLED';
  // Reconnecting means new credentials: a platform without any (a public feed) has nothing to renew.
  const reconnectable = oauth !== null || (method?.form ?? []).some((field) => field.secret);
  const start = useStartOAuth(workspace);
  const format = useFormatInstant();
  const reconnect = () => (oauth ? start.mutate({ platform: oauth }) : setDialog('reconnect'));
  const close = () => setDialog(null);
  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-label={`${platformName(account.platform)}: ${account.displayName}`}
    >
      {/* The name wraps beside the badge; the badge keeps its top-right corner on a phone too. */}
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <div style={{ minWidth: 0 }}>
          <Text fw={700} size="lg" style={{ overflowWrap: 'anywhere' }}>
            {account.displayName}
          </Text>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {platformName(account.platform)}
            {account.handle ? ` · ${account.handle}` : ''}
          </Text>
        </div>
        <Badge color={STATUS_COLOR[account.status]} tt="none" size="lg" radius="md" mt={2} styles={STATUS_BADGE}>
          {t(`status.${account.status}`)}
        </Badge>
      </Group>
      {disconnected && account.disconnectedAt && (
        <Text size="sm" mt="xs">
          {t('disconnected.since', { at: format(account.disconnectedAt) })}
        </Text>
      )}
      {account.status === 'NEEDS_RECONNECT' && (
        <Text size="sm" mt="xs" c="#8a3a00">
          {t('needsReconnect', { reason: account.statusReason ?? t('unknownReason') })}
        </Text>
      )}
      {budget && <BudgetLine budget={budget} />}
      {!disconnected && (
        <Text size="sm" mt="xs">
          {t('slots.summary', { slots: slotsSummary(account.postingSlots ?? [], t) })}
        </Text>
      )}
      {admin && !disconnected && (
        <Group gap="xs" mt="sm">
          {reconnectable && (
            <Button
              variant={account.status === 'NEEDS_RECONNECT' ? 'filled' : 'default'}
              loading={start.isPending}
              onClick={reconnect}
            >
              {t('reconnect.button')}
            </Button>
          )}
          <Button variant="default" onClick={() => setDialog('slots')}>
            {t('slots.edit')}
          </Button>
          <Button variant="outline" color="#b02525" onClick={() => setDialog('disconnect')}>
            {t('disconnect.button')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={start.error} />
      {dialog === 'reconnect' && method && (
        <ConnectDialog workspace={workspace} method={method} account={account} onClose={close} />
      )}
      {dialog === 'slots' && <SlotsDialog workspace={workspace} account={account} onClose={close} />}
      {dialog === 'disconnect' && <DisconnectDialog workspace={workspace} account={account} onClose={close} />}
    </Paper>
  );
}

/** "37 of 50 left today": the engine's own count (GET .../accounts/rate-budgets), never the page's. */
function BudgetLine({ budget }: { budget: RateBudget }) {
  const { t } = useTranslation('accounts');
  const format = useFormatInstant();
  const hours = Math.round(budget.windowMs / 3600_000);
  const left = t('budget.left', { left: budget.left, posts: budget.posts, hours });
  const opens = budget.nextSlotAt
    ? t('budget.opens', {
        at: format(budget.nextSlotAt, { dateStyle: budget.left === 0 ? 'medium' : undefined, timeStyle: 'short' }),
      })
    : '';
  return (
    <Text size="sm" mt="xs" c={budget.left === 0 ? '#8a3a00' : undefined} data-testid="rate-budget">
      {left}
      {opens ? `, ${opens}` : ''}
      {budget.left === 0 ? `. ${t('budget.spent')}` : ''}
    </Text>
  );
}

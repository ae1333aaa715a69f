import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDisconnectAccount, usePendingDeliveries, type Account } from '../../api/accounts';
import { Dialog } from '../../ui/Dialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { PendingDeliveryList } from '../../ui/PendingDeliveryList';

/** Disconnecting: before confirming, the deliveries not yet made that it will cancel, each linking to its post. */
export function DisconnectDialog({
  workspace,
  account,
  onClose,
}: {
  workspace: string;
  account: Account;
  onClose: () => void;
}) {
  const { t } = useTranslation('accounts');
  const pending = usePendingDeliveries(workspace, account.id, true);
  const disconnect = useDisconnectAccount(workspace);
  const deliveries = pending.data?.deliveries ?? [];
  return (
    <Dialog closeLabel={t('close')} onClose={onClose} title={t('disconnect.title', { name: account.displayName })}>
      <Stack gap="sm">
        <Text size="sm">{t('disconnect.explain')}</Text>
        <ErrorAlert error={pending.error} />
        {pending.isLoading ? (
          <Text size="sm">{t('loading')}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('disconnect.cancels', { count: deliveries.length })}
            </Text>
            <PendingDeliveryList workspace={workspace} deliveries={deliveries} untitled={t('disconnect.untitled')} />
          </>
        )}
        <ErrorAlert error={disconnect.error} />
        <ConfirmActions
          confirmLabel={t('disconnect.confirm', { count: deliveries.length })}
          cancelLabel={t('cancel')}
          onConfirm={() => disconnect.mutate(account.id, { onSuccess: onClose })}
          onCancel={onClose}
          pending={disconnect.isPending}
          disabled={pending.isLoading}
        />
      </Stack>
    </Dialog>
  );
}

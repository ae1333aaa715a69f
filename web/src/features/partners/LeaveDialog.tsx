import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLeavePreview, usePartnerActions, type Partnership } from '../../api/partners';
import { Dialog } from '../../ui/Dialog';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { ConfirmActions } from '../../ui/ConfirmActions';
import { PendingDeliveryList } from '../../ui/PendingDeliveryList';

/** Leaving a joint campaign: first what it cancels (our deliveries in it not yet made, as the API lists them). */
export function LeaveDialog({
  workspace,
  partnership,
  onClose,
}: {
  workspace: string;
  partnership: Partnership;
  onClose: () => void;
}) {
  const { t } = useTranslation('partners');
  const preview = useLeavePreview(workspace, partnership.id);
  const { leave } = usePartnerActions(workspace);
  const deliveries = preview.data?.deliveries ?? [];
  return (
    <Dialog closeLabel={t('close')} onClose={onClose} title={t('leave.title', { name: partnership.campaign.name })}>
      <Stack gap="sm">
        <Text size="sm">{t('leave.explain', { owner: partnership.campaign.workspace.name })}</Text>
        <ErrorAlert error={preview.error} />
        {preview.isLoading ? (
          <Text size="sm">{t('loading')}</Text>
        ) : (
          <>
            <Text size="sm" fw={600}>
              {t('leave.cancels', { count: deliveries.length })}
            </Text>
            <PendingDeliveryList workspace={workspace} deliveries={deliveries} untitled={t('untitled')} />
          </>
        )}
        <ErrorAlert error={leave.error} />
        <ConfirmActions
          confirmLabel={t('leave.confirm', { count: deliveries.length })}
          cancelLabel={t('cancel')}
          onConfirm={() => leave.mutate(partnership.id, { onSuccess: onClose })}
          onCancel={onClose}
          pending={leave.isPending}
          disabled={preview.isLoading || Boolean(preview.error)}
        />
      </Stack>
    </Dialog>
  );
}

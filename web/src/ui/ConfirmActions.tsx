import { Button } from '@mantine/core';

/**
 * The end of a dialog that confirms something hard to undo (disconnect, leave, remove): the action
 * in red, then a way out. The red is the app's danger colour, contrast-safe on white.
 */
export function ConfirmActions({
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  pending,
  disabled = false,
}: {
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending: boolean;
  disabled?: boolean;
}) {
  return (
    <>
      <Button color="#b02525" size="md" disabled={disabled} loading={pending} onClick={onConfirm}>
        {confirmLabel}
      </Button>
      <Button variant="default" onClick={onCancel}>
        {cancelLabel}
      </Button>
    </>
  );
}

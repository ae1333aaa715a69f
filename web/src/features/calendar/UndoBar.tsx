import { Button, Group, Paper, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** After every move: what happened, and a way back for a while. */
export function UndoBar({
  message,
  onUndo,
  onClose,
  busy,
}: {
  message: string;
  onUndo: () => void;
  onClose: () => void;
  busy: boolean;
}) {
  const { t } = useTranslation('calendar');
  useEffect(() => {
    const timer = setTimeout(onClose, 15_000);
    return () => clearTimeout(timer);
  }, [message, onClose]);
  return (
    <Paper
      shadow="md"
      withBorder
      p="sm"
      pos="fixed"
      bottom={16}
      left="50%"
      style={{ transform: 'translateX(-50%)', zIndex: 300, maxWidth: 'calc(100vw - 32px)' }}
      role="status"
      data-testid="undo-bar"
    >
      <Group gap="sm" wrap="nowrap">
        <Text size="sm">{message}</Text>
        <Button size="xs" variant="filled" onClick={onUndo} loading={busy}>
          {t('move.undo')}
        </Button>
        <Button size="xs" variant="subtle" onClick={onClose} aria-label={t('move.dismiss')}>
          ×
        </Button>
      </Group>
    </Paper>
  );
}

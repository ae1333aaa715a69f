import { Modal, type ModalProps } from '@mantine/core';

type Props = Omit<ModalProps, 'opened' | 'closeButtonProps'> & {
  /** The close button's name for screen readers ("Tutup"), in the page's language. */
  closeLabel: string;
};

/** Mantine's Modal, open while mounted, with a close button that has a name (axe: button-name). */
export function Dialog({ closeLabel, ...props }: Props) {
  return <Modal opened closeButtonProps={{ 'aria-label': closeLabel }} {...props} />;
}

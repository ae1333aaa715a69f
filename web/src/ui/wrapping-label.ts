/** Mantine `styles` for a button whose words wrap on a phone instead of being cut off. */
export const WRAPPING_LABEL = { label: { whiteSpace: 'normal' as const, textAlign: 'center' as const } };

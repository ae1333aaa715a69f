import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/**
 * Mantine's default blue buttons (3.55:1) fail WCAG AA with white text. Shade 6 here (#1d4ed8 on
 * white text, 6.7:1) and shade 7 for hover keep every filled control and link at AA or better.
 */
const gaung: MantineColorsTuple = [
  '#eef3ff',
  '#dce4fb',
  '#b6c6f3',
  '#8da6ec',
  '#6a8be5',
  '#4a72df',
  '#1d4ed8',
  '#1a43b9',
  '#173a9f',
  '#122f82',
];

export const theme = createTheme({
  primaryColor: 'gaung',
  primaryShade: 6,
  colors: { gaung },
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
  defaultRadius: 'md',
  focusRing: 'auto',
});

/** Mantine's dimmed grey (#868e96, 3.3:1 on white) is too light for descriptions and hints. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-placeholder': '#6c737a' },
  dark: {},
});

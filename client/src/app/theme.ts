import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Mantine's default shade 6 puts blue text at 3.6:1 on white. Shade 9 (#1864ab) stays above WCAG AA's 4.5:1 even
  // on the tinted backgrounds of hovered outline buttons and the filter panel.
  primaryShade: 9,
  autoContrast: true,
  focusRing: 'auto',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif',
  headings: {
    fontWeight: '650',
    // Long headings (titles of patents) must not dwarf a 360 px screen.
    sizes: { h1: { fontSize: 'clamp(1.625rem, 1.2rem + 2vw, 2.125rem)' } },
  },
});

/**
 * Mantine's secondary text (input descriptions) and placeholders are gray 6 and 5: 3.3:1 and 2.1:1 on white.
 * Its light badges and alerts put shade 9 on shade 1, which is below WCAG AA's 4.5:1 for these colours (green 3.8:1,
 * yellow 2.7:1): their text is shade 9 darkened just enough to reach 4.6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057', // 8.2:1
    '--mantine-color-placeholder': '#6c757d', // 4.7:1
    '--mantine-color-red-light-color': '#c52929', // 4.7:1 on red 1
    '--mantine-color-teal-light-color': '#087a57', // 4.6:1 on teal 1
    '--mantine-color-green-light-color': '#267937', // 4.7:1 on green 1
    '--mantine-color-lime-light-color': '#4b790b', // 4.7:1 on lime 1
    '--mantine-color-yellow-light-color': '#a65600', // 4.8:1 on yellow 1
    '--mantine-color-orange-light-color': '#bb3e0d', // 4.6:1 on orange 1
  },
  dark: {},
});

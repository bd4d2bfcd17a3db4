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

/** Mantine's secondary text (input descriptions) and placeholders are gray 6 and 5: 3.3:1 and 2.1:1 on white. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#495057', // 8.2:1
    '--mantine-color-placeholder': '#6c757d', // 4.7:1
  },
  dark: {},
});

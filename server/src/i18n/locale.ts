export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The language to answer a request in, from its `Accept-Language` header (RFC 9110): the most preferred range we
 * can serve wins, ties going to the one listed first. Chinese is Simplified only, so `zh`, `zh-CN` and `zh-Hans…`
 * get it and other Chinese (`zh-TW`, `zh-Hant`) does not: a Traditional reader is not assumed to prefer it to
 * English. No header, or nothing we serve, gets English.
 */
export function negotiateLocale(acceptLanguage: string | readonly string[] | undefined): Locale {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : (acceptLanguage ?? []).join(',');
  let best: { locale: Locale; quality: number } | null = null;
  for (const part of header.split(',')) {
    const [range = '', ...parameters] = part.split(';').map((s) => s.trim());
    const locale = localeForRange(range.toLowerCase());
    if (!locale) continue;
    const quality = qualityOf(parameters);
    if (quality > 0 && (!best || quality > best.quality)) best = { locale, quality };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

function localeForRange(range: string): Locale | null {
  if (range === 'zh' || range === 'zh-cn' || range === 'zh-hans' || range.startsWith('zh-hans-'))
    return 'zh-CN';
  if (range === 'en' || range.startsWith('en-') || range === '*') return 'en';
  return null;
}

function qualityOf(parameters: string[]): number {
  const q = parameters.find((p) => /^q\s*=/i.test(p));
  if (!q) return 1;
  const value = Number(q.slice(q.indexOf('=') + 1).trim());
  return Number.isFinite(value) && value >= 0 && value <= 1 ? value : 0;
}

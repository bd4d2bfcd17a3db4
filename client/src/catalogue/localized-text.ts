import type { Locale } from '../i18n/locale';

export type TextPair = { en: string | null | undefined; zh: string | null | undefined };

export type LocalizedText = {
  text: string;
  /** Set when the text is not in the page's language, for its `lang` attribute (WCAG 3.1.2). */
  lang: Locale | undefined;
};

/**
 * The text in the interface language, or else in the other one: a patent's title and abstract may be in English,
 * in Chinese, or in both.
 */
export function pickLocalizedText(locale: Locale, texts: TextPair): LocalizedText | null {
  const preferred = locale === 'zh-CN' ? texts.zh : texts.en;
  if (preferred) return { text: preferred, lang: undefined };
  const other = otherLanguageText(locale, texts);
  return other && { text: other.text, lang: other.lang };
}

/** The text in the language that is not the interface's, if there is one. */
export function otherLanguageText(locale: Locale, texts: TextPair): { text: string; lang: Locale } | null {
  if (locale === 'zh-CN') return texts.en ? { text: texts.en, lang: 'en' } : null;
  return texts.zh ? { text: texts.zh, lang: 'zh-CN' } : null;
}

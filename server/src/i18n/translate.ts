import i18next from 'i18next';
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locale';
import type { Message, MessageParam } from './message';
import { zhCN } from './messages.zh-CN';

// English needs no catalogue: a missing key comes back as the key, that is the English text, placeholders filled.
const CATALOGUES: Record<Locale, Readonly<Record<string, string>>> = { en: {}, 'zh-CN': zhCN };

const i18n = i18next.createInstance();
void i18n.init({
  resources: { en: { translation: CATALOGUES.en }, 'zh-CN': { translation: CATALOGUES['zh-CN'] } },
  lng: DEFAULT_LOCALE,
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: [...LOCALES],
  // Message ids are English sentences, full of dots and colons.
  keySeparator: false,
  nsSeparator: false,
  // The text goes out in JSON, not HTML; values are never read as markup or as $t() nesting either way.
  interpolation: { escapeValue: false },
  initAsync: false,
});

const JOINS: Record<Locale, { sentences: (texts: string[]) => string; or: string }> = {
  en: { sentences: (texts) => texts.join(' '), or: ' or ' },
  // A Chinese sentence ends in a full-width stop and the next follows without a space; a field's message that is
  // only a predicate ("不能为空") has no stop, and gets a semicolon.
  'zh-CN': {
    sentences: (texts) =>
      texts.map((t, i) => (i === 0 || /[。！？]$/.test(texts[i - 1]) ? t : `；${t}`)).join(''),
    or: '或',
  },
};

/** A message in a language, its placeholders filled; an id with no translation comes out in English. */
export function translate(locale: Locale, { message, params = {} }: Message): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) values[name] = paramText(locale, value);
  // Values go in `replace` rather than among the options, so that a placeholder named `count` or `context` is only
  // ever a value.
  return i18n.t(message, { lng: locale, replace: values });
}

/**
 * The language `translate(locale, message)` comes out in, for the client to mark text it shows: `locale` when its
 * catalogue has the id, else English (an id still without a translation, or English text stored before it was a
 * message id, which reads as itself).
 */
export function languageOf(locale: Locale, { message }: Message): Locale {
  return locale === DEFAULT_LOCALE || Object.hasOwn(CATALOGUES[locale], message) ? locale : DEFAULT_LOCALE;
}

function paramText(locale: Locale, value: MessageParam): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (isMessageList(value)) return JOINS[locale].sentences(value.map((m) => translate(locale, m)));
  if ('anyOf' in value) return value.anyOf.map((m) => translate(locale, m)).join(JOINS[locale].or);
  return translate(locale, value);
}

// Array.isArray does not narrow a readonly array out of a union.
function isMessageList(value: MessageParam): value is readonly Message[] {
  return Array.isArray(value);
}

import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './locales/en';
import { zhCN } from './locales/zh-CN';
import { initialLocale, isLocale, storeLocale, DEFAULT_LOCALE, type Locale } from './locale';

// Makes t() check its keys against the English resources.
declare module 'i18next' {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface merges with i18next's
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

/** Starts i18next in the visitor's language and keeps `<html lang>` in step with it. Call once, before rendering. */
export function setUpI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = isLocale(language) ? language : DEFAULT_LOCALE;
  });
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
    lng: initialLocale(),
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: ['en', 'zh-CN'],
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    // The resources are bundled, so initialisation finishes before the first render.
    initAsync: false,
    returnNull: false,
  });
  return i18next;
}

export function changeLocale(locale: Locale): void {
  storeLocale(locale);
  void i18next.changeLanguage(locale);
}

/** The interface language now in use, outside React (the Apollo link reads it for every request). */
export function currentLocale(): Locale {
  return isLocale(i18next.language) ? i18next.language : DEFAULT_LOCALE;
}

/** The interface language now in use. */
export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { changeLocale, useLocale } from './i18n';
import { isLocale, LOCALES, type Locale } from './locale';

// Each language is named in itself, so a visitor who cannot read the current one still finds their own.
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', 'zh-CN': '简体中文' };

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <NativeSelect
      label={t('app.language')}
      value={locale}
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) changeLocale(next);
      }}
      size="sm"
    >
      {LOCALES.map((option) => (
        <option key={option} value={option} lang={option}>
          {LANGUAGE_NAMES[option]}
        </option>
      ))}
    </NativeSelect>
  );
}

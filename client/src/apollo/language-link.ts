import { SetContextLink } from '@apollo/client/link/context';
import type { Locale } from '../i18n/locale';

/**
 * Asks the API for its messages (errors, field errors) in the interface language. The language is read for every
 * request, as the token is, so that switching it takes effect on the next request without a new client.
 */
export function languageLink(currentLocale: () => Locale): SetContextLink {
  return new SetContextLink((previous) => ({
    headers: { ...previous.headers, 'accept-language': currentLocale() },
  }));
}

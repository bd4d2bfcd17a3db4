import { AsyncLocalStorage } from 'node:async_hooks';
import { DEFAULT_LOCALE, type Locale } from './locale';

// Apollo formats errors without the request at hand, and some errors (a context that fails, a malformed request)
// are formatted before any plugin sees the request; the language therefore travels with the request's async work.
const storage = new AsyncLocalStorage<Locale>();

/** Runs `work`, and everything it starts, as part of a request answered in `locale`. */
export function runInLocale<T>(locale: Locale, work: () => T): T {
  return storage.run(locale, work);
}

/** The language of the request being answered; English outside one. */
export function requestLocale(): Locale {
  return storage.getStore() ?? DEFAULT_LOCALE;
}

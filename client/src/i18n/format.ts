import type { IsoDate } from '../graphql/enum-values';
import type { Locale } from './locale';

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();

/**
 * A calendar date from the API ('YYYY-MM-DD') as the locale writes it. The date is read and written in UTC, so the
 * visitor's own time zone can never move it to the day before.
 */
export function formatIsoDate(date: IsoDate, locale: Locale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  const [, year, month, day] = match;
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(Number(year), Number(month) - 1, Number(day))));
}

const listFormats = new Map<Locale, Intl.ListFormat>();

/** A run of names or codes: "A, B, C" in English, "A、B、C" in Chinese. */
export function formatList(values: readonly string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) {
    // The narrow conjunction has no "and" before the last item: these lists are enumerations, not sentences.
    format = new Intl.ListFormat(locale, { type: 'conjunction', style: 'narrow' });
    listFormats.set(locale, format);
  }
  return format.format(values);
}

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

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** How many minor units a currency has per major unit, as a power of ten (CNY and USD 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  return (
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/**
 * An amount in minor units as the locale writes money: ¥1,234.56 for CNY in either language (the narrow symbol, as
 * people in China write it), with the currency's own number of decimals.
 */
export function formatMoney(amountMinor: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' });
    moneyFormats.set(key, format);
  }
  return format.format(amountMinor / 10 ** currencyExponent(currency));
}

/** An amount in short form for a chart's axis: ¥600K in English, ¥60万 in Chinese. */
export function formatMoneyCompact(amountMinor: number, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    currencyDisplay: 'narrowSymbol',
    notation: 'compact',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amountMinor / 10 ** currencyExponent(currency));
}

/** A rate in basis points as a percentage: 550 bps is 5.5 %. */
export function formatBps(bps: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(bps / 10_000);
}

export function formatNumber(value: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(value);
}

/** An instant from the API (ISO 8601) as the locale writes a date and time, in the visitor's time zone. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/**
 * Calendar days as integers (days since 1970-01-01), so that demo dates are computed without `Date`, time zones or
 * the clock. The conversions are Howard Hinnant's `days_from_civil` / `civil_from_days`.
 */

// A module-level alias: global lookups are slow inside Jest's vm context, and these run for every generated date.
const { floor } = Math;
export type CivilDate = { year: number; month: number; day: number };

export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + floor(yearOfEra / 4) - floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function civilDate(days: number): CivilDate {
  const z = days + 719468;
  const era = floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = floor(
    (dayOfEra - floor(dayOfEra / 1460) + floor(dayOfEra / 36524) - floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + floor(yearOfEra / 4) - floor(yearOfEra / 100));
  const mp = floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** YYYY-MM-DD. */
export function formatDay(days: number): string {
  const { year, month, day } = civilDate(days);
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** Parses YYYY-MM-DD; throws on anything that is not a real calendar day. */
export function parseDayOrThrow(text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${text}`);
  const days = dayNumber(Number(match[1]), Number(match[2]), Number(match[3]));
  if (formatDay(days) !== text) throw new RangeError(`No such calendar day: ${text}`);
  return days;
}

/** The same month and day `years` later; 29 February becomes 28 February when the target year is not leap. */
export function addYears(days: number, years: number): number {
  const { year, month, day } = civilDate(days);
  const targetYear = year + years;
  const targetDay = month === 2 && day === 29 && !isLeapYear(targetYear) ? 28 : day;
  return dayNumber(targetYear, month, targetDay);
}

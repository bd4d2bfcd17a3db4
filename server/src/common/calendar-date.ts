/**
 * Contract dates (effective date, due dates, reporting periods) are calendar dates, not instants: a payment due on
 * 2026-03-31 is due on that day wherever the parties are. They are 'YYYY-MM-DD' strings in the proleptic Gregorian
 * calendar, compared as strings and computed with integer day numbers, never with local-time `Date`s.
 */

export type CalendarDate = string & { readonly __brand: 'CalendarDate' };

/** Calendar-aligned periods: months, quarters starting Jan/Apr/Jul/Oct, and calendar years. */
export type CalendarPeriod = 'MONTHLY' | 'QUARTERLY' | 'YEARLY';

export const MONTHS_IN_PERIOD: Readonly<Record<CalendarPeriod, number>> = {
  MONTHLY: 1,
  QUARTERLY: 3,
  YEARLY: 12,
};

export type CalendarDateErrorCode = 'CALENDAR_DATE_INVALID' | 'CALENDAR_DATE_OUT_OF_RANGE';

export class CalendarDateError extends Error {
  constructor(
    readonly code: CalendarDateErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CalendarDateError';
  }
}

type Ymd = { year: number; month: number; day: number };

const FORMAT = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isCalendarDate(value: unknown): value is CalendarDate {
  if (typeof value !== 'string') return false;
  const match = FORMAT.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Validates untrusted input ('2028-02-29' passes, '2027-02-29' and '2026-4-1' do not). */
export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new CalendarDateError('CALENDAR_DATE_INVALID', `"${value}" is not a calendar date (YYYY-MM-DD)`);
  }
  return value;
}

export function calendarDate(year: number, month: number, day: number): CalendarDate {
  const valid =
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month);
  if (!valid) {
    throw new CalendarDateError('CALENDAR_DATE_INVALID', `${year}-${month}-${day} is not a calendar date`);
  }
  return format({ year, month, day });
}

/** The calendar date of an instant in UTC; use it to turn a timestamp (signature, payment) into a contract date. */
export function toCalendarDate(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) {
    throw new CalendarDateError('CALENDAR_DATE_INVALID', 'Invalid Date');
  }
  return format({
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  assertInteger(days, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Moves by whole months and clamps to the end of a shorter month: 2026-01-31 + 1 month is 2026-02-28,
 * 2028-01-31 + 1 month is 2028-02-29. Clamping loses the day, so never chain it for a schedule: see
 * `addMonthsFromAnchor`.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  assertInteger(months, 'months');
  const { year, month, day } = parse(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = monthIndex - newYear * 12 + 1;
  return format({ year: newYear, month: newMonth, day: Math.min(day, daysInMonth(newYear, newMonth)) });
}

/**
 * The n-th date of a monthly-based schedule anchored on `anchor`. Computing every date from the anchor keeps a
 * schedule anchored on the 31st on the 31st: Jan 31 → Feb 28 → Mar 31, where chaining `addMonths` would drift to
 * Mar 28.
 */
export function addMonthsFromAnchor(anchor: CalendarDate, months: number): CalendarDate {
  return addMonths(anchor, months);
}

/** `b − a` in days: positive when `b` is later. */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  // Same-width zero-padded strings sort chronologically.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a <= b ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

export function endOfMonth(date: CalendarDate): CalendarDate {
  const { year, month } = parse(date);
  return format({ year, month, day: daysInMonth(year, month) });
}

/** First day of the calendar month, quarter or year containing `date`. */
export function startOfPeriod(date: CalendarDate, period: CalendarPeriod): CalendarDate {
  const { year, month } = parse(date);
  const length = MONTHS_IN_PERIOD[period];
  const firstMonth = Math.floor((month - 1) / length) * length + 1;
  return format({ year, month: firstMonth, day: 1 });
}

/** Last day (inclusive) of the calendar month, quarter or year containing `date`. */
export function endOfPeriod(date: CalendarDate, period: CalendarPeriod): CalendarDate {
  return endOfMonth(addMonths(startOfPeriod(date, period), MONTHS_IN_PERIOD[period] - 1));
}

/**
 * First day of contract year `contractYear` (1-based). Years run anniversary to anniversary, computed from the
 * effective date: effective 2028-02-29 gives years starting 2029-02-28, 2030-02-28, 2031-02-28, 2032-02-29.
 */
export function contractYearStart(effectiveDate: CalendarDate, contractYear: number): CalendarDate {
  if (!Number.isInteger(contractYear) || contractYear < 1) {
    throw new RangeError(`Contract years start at 1, got ${contractYear}`);
  }
  return addMonthsFromAnchor(effectiveDate, 12 * (contractYear - 1));
}

/** The 1-based contract year containing `date`; a date before the effective date has none and throws. */
export function contractYearOf(effectiveDate: CalendarDate, date: CalendarDate): number {
  if (date < effectiveDate) {
    throw new RangeError(`${date} is before the effective date ${effectiveDate}`);
  }
  let contractYear = parse(date).year - parse(effectiveDate).year + 1;
  while (contractYear > 1 && contractYearStart(effectiveDate, contractYear) > date) contractYear--;
  while (contractYearStart(effectiveDate, contractYear + 1) <= date) contractYear++;
  return contractYear;
}

function parse(date: CalendarDate): Ymd {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function format({ year, month, day }: Ymd): CalendarDate {
  if (year < 0 || year > 9999) {
    throw new CalendarDateError('CALENDAR_DATE_OUT_OF_RANGE', `Year ${year} cannot be written as YYYY`);
  }
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as CalendarDate;
}

// Day numbers count days since 1970-01-01, after Howard Hinnant's `days_from_civil` and `civil_from_days`
// (https://howardhinnant.github.io/date_algorithms.html): exact integer arithmetic in the proleptic Gregorian
// calendar, with none of `Date`'s quirks for years below 100.
function toDayNumber(date: CalendarDate): number {
  const { year: calendarYear, month, day } = parse(date);
  // The algorithm's years start on March 1, so that the leap day is the last day of its year.
  const year = calendarYear - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return format({ year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

function assertInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be an integer, got ${value}`);
}

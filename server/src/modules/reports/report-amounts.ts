import { isCalendarDate, startOfPeriod, endOfPeriod, type CalendarDate } from '../../common/calendar-date';

/** Adds minor units, refusing to leave the safe integer range rather than lose a unit. */
export function sumMinor(a: number, b: number): number {
  const sum = a + b;
  if (!Number.isSafeInteger(sum))
    throw new RangeError(`${a} + ${b} minor units is beyond the safe integer range`);
  return sum;
}

/** How a report groups days into periods: calendar months, or calendar quarters starting January, April, July, October. */
export const REPORT_PERIODS = ['MONTH', 'QUARTER'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];

export type PeriodSpan = { key: string; start: CalendarDate; end: CalendarDate };

/** The period holding `date`: `2026-12` or `2026-Q4`, with its first and last day. */
export function periodOf(date: string, period: ReportPeriod): PeriodSpan {
  if (!isCalendarDate(date)) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  const calendarPeriod = period === 'MONTH' ? 'MONTHLY' : 'QUARTERLY';
  const start = startOfPeriod(date, calendarPeriod);
  const end = endOfPeriod(date, calendarPeriod);
  const year = start.slice(0, 4);
  const month = Number(start.slice(5, 7));
  const key = period === 'MONTH' ? start.slice(0, 7) : `${year}-Q${(month - 1) / 3 + 1}`;
  return { key, start, end };
}

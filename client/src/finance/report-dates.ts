/** Today's date in UTC, YYYY-MM-DD: the API's calendar dates are UTC days. */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The UTC date `days` before a YYYY-MM-DD date. */
export function daysBefore(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString().slice(0, 10);
}

/** The first day of the UTC month `months` before the one `date` falls in: report ranges start on a month. */
export function monthStartBefore(date: string, months: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  return new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() - months, 1)).toISOString().slice(0, 10);
}

/**
 * Interest on overdue amounts: simple interest, actual/365. The days late are counted on the calendar (a leap year's
 * Feb 29 counts), the year is always 365 days, and the whole product
 * `amountMinor × rateBpsPerYear × days / (10 000 × 365)` is built in BigInt and rounded once, HALF_UP, at the minor
 * unit.
 */
import { type CalendarDate, daysBetween } from '../../../common/calendar-date';
import { divideRounded } from '../../../common/money';

export type LateInterestInput = {
  /** The overdue amount; for partial payments, charge each stretch of the outstanding balance separately. */
  amountMinor: number;
  rateBpsPerYear: number;
  dueDate: CalendarDate;
  /** The payment date, or the date up to which interest is stated while the amount is still unpaid. */
  paidOrAsOf: CalendarDate;
  /**
   * Days after the due date during which payment carries no interest. Grace forgives, it does not postpone: paid
   * after the grace period, interest runs from the due date.
   */
  graceDays?: number;
};

/** Whole days from the due date to the payment; 0 when paid on or before the due date. */
export function daysLate(dueDate: CalendarDate, paidOrAsOf: CalendarDate): number {
  return Math.max(0, daysBetween(dueDate, paidOrAsOf));
}

export function lateInterest(input: LateInterestInput): number {
  const { amountMinor, rateBpsPerYear, graceDays = 0 } = input;
  for (const [name, value] of Object.entries({ amountMinor, rateBpsPerYear, graceDays })) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
    }
  }
  const days = daysLate(input.dueDate, input.paidOrAsOf);
  if (days === 0 || days <= graceDays) return 0;
  const interest = divideRounded(
    BigInt(amountMinor) * BigInt(rateBpsPerYear) * BigInt(days),
    10_000n * 365n,
    'HALF_UP',
  );
  if (interest > BigInt(Number.MAX_SAFE_INTEGER))
    throw new RangeError(`Late interest ${interest} is not a safe integer`);
  return Number(interest);
}

/**
 * When money falls due under a payment plan. Pure: the effective date (and, once known, the first revenue date) go
 * in, dated obligations come out, each with a deterministic key so that re-running the schedule for the same contract
 * updates obligations instead of duplicating them.
 */
import {
  addDays,
  addMonthsFromAnchor,
  type CalendarDate,
  endOfPeriod,
  maxDate,
  minDate,
  MONTHS_IN_PERIOD,
} from '../../../common/calendar-date';
import { type CurrencyCode, splitEvenly } from '../../../common/money';
import { DEFAULT_REPORTING_PERIOD, type Installments, type PaymentPlan } from './payment-plan';

export type ObligationKind =
  | 'UPFRONT'
  | 'INSTALLMENT'
  | 'MILESTONE'
  | 'ROYALTY'
  | 'MINIMUM_ROYALTY_TRUE_UP'
  | 'ROYALTY_ADJUSTMENT'
  | 'SUBLICENSE_SHARE'
  | 'SUBLICENSE_SHARE_ADJUSTMENT'
  | 'EXIT_FEE'
  | 'LATE_INTEREST';

export type ScheduledObligation = {
  /** Unique within a contract and stable across re-runs; use it as the idempotency key of the obligation. */
  key: string;
  kind: ObligationKind;
  amountMinor: number;
  currency: CurrencyCode;
  dueDate: CalendarDate;
};

/** The one place obligation keys are spelled, so that every writer of an obligation derives the same key. */
export const obligationKey = {
  upfront: () => 'UPFRONT',
  installment: (number: number) => `INSTALLMENT:${number}`,
  milestone: (milestoneKey: string) => `MILESTONE:${milestoneKey}`,
  royalty: (periodStart: CalendarDate) => `ROYALTY:${periodStart}`,
  royaltyAdjustment: (periodStart: CalendarDate, revision: number) =>
    `ROYALTY_ADJUSTMENT:${periodStart}:${revision}`,
  sublicenseShare: (periodStart: CalendarDate) => `SUBLICENSE_SHARE:${periodStart}`,
  sublicenseShareAdjustment: (periodStart: CalendarDate, revision: number) =>
    `SUBLICENSE_SHARE_ADJUSTMENT:${periodStart}:${revision}`,
  minimumRoyaltyTrueUp: (contractYear: number) => `MINIMUM_ROYALTY_TRUE_UP:${contractYear}`,
  exitFee: () => 'EXIT_FEE',
  lateInterest: (overdueObligationKey: string) => `LATE_INTEREST:${overdueObligationKey}`,
} as const;

/**
 * The day the free period ends: the first day that is no longer free, so free days are
 * `effectiveDate ≤ day < freePeriodEnd`, and money "due at the end of the free period" falls due on this day.
 * It is `months` after the effective date (2026-01-31 + 1 month = 2026-02-28), or the first revenue date if the plan
 * ends the free period on first revenue and that comes sooner. Without a free period it is the effective date.
 */
export function freePeriodEnd(
  plan: PaymentPlan,
  effectiveDate: CalendarDate,
  firstRevenueDate?: CalendarDate | null,
): CalendarDate {
  const { freePeriod } = plan;
  if (!freePeriod || freePeriod.months === 0) return effectiveDate;
  const fullEnd = addMonthsFromAnchor(effectiveDate, freePeriod.months);
  if (!freePeriod.endsOnFirstRevenue || !firstRevenueDate) return fullEnd;
  return minDate(fullEnd, maxDate(firstRevenueDate, effectiveDate));
}

/** The last day of the licence, inclusive: the day before the `termMonths` anniversary of the effective date. */
export function lastDayOfTerm(plan: PaymentPlan, effectiveDate: CalendarDate): CalendarDate {
  return addDays(addMonthsFromAnchor(effectiveDate, plan.termMonths), -1);
}

/**
 * The obligations fixed at signing: the upfront fee, every installment and every DATE milestone, sorted by due date.
 * Until the first revenue date is known, an `endsOnFirstRevenue` free period is assumed to run its full length; call
 * again with `firstRevenueDate` and the same keys come back with earlier due dates.
 *
 * Installment n (1-based) falls due `(n − 1)` periods after the first one, each date computed from one anchor so a
 * schedule anchored on the 31st stays on month ends: monthly from 2026-01-31 gives Feb 28, Mar 31, Apr 30. The anchor
 * is the effective date for AFTER_EFFECTIVE_DATE and for a full free period, otherwise the first due date itself.
 * Amounts come from `splitEvenly`, so they add up to `totalMinor` exactly.
 */
export function scheduleFixedObligations(
  plan: PaymentPlan,
  effectiveDate: CalendarDate,
  firstRevenueDate?: CalendarDate | null,
): ScheduledObligation[] {
  const { currency } = plan;
  const obligations: ScheduledObligation[] = [];
  const endOfFree = freePeriodEnd(plan, effectiveDate, firstRevenueDate);

  const { upfrontFee } = plan;
  if (upfrontFee) {
    const dueDate =
      upfrontFee.due === 'AT_SIGNING'
        ? effectiveDate
        : upfrontFee.due === 'END_OF_FREE_PERIOD'
          ? endOfFree
          : upfrontFee.due.onDate;
    obligations.push({
      key: obligationKey.upfront(),
      kind: 'UPFRONT',
      amountMinor: upfrontFee.amountMinor,
      currency,
      dueDate,
    });
  }

  const { installments } = plan;
  if (installments) {
    const periodMonths = MONTHS_IN_PERIOD[installments.frequency];
    const { anchor, firstOffsetMonths } = installmentAnchor(installments, plan, effectiveDate, endOfFree);
    splitEvenly(installments.totalMinor, installments.count, installments.remainder).forEach(
      (amountMinor, index) => {
        obligations.push({
          key: obligationKey.installment(index + 1),
          kind: 'INSTALLMENT',
          amountMinor,
          currency,
          dueDate: addMonthsFromAnchor(anchor, firstOffsetMonths + index * periodMonths),
        });
      },
    );
  }

  for (const milestone of plan.milestones ?? []) {
    if (milestone.trigger !== 'DATE' || !milestone.onDate) continue;
    obligations.push({
      key: obligationKey.milestone(milestone.key),
      kind: 'MILESTONE',
      amountMinor: milestone.amountMinor,
      currency,
      dueDate: addDays(milestone.onDate, milestone.dueDaysAfterEvent),
    });
  }

  // Array.prototype.sort is stable: same-day obligations keep the order upfront, installments, milestones.
  return obligations.sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

/** The obligation for a milestone whose event (first sale, approval, threshold reached, date) happened on `eventDate`. */
export function milestoneObligationOrThrow(
  plan: PaymentPlan,
  milestoneKey: string,
  eventDate: CalendarDate,
): ScheduledObligation {
  const milestone = (plan.milestones ?? []).find((candidate) => candidate.key === milestoneKey);
  if (!milestone) throw new RangeError(`The plan has no milestone "${milestoneKey}"`);
  return {
    key: obligationKey.milestone(milestone.key),
    kind: 'MILESTONE',
    amountMinor: milestone.amountMinor,
    currency: plan.currency,
    dueDate: addDays(eventDate, milestone.dueDaysAfterEvent),
  };
}

/** The exit fee owed when the licensee ends the licence on `exitDate`, due that day; null when the plan has none. */
export function exitFeeObligation(plan: PaymentPlan, exitDate: CalendarDate): ScheduledObligation | null {
  if (!plan.exitFeeMinor) return null;
  return {
    key: obligationKey.exitFee(),
    kind: 'EXIT_FEE',
    amountMinor: plan.exitFeeMinor,
    currency: plan.currency,
    dueDate: exitDate,
  };
}

export type ReportingWindow = {
  /** 1-based, in date order. */
  index: number;
  start: CalendarDate;
  /** Inclusive. */
  end: CalendarDate;
  reportDueDate: CalendarDate;
};

/**
 * The sales-reporting windows over the whole term. Windows are calendar-aligned (a QUARTERLY plan reports on
 * Jan–Mar, Apr–Jun, …); the first starts on the effective date and the last ends on the last day of the term, so
 * both may be short. A report is due `reportDueDays` after its window ends. A ten-year quarterly term starting on
 * Jan 1 has 40 windows; starting mid-quarter it has 41.
 */
export function reportingPeriods(plan: PaymentPlan, effectiveDate: CalendarDate): ReportingWindow[] {
  const period = plan.reportingPeriod ?? DEFAULT_REPORTING_PERIOD;
  const lastDay = lastDayOfTerm(plan, effectiveDate);
  const windows: ReportingWindow[] = [];
  for (let start = effectiveDate; start <= lastDay;) {
    const end = minDate(endOfPeriod(start, period), lastDay);
    windows.push({ index: windows.length + 1, start, end, reportDueDate: addDays(end, plan.reportDueDays) });
    start = addDays(end, 1);
  }
  return windows;
}

function installmentAnchor(
  { firstDue, frequency }: Installments,
  plan: PaymentPlan,
  effectiveDate: CalendarDate,
  endOfFree: CalendarDate,
): { anchor: CalendarDate; firstOffsetMonths: number } {
  if (firstDue === 'AFTER_EFFECTIVE_DATE') {
    return { anchor: effectiveDate, firstOffsetMonths: MONTHS_IN_PERIOD[frequency] };
  }
  if (firstDue === 'END_OF_FREE_PERIOD') {
    const freeMonths = plan.freePeriod?.months ?? 0;
    // A free period that ran its full length ends on a clamped date (Nov 30 + 3 months = Feb 28); anchoring on the
    // effective date keeps later installments on the 30th. One ended early by first revenue anchors on that day.
    return endOfFree === addMonthsFromAnchor(effectiveDate, freeMonths)
      ? { anchor: effectiveDate, firstOffsetMonths: freeMonths }
      : { anchor: endOfFree, firstOffsetMonths: 0 };
  }
  return { anchor: firstDue.onDate, firstOffsetMonths: 0 };
}

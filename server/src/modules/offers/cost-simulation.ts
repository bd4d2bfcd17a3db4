import {
  addDays,
  addMonthsFromAnchor,
  compareDates,
  contractYearOf,
  contractYearStart,
  type CalendarDate,
} from '../../common/calendar-date';
import {
  freePeriodEnd,
  lastDayOfTerm,
  reportingPeriods,
  scheduleFixedObligations,
  type ObligationKind,
} from '../contracts/engine/obligation-schedule';
import type { PaymentPlan } from '../contracts/engine/payment-plan';
import { computeRoyalty, minimumForContractYear, minimumRoyaltyTrueUp } from '../contracts/engine/royalty';

export type SimulatedPayment = {
  kind: ObligationKind;
  label: string;
  amountMinor: number;
  dueDate: CalendarDate;
};
export type SimulatedMonth = {
  month: number;
  startsOn: CalendarDate;
  payments: SimulatedPayment[];
  totalMinor: number;
};
export type CostSimulation = {
  months: SimulatedMonth[];
  totalMinor: number;
  freePeriodEndsOn: CalendarDate;
  /** Payments the projection cannot place (an approval nobody can predict), named so the SME knows. */
  notSimulated: string[];
};

/**
 * What an offer would cost an SME, month by month over its term, for the SME's own projection of monthly net
 * sales (month 1 starts on the effective date; months not given sell nothing).
 *
 * The rules are the contract engine's: sales in month m are dated on its first day; the first month with sales
 * ends a free period that ends on first revenue; sales before the free period ends bear no royalty; each reporting
 * window's royalty runs through the tiers and caps and falls due with its report; the minimum annual royalty is
 * topped up at each contract year's end (due with that year's last report); a milestone on cumulative sales falls
 * due `dueDaysAfterEvent` after the first day of the month that reaches it. A payment belongs to the month its
 * due date falls in, which may lie after the term (a last report is due after the term ends).
 */
export function simulateCost(
  plan: PaymentPlan,
  effectiveDate: CalendarDate,
  monthlyNetSalesMinor: readonly number[],
): CostSimulation {
  const monthStart = (m: number) => addMonthsFromAnchor(effectiveDate, m - 1);
  const salesInMonth = (m: number) => monthlyNetSalesMinor[m - 1] ?? 0;
  const firstSaleMonth = monthlyNetSalesMinor.findIndex((s) => s > 0) + 1;
  const firstRevenueDate = firstSaleMonth > 0 ? monthStart(firstSaleMonth) : null;
  const freeEnd = freePeriodEnd(plan, effectiveDate, firstRevenueDate);
  const payments: SimulatedPayment[] = [];
  const notSimulated: string[] = [];

  for (const o of scheduleFixedObligations(plan, effectiveDate, firstRevenueDate)) {
    payments.push({ kind: o.kind, label: o.key, amountMinor: o.amountMinor, dueDate: o.dueDate });
  }

  // Royalties, report by report.
  const termMonths = plan.termMonths;
  let cumulativeSales = 0;
  let chargedTotal = 0;
  const chargedByYear = new Map<number, number>();
  const salesByYear = new Map<number, number>();
  const windows = reportingPeriods(plan, effectiveDate);
  for (const window of windows) {
    let sales = 0;
    for (let m = 1; m <= termMonths; m++) {
      const start = monthStart(m);
      if (
        compareDates(start, window.start) >= 0 &&
        compareDates(start, window.end) <= 0 &&
        compareDates(start, freeEnd) >= 0
      )
        sales += salesInMonth(m);
    }
    const year = contractYearOf(effectiveDate, window.start);
    if (plan.royalty && sales > 0) {
      const prior = plan.royalty.tierBasis === 'CUMULATIVE' ? cumulativeSales : (salesByYear.get(year) ?? 0);
      const { cappedMinor } = computeRoyalty({
        plan,
        netSalesMinor: sales,
        priorNetSalesInBasisMinor: prior,
        royaltiesAlreadyChargedThisYearMinor: chargedByYear.get(year) ?? 0,
        royaltiesAlreadyChargedTotalMinor: chargedTotal,
      });
      if (cappedMinor > 0)
        payments.push({
          kind: 'ROYALTY',
          label: `ROYALTY:${window.start}`,
          amountMinor: cappedMinor,
          dueDate: window.reportDueDate,
        });
      chargedTotal += cappedMinor;
      chargedByYear.set(year, (chargedByYear.get(year) ?? 0) + cappedMinor);
    }
    cumulativeSales += sales;
    salesByYear.set(year, (salesByYear.get(year) ?? 0) + sales);
  }

  // Minimum annual royalty, topped up when each contract year ends.
  if (plan.minimumAnnualRoyalty) {
    const lastDay = lastDayOfTerm(plan, effectiveDate);
    for (
      let year = plan.minimumAnnualRoyalty.fromContractYear;
      compareDates(contractYearStart(effectiveDate, year), lastDay) <= 0;
      year++
    ) {
      const yearEnd = addDays(contractYearStart(effectiveDate, year + 1), -1);
      const { owedMinor } = minimumRoyaltyTrueUp({
        minimumMinor: minimumForContractYear(plan, year),
        earnedInYearMinor: chargedByYear.get(year) ?? 0,
        totalCapMinor: plan.caps?.totalMinor ?? null,
        royaltiesAlreadyChargedTotalMinor: chargedTotal,
      });
      if (owedMinor > 0) {
        payments.push({
          kind: 'MINIMUM_ROYALTY_TRUE_UP',
          label: `MINIMUM_ROYALTY_TRUE_UP:${year}`,
          amountMinor: owedMinor,
          dueDate: addDays(yearEnd, plan.reportDueDays),
        });
        chargedTotal += owedMinor;
      }
    }
  }

  // Milestones whose event the projection tells.
  for (const milestone of plan.milestones ?? []) {
    const label = `MILESTONE:${milestone.key}`;
    if (milestone.trigger === 'DATE') continue; // already in the fixed schedule
    let eventDate: CalendarDate | null = null;
    if (milestone.trigger === 'FIRST_COMMERCIAL_SALE') eventDate = firstRevenueDate;
    if (milestone.trigger === 'CUMULATIVE_NET_SALES') {
      let running = 0;
      for (let m = 1; m <= termMonths && !eventDate; m++) {
        running += salesInMonth(m);
        if (running >= (milestone.thresholdMinor ?? Infinity)) eventDate = monthStart(m);
      }
    }
    if (milestone.trigger === 'REGULATORY_APPROVAL')
      notSimulated.push(
        `${milestone.name}: due ${milestone.dueDaysAfterEvent} days after regulatory approval`,
      );
    if (eventDate)
      payments.push({
        kind: 'MILESTONE',
        label,
        amountMinor: milestone.amountMinor,
        dueDate: addDays(eventDate, milestone.dueDaysAfterEvent),
      });
  }

  // Bucket by the contract month the due date falls in.
  const monthOf = (date: CalendarDate) => {
    let m = 1;
    while (compareDates(monthStart(m + 1), date) <= 0) m++;
    return m;
  };
  const lastMonth = Math.max(termMonths, ...payments.map((p) => monthOf(p.dueDate)));
  const months: SimulatedMonth[] = Array.from({ length: lastMonth }, (_, i) => ({
    month: i + 1,
    startsOn: monthStart(i + 1),
    payments: [],
    totalMinor: 0,
  }));
  for (const payment of payments.sort(
    (a, b) => compareDates(a.dueDate, b.dueDate) || a.label.localeCompare(b.label),
  )) {
    const month = months[monthOf(payment.dueDate) - 1];
    month.payments.push(payment);
    month.totalMinor += payment.amountMinor;
  }
  return {
    months,
    totalMinor: months.reduce((sum, m) => sum + m.totalMinor, 0),
    freePeriodEndsOn: freeEnd,
    notSimulated,
  };
}

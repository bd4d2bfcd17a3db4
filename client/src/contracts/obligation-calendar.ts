import type { ObligationStatus } from '../graphql/generated/graphql';

export type CalendarObligation = {
  id: string;
  kind: string;
  amountMinor: number;
  currency: string;
  dueDate: string;
  status: ObligationStatus;
};

export type ObligationMonth = {
  /** 'YYYY-MM' */
  month: string;
  obligations: CalendarObligation[];
  /** What is still to pay in the month (not paid, waived or cancelled), per currency. */
  openMinor: Record<string, number>;
};

export type ObligationCalendar = {
  /** Past due and unpaid: shown first, whatever their month. */
  overdue: CalendarObligation[];
  overdueMinor: Record<string, number>;
  /** Everything else, month by month in date order. */
  months: ObligationMonth[];
};

const SETTLED: readonly ObligationStatus[] = ['PAID', 'WAIVED', 'CANCELLED'];

/** Whether an obligation is still to be paid. */
export function isOpen(status: ObligationStatus): boolean {
  return !SETTLED.includes(status);
}

/**
 * A contract's obligations as its calendar shows them: what is overdue first, then each month's items in due-date
 * order with what remains to pay. The statuses are the contract engine's; nothing is inferred from today's date.
 */
export function obligationCalendar(obligations: readonly CalendarObligation[]): ObligationCalendar {
  const sorted = [...obligations].sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id),
  );
  const overdue = sorted.filter((obligation) => obligation.status === 'OVERDUE');
  const months = new Map<string, ObligationMonth>();
  for (const obligation of sorted) {
    if (obligation.status === 'OVERDUE') continue;
    const month = obligation.dueDate.slice(0, 7);
    let entry = months.get(month);
    if (!entry) {
      entry = { month, obligations: [], openMinor: {} };
      months.set(month, entry);
    }
    entry.obligations.push(obligation);
    if (isOpen(obligation.status)) addTo(entry.openMinor, obligation);
  }
  const overdueMinor: Record<string, number> = {};
  for (const obligation of overdue) addTo(overdueMinor, obligation);
  return { overdue, overdueMinor, months: [...months.values()] };
}

function addTo(totals: Record<string, number>, obligation: CalendarObligation): void {
  totals[obligation.currency] = (totals[obligation.currency] ?? 0) + obligation.amountMinor;
}

/** The first day of each reporting period that has started by `today`, latest first: what can be reported. */
export function startedReportingPeriods(
  effectiveDate: string,
  period: 'MONTHLY' | 'QUARTERLY' | 'YEARLY',
  termMonths: number,
  today: string,
): string[] {
  const months = { MONTHLY: 1, QUARTERLY: 3, YEARLY: 12 }[period];
  const [year, month] = effectiveDate.split('-').map(Number) as [number, number];
  const end = addMonths(year, month, termMonths);
  const starts = [effectiveDate];
  // Calendar-aligned: the periods after the first start on the first day of a month that is a multiple of the period.
  let y = year;
  let m = month;
  for (;;) {
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if ((m - 1) % months !== 0) continue;
    const start = `${y}-${String(m).padStart(2, '0')}-01`;
    if (start >= end || start > today) break;
    starts.push(start);
  }
  return starts.filter((start) => start <= today).reverse();
}

function addMonths(year: number, month: number, count: number): string {
  const total = year * 12 + (month - 1) + count;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

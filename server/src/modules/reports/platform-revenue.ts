import type { JournalLine } from '../ledger/journal-entry';
import { periodOf, sumMinor } from './report-amounts';

/**
 * Platform revenue per calendar month and currency: the platform fee earned, net of what refunds and reversals gave
 * back (credits minus debits on PLATFORM_FEE_REVENUE), less Stripe's fees (debits minus credits on STRIPE_FEES,
 * dispute fees included and won disputes' fees returned). Entries count in the month of their effective date.
 */
export type RevenueEntry = {
  id: string;
  effectiveDate: string;
  currency: string;
  lines: readonly JournalLine[];
};

export type RevenueAmounts = {
  currency: string;
  platformFeeMinor: number;
  stripeFeesMinor: number;
  /** Platform fee less Stripe's fees. */
  netMinor: number;
};

export type RevenueMonth = RevenueAmounts & { month: string; start: string; end: string };

export type PlatformRevenueReport = {
  from: string;
  to: string;
  /** Months with any fee or Stripe fee, in order, then by currency. */
  months: RevenueMonth[];
  /** Per currency over the whole range. */
  totals: RevenueAmounts[];
};

export function buildPlatformRevenue(input: {
  from: string;
  to: string;
  /** Entries touching either account; the same entry given twice counts once. */
  entries: readonly RevenueEntry[];
}): PlatformRevenueReport {
  const { from, to } = input;
  const months = new Map<string, RevenueMonth>();
  const totals = new Map<string, RevenueAmounts>();
  const seen = new Set<string>();
  for (const entry of input.entries) {
    if (seen.has(entry.id) || entry.effectiveDate < from || entry.effectiveDate > to) continue;
    seen.add(entry.id);
    let fee = 0;
    let stripe = 0;
    for (const line of entry.lines) {
      if (line.account === 'PLATFORM_FEE_REVENUE') fee = sumMinor(fee, line.creditMinor - line.debitMinor);
      if (line.account === 'STRIPE_FEES') stripe = sumMinor(stripe, line.debitMinor - line.creditMinor);
    }
    if (fee === 0 && stripe === 0) continue;
    const span = periodOf(entry.effectiveDate, 'MONTH');
    const monthKey = `${span.key}\u0000${entry.currency}`;
    const month = months.get(monthKey) ?? {
      month: span.key,
      start: span.start,
      end: span.end,
      ...zero(entry.currency),
    };
    months.set(monthKey, add(month, fee, stripe));
    totals.set(entry.currency, add(totals.get(entry.currency) ?? zero(entry.currency), fee, stripe));
  }
  return {
    from,
    to,
    months: [...months.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.currency.localeCompare(b.currency),
    ),
    totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

function zero(currency: string): RevenueAmounts {
  return { currency, platformFeeMinor: 0, stripeFeesMinor: 0, netMinor: 0 };
}

function add<T extends RevenueAmounts>(row: T, fee: number, stripe: number): T {
  return {
    ...row,
    platformFeeMinor: sumMinor(row.platformFeeMinor, fee),
    stripeFeesMinor: sumMinor(row.stripeFeesMinor, stripe),
    netMinor: sumMinor(row.netMinor, fee - stripe),
  };
}

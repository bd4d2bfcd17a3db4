import type { RequestContext } from '../../common/request-context';
import { amountColumn, toCsv, type CsvColumn } from './report-csv';

/**
 * The hook for the last finance report of issue #4, the reconciliation state of each payout. Reconciliation owns
 * the facts (imported payouts, their balance transactions, exceptions), so it fills this in; the reports module
 * only turns the rows into a CSV with the same conventions as the others. Until a source is wired into
 * `reportsCsvRouter`, there is no `payouts.csv` (the GraphQL side is reconciliation's `payoutReconciliation`).
 */
export type PayoutReconciliationRow = {
  payoutId: string;
  /** The day Stripe says the payout reaches the bank, YYYY-MM-DD. */
  arrivalDate: string;
  status: string;
  amountMinor: number;
  currency: string;
  /** What the ledger holds for the payout (BANK debits), for comparison with `amountMinor`. */
  ledgerAmountMinor: number;
  /** e.g. RECONCILED, UNMATCHED, AMOUNT_MISMATCH: reconciliation's own words. */
  state: string;
  openExceptions: number;
};

/** Who may call it is the source's decision (platform finance and admins); ranges are inclusive calendar days. */
export type PayoutReconciliationSource = (
  ctx: RequestContext,
  range: { from: string; to: string },
) => Promise<PayoutReconciliationRow[]>;

const columns: CsvColumn<PayoutReconciliationRow>[] = [
  { header: 'payout_id', cell: (r) => ({ text: r.payoutId }) },
  { header: 'arrival_date', cell: (r) => ({ date: r.arrivalDate }) },
  { header: 'status', cell: (r) => ({ text: r.status }) },
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  amountColumn('amount', (r) => ({ amountMinor: r.amountMinor, currency: r.currency })),
  amountColumn('ledger_amount', (r) => ({ amountMinor: r.ledgerAmountMinor, currency: r.currency })),
  { header: 'state', cell: (r) => ({ text: r.state }) },
  { header: 'open_exceptions', cell: (r) => ({ integer: r.openExceptions }) },
];

export function payoutReconciliationCsv(rows: readonly PayoutReconciliationRow[]): string {
  return toCsv(columns, rows);
}

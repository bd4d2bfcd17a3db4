/**
 * Matching Stripe's balance transactions to our ledger, as pure functions. A balance transaction moves our Stripe
 * balance by `net` (amount less Stripe's fee); the ledger entries that stand for it move CASH_IN_TRANSIT by the same
 * amount. Entries are found by Stripe ids, never by amounts or dates: first the entries that name the balance
 * transaction itself, else the ones that name its source (transfer, refund, payout) with the cause that kind of
 * transaction stands for.
 */
export type BalanceTransactionFacts = {
  id: string;
  type: string;
  source: string | null;
  netMinor: number;
  currency: string;
};

export type EntryFacts = {
  id: string;
  idempotencyKey: string;
  currency: string;
  /** Debits less credits on CASH_IN_TRANSIT. */
  cashNetMinor: number;
  stripeIds: string[];
};

export type MatchResult =
  | { status: 'MATCHED'; entryIds: string[] }
  | { status: 'PENDING'; why: string }
  | {
      status: 'EXCEPTION';
      reason: 'MISSING_IN_LEDGER' | 'AMOUNT_MISMATCH' | 'CURRENCY_MISMATCH';
      entryIds: string[];
      expectedMinor: number | null;
      actualMinor: number | null;
      description: string;
    };

/** Which of the entries naming a source stand for a transaction of this type (by their key's prefix). */
const KEY_PREFIX_BY_TYPE: Record<string, string[]> = {
  transfer: ['transfer:'],
  refund: ['refund:'],
  payment_refund: ['refund:'],
  transfer_refund: ['refund-recovery:'],
  transfer_cancel: ['refund-recovery:'],
  payout: ['payout-paid:'],
  payout_failure: ['payout-failed:'],
};

export type LedgerIndex = Map<string, EntryFacts[]>;

export function indexEntries(entries: readonly EntryFacts[]): LedgerIndex {
  const index: LedgerIndex = new Map();
  for (const entry of entries)
    for (const id of entry.stripeIds) {
      const list = index.get(id) ?? [];
      list.push(entry);
      index.set(id, list);
    }
  return index;
}

export function matchBalanceTransaction(
  bt: BalanceTransactionFacts,
  index: LedgerIndex,
  payoutStatus: (payoutId: string) => string | null,
): MatchResult {
  let entries = index.get(bt.id) ?? [];
  if (entries.length === 0 && bt.source) {
    const prefixes = KEY_PREFIX_BY_TYPE[bt.type] ?? [];
    entries = (index.get(bt.source) ?? []).filter((e) =>
      prefixes.some((p) => e.idempotencyKey.startsWith(p)),
    );
  }
  if (entries.length === 0) {
    // A payout reaches the ledger when it is paid; until then, or when it failed before arriving (its payout and
    // payout_failure transactions cancel out), there is nothing to match and nothing wrong.
    if ((bt.type === 'payout' || bt.type === 'payout_failure') && bt.source) {
      const status = payoutStatus(bt.source);
      if (status === 'pending' || status === 'in_transit')
        return { status: 'PENDING', why: 'payout not arrived yet' };
      if (
        status === 'failed' &&
        !index.get(bt.source)?.some((e) => e.idempotencyKey.startsWith('payout-paid:'))
      )
        return { status: 'MATCHED', entryIds: [] };
    }
    return {
      status: 'EXCEPTION',
      reason: 'MISSING_IN_LEDGER',
      entryIds: [],
      expectedMinor: bt.netMinor,
      actualMinor: null,
      description: `Stripe ${bt.type} ${bt.id} (${bt.source ?? 'no source'}) has no ledger entry.`,
    };
  }
  const entryIds = entries.map((e) => e.id);
  if (entries.some((e) => e.currency !== bt.currency))
    return {
      status: 'EXCEPTION',
      reason: 'CURRENCY_MISMATCH',
      entryIds,
      expectedMinor: bt.netMinor,
      actualMinor: null,
      description: `Stripe ${bt.id} is in ${bt.currency}; the ledger has ${[...new Set(entries.map((e) => e.currency))].join(', ')}.`,
    };
  const ledgerNet = entries.reduce((sum, e) => sum + e.cashNetMinor, 0);
  if (ledgerNet !== bt.netMinor)
    return {
      status: 'EXCEPTION',
      reason: 'AMOUNT_MISMATCH',
      entryIds,
      expectedMinor: bt.netMinor,
      actualMinor: ledgerNet,
      description: `Stripe ${bt.type} ${bt.id} moved ${bt.netMinor}; the ledger moved ${ledgerNet}.`,
    };
  return { status: 'MATCHED', entryIds };
}

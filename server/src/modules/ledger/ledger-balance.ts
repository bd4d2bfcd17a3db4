import { LEDGER_ACCOUNTS, type LedgerAccount } from './ledger-accounts';
import type { JournalLine } from './journal-entry';

/**
 * Balance arithmetic over entries already fetched. Pure, so the service's queries stay plain equality filters (which
 * FerretDB hands to PostgreSQL) and the summing is checked here by hand-computed specs.
 */

/** Which lines count: a line counts when it matches every id given. */
export type LineFilter = {
  account?: LedgerAccount | null;
  contractId?: string | null;
  organizationId?: string | null;
};

export type BalanceInput = { effectiveDate: string; currency: string; lines: readonly JournalLine[] };

export type AccountBalance = {
  account: LedgerAccount;
  currency: string;
  debitMinor: number;
  creditMinor: number;
  /** Debits minus credits. */
  balanceMinor: number;
};

export function lineMatches(line: JournalLine, filter: LineFilter): boolean {
  return (
    (!filter.account || line.account === filter.account) &&
    (!filter.contractId || line.contractId === filter.contractId) &&
    (!filter.organizationId || line.organizationId === filter.organizationId)
  );
}

/** Debits minus credits of the matching lines in `currency`, over entries effective on or before `asOf`. */
export function signedBalance(
  entries: readonly BalanceInput[],
  filter: LineFilter,
  currency: string,
  asOf: string,
): number {
  let sum = 0n;
  for (const entry of entries) {
    if (entry.currency !== currency || entry.effectiveDate > asOf) continue;
    for (const line of entry.lines) {
      if (lineMatches(line, filter)) sum += BigInt(line.debitMinor) - BigInt(line.creditMinor);
    }
  }
  return toSafeNumber(sum);
}

/**
 * Per account and currency, the debits, credits and debit-positive balance of the matching lines effective on or
 * before `asOf`; in chart-of-accounts order, then by currency. Accounts without a matching line are left out.
 */
export function sumByAccount(
  entries: readonly BalanceInput[],
  filter: LineFilter,
  asOf: string,
): AccountBalance[] {
  const sums = new Map<string, { account: LedgerAccount; currency: string; debit: bigint; credit: bigint }>();
  for (const entry of entries) {
    if (entry.effectiveDate > asOf) continue;
    for (const line of entry.lines) {
      if (!lineMatches(line, filter)) continue;
      const key = `${line.account}\u0000${entry.currency}`;
      const sum = sums.get(key) ?? { account: line.account, currency: entry.currency, debit: 0n, credit: 0n };
      sum.debit += BigInt(line.debitMinor);
      sum.credit += BigInt(line.creditMinor);
      sums.set(key, sum);
    }
  }
  return [...sums.values()]
    .sort(
      (a, b) =>
        LEDGER_ACCOUNTS.indexOf(a.account) - LEDGER_ACCOUNTS.indexOf(b.account) ||
        a.currency.localeCompare(b.currency),
    )
    .map((s) => ({
      account: s.account,
      currency: s.currency,
      debitMinor: toSafeNumber(s.debit),
      creditMinor: toSafeNumber(s.credit),
      balanceMinor: toSafeNumber(s.debit - s.credit),
    }));
}

export type OrderedEntry = BalanceInput & { postedAt: Date; id: string };

/** Ledger order: by effective date, then by when it was posted, then by id, so that every reader sees one order. */
export function compareEntries(a: OrderedEntry, b: OrderedEntry): number {
  return (
    a.effectiveDate.localeCompare(b.effectiveDate) ||
    a.postedAt.getTime() - b.postedAt.getTime() ||
    a.id.localeCompare(b.id)
  );
}

export type StatementRow<E extends OrderedEntry> = {
  entry: E;
  /** What this entry did to the contract's receivable: debit-positive. */
  receivableChangeMinor: number;
  /** The contract's receivable in the entry's currency after this entry. */
  runningBalanceMinor: number;
};

/**
 * A contract's statement: its entries in ledger order with the running balance of its receivable, per currency
 * (a contract is in one currency; the rows keep a second one apart rather than mix them).
 */
export function statementRows<E extends OrderedEntry>(
  entries: readonly E[],
  contractId: string,
): StatementRow<E>[] {
  const running = new Map<string, bigint>();
  return [...entries].sort(compareEntries).map((entry) => {
    let change = 0n;
    for (const line of entry.lines) {
      if (line.account === 'RECEIVABLE' && line.contractId === contractId)
        change += BigInt(line.debitMinor) - BigInt(line.creditMinor);
    }
    const balance = (running.get(entry.currency) ?? 0n) + change;
    running.set(entry.currency, balance);
    return {
      entry,
      receivableChangeMinor: toSafeNumber(change),
      runningBalanceMinor: toSafeNumber(balance),
    };
  });
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER))
    throw new RangeError(`${value} minor units is beyond the safe integer range`);
  return Number(value);
}

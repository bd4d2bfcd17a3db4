import type { JournalLine } from '../ledger/journal-entry';
import { statementRows, type OrderedEntry } from '../ledger/ledger-balance';

/**
 * A contract's statement: its journal entries in ledger order (effective date, then posting time) with the running
 * balance of its receivable, as one viewer may see them.
 *
 * The platform's finance staff and admins see every entry and every line. A party sees the entries that change the
 * contract's receivable (what is owed and paid, which both parties know from the obligations) or carry a line of
 * its own organisation, and of each entry only its own lines: a licensee does not see the licensor's fee and
 * transfer lines, a licensor does not see the licensee's receivable lines, and neither sees Stripe's fees. The
 * running balance is always computed over every entry, so it is the same whoever reads it.
 */
export type StatementEntry = OrderedEntry & {
  cause: { kind: string; id: string };
  memo: string;
  lines: readonly JournalLine[];
};

export type VisibleStatementRow<E extends StatementEntry> = {
  entry: E;
  lines: JournalLine[];
  /** Whether `lines` is the whole entry. */
  complete: boolean;
  receivableChangeMinor: number;
  runningReceivableMinor: number;
};

export type ContractStatementRows<E extends StatementEntry> = {
  rows: VisibleStatementRow<E>[];
  /** The receivable per currency after the last entry (absent when no entry touched it). */
  receivableBalances: { currency: string; balanceMinor: number }[];
};

/** `viewerOrganizationIds` null: the viewer sees the whole ledger. */
export function buildContractStatement<E extends StatementEntry>(
  entries: readonly E[],
  contractId: string,
  viewerOrganizationIds: readonly string[] | null,
): ContractStatementRows<E> {
  const all = statementRows(entries, contractId);
  const balances = new Map<string, number>();
  for (const row of all) balances.set(row.entry.currency, row.runningBalanceMinor);

  const rows: VisibleStatementRow<E>[] = [];
  for (const row of all) {
    const lines = viewerOrganizationIds
      ? row.entry.lines.filter((l) => l.organizationId && viewerOrganizationIds.includes(l.organizationId))
      : [...row.entry.lines];
    if (lines.length === 0 && row.receivableChangeMinor === 0) continue;
    rows.push({
      entry: row.entry,
      lines,
      complete: lines.length === row.entry.lines.length,
      receivableChangeMinor: row.receivableChangeMinor,
      runningReceivableMinor: row.runningBalanceMinor,
    });
  }
  return {
    rows,
    receivableBalances: [...balances.entries()]
      .map(([currency, balanceMinor]) => ({ currency, balanceMinor }))
      .sort((a, b) => a.currency.localeCompare(b.currency)),
  };
}

import type { DistributionPatent } from './licensor-distribution';
import { splitOverPatents } from './patent-shares';
import { sumByBucket, type AgeingItem, type BucketAmounts } from './receivables-ageing';

/** What licensees owe under one patent's contracts, as its share, in one currency, per ageing bucket. */
export type PatentAgeing = BucketAmounts & {
  /** Null for what is owed under a contract that lists no patent (one row per licensor). */
  patentId: string | null;
  title: string | null;
  applicationNumber: string | null;
  licensorId: string;
  licensorName: string;
  /** How many unpaid obligations have a share in these amounts. */
  obligationCount: number;
};

/**
 * Receivables per patent: what a TTO is owed for each patent, which its inventors will be paid their part of.
 *
 * Rounding: each unpaid obligation is split over its contract's patents with `splitOverPatents`, the rule the
 * distribution splits what was received with (evenly, in the order the contract lists its patents, the minor units
 * that do not divide one each to the first patents), and each piece stays in its obligation's bucket. So, for every
 * contract, the patents' pieces add up exactly to the contract's amount in each bucket and in total. Splitting
 * obligation by obligation, not the contract's sums, keeps a patent's total as it is while its obligations age
 * from one bucket to the next: only a payment or a new obligation changes it.
 *
 * `patentIdsOf` gives each contract's patents in the contract's order; `patents` describes them (a patent not in it
 * keeps its id, with no title or number). Rows are by application number (none last), then patent, then currency.
 */
export function buildReceivablesByPatent(
  items: readonly AgeingItem[],
  patentIdsOf: ReadonlyMap<string, readonly string[]>,
  patents: ReadonlyMap<string, DistributionPatent>,
): PatentAgeing[] {
  const pieces = items.flatMap((item) =>
    splitOverPatents(item.amountMinor, patentIdsOf.get(item.contractId) ?? []).map((share) => ({
      ...item,
      patentId: share.patentId,
      amountMinor: share.amountMinor,
    })),
  );
  // A patent belongs to one licensor; the licensor is in the key only to keep apart amounts under no patent.
  return [...sumByBucket(pieces, (p) => `${p.patentId ?? ''}\u0001${p.licensorId}`).values()]
    .map(({ first, count, amounts }) => {
      const patent = first.patentId ? patents.get(first.patentId) : undefined;
      return {
        patentId: first.patentId,
        title: patent?.title ?? null,
        applicationNumber: patent?.applicationNumber ?? null,
        licensorId: first.licensorId,
        licensorName: first.licensorName,
        obligationCount: count,
        ...amounts,
      };
    })
    .sort(
      (a, b) =>
        (a.applicationNumber ?? '\uffff').localeCompare(b.applicationNumber ?? '\uffff') ||
        (a.patentId ?? '\uffff').localeCompare(b.patentId ?? '\uffff') ||
        a.licensorName.localeCompare(b.licensorName) ||
        a.licensorId.localeCompare(b.licensorId) ||
        a.currency.localeCompare(b.currency),
    );
}

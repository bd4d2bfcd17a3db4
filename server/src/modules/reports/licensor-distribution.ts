import type { JournalLine } from '../ledger/journal-entry';
import { splitOverPatents } from './patent-shares';
import { periodOf, sumMinor, type PeriodSpan, type ReportPeriod } from './report-amounts';

/**
 * The licensor distribution report: what a university or institute received in a date range, per contract, per
 * patent and per period, with the platform fee withheld beside it. The TTO pays its inventors from it.
 *
 * What counts, from the ledger (see `billing/settlement-postings.ts`): the licensor's own lines on LICENSOR_PAYABLE
 * and LATE_INTEREST_INCOME in TRANSFER entries (its share, sent to its Stripe account) and in PLATFORM_FEE entries
 * (the fee kept back), and in reversals of either, which count negative. The amount of a line is its debit minus
 * its credit: both entries debit what the platform owes the licensor. Entries count in the period of their
 * effective date.
 *
 * Per patent: each entry's amount is split over the contract's patents by `splitOverPatents` (evenly, in the order
 * the contract lists them, the minor units that do not divide one each to the first patents). The split is made
 * entry by entry, so per-patent figures of consecutive ranges add up to those of the whole range.
 */
export type DistributionEntry = {
  id: string;
  effectiveDate: string;
  currency: string;
  cause: { kind: string; id: string };
  /** The id of the entry this one reverses, for a reversal. */
  reverses: string | null;
  lines: readonly JournalLine[];
};

export type DistributionContract = {
  contractId: string;
  contractNumber: string;
  title: string;
  licenseeId: string;
  licenseeName: string;
  /** In the contract's own order, which decides who gets the odd minor units. */
  patentIds: readonly string[];
};

export type DistributionPatent = { patentId: string; title: string; applicationNumber: string };

/** Gross is what the licensor's share was before the fee: received plus the fee withheld. */
export type DistributionAmounts = {
  currency: string;
  receivedMinor: number;
  platformFeeMinor: number;
  grossMinor: number;
};

export type ContractDistribution = DistributionAmounts & {
  contractId: string;
  contractNumber: string | null;
  title: string | null;
  licenseeId: string | null;
  licenseeName: string | null;
};

export type PatentDistribution = DistributionAmounts & {
  /** Null for amounts of a contract that lists no patent, or one not found among the licensor's contracts. */
  patentId: string | null;
  title: string | null;
  applicationNumber: string | null;
};

export type PeriodDistribution = DistributionAmounts & { period: string; start: string; end: string };

export type LicensorDistributionReport = {
  licensorId: string;
  from: string;
  to: string;
  period: ReportPeriod;
  totals: DistributionAmounts[];
  byContract: ContractDistribution[];
  byPatent: PatentDistribution[];
  byPeriod: PeriodDistribution[];
};

const LICENSOR_ACCOUNTS = new Set(['LICENSOR_PAYABLE', 'LATE_INTEREST_INCOME']);
type Counted = 'TRANSFER' | 'PLATFORM_FEE';

/** One licensor line that counts: a received amount or a fee, for one contract, in one period. */
type Fact = { contractId: string; currency: string; period: PeriodSpan; kind: Counted; amountMinor: number };

export function buildLicensorDistribution(input: {
  licensorId: string;
  from: string;
  to: string;
  period: ReportPeriod;
  /** Every entry with a line of the licensor; those outside the range are still needed to read reversals. */
  entries: readonly DistributionEntry[];
  contracts: ReadonlyMap<string, DistributionContract>;
  patents: ReadonlyMap<string, DistributionPatent>;
}): LicensorDistributionReport {
  const { licensorId, from, to, period, contracts, patents } = input;
  const byId = new Map(input.entries.map((e) => [e.id, e]));
  const facts: Fact[] = [];
  for (const entry of input.entries) {
    if (entry.effectiveDate < from || entry.effectiveDate > to) continue;
    const kind = countedKind(entry, byId);
    if (!kind) continue;
    for (const line of entry.lines) {
      if (line.organizationId !== licensorId || !LICENSOR_ACCOUNTS.has(line.account) || !line.contractId)
        continue;
      facts.push({
        contractId: line.contractId,
        currency: entry.currency,
        period: periodOf(entry.effectiveDate, period),
        kind,
        amountMinor: line.debitMinor - line.creditMinor,
      });
    }
  }

  const totals = new Sums<Record<string, never>>();
  const perContract = new Sums<{ contractId: string }>();
  const perPatent = new Sums<{ patentId: string | null }>();
  const perPeriod = new Sums<PeriodSpan>();
  for (const fact of facts) {
    totals.add('', {}, fact);
    perContract.add(fact.contractId, { contractId: fact.contractId }, fact);
    perPeriod.add(fact.period.key, fact.period, fact);
    for (const share of splitOverPatents(fact.amountMinor, contracts.get(fact.contractId)?.patentIds ?? []))
      perPatent.add(
        share.patentId ?? '',
        { patentId: share.patentId },
        { ...fact, amountMinor: share.amountMinor },
      );
  }

  return {
    licensorId,
    from,
    to,
    period,
    totals: totals.rows().map(({ amounts }) => amounts),
    byContract: perContract
      .rows()
      .map(({ key, amounts }) => {
        const contract = contracts.get(key.contractId);
        return {
          contractId: key.contractId,
          contractNumber: contract?.contractNumber ?? null,
          title: contract?.title ?? null,
          licenseeId: contract?.licenseeId ?? null,
          licenseeName: contract?.licenseeName ?? null,
          ...amounts,
        };
      })
      .sort(
        (a, b) =>
          (a.contractNumber ?? a.contractId).localeCompare(b.contractNumber ?? b.contractId) ||
          a.currency.localeCompare(b.currency),
      ),
    byPatent: perPatent
      .rows()
      .map(({ key, amounts }) => {
        const patent = key.patentId ? patents.get(key.patentId) : undefined;
        return {
          patentId: key.patentId,
          title: patent?.title ?? null,
          applicationNumber: patent?.applicationNumber ?? null,
          ...amounts,
        };
      })
      .sort(
        (a, b) =>
          (a.applicationNumber ?? '\uffff').localeCompare(b.applicationNumber ?? '\uffff') ||
          (a.patentId ?? '').localeCompare(b.patentId ?? '') ||
          a.currency.localeCompare(b.currency),
      ),
    byPeriod: perPeriod
      .rows()
      .map(({ key, amounts }) => ({ period: key.key, start: key.start, end: key.end, ...amounts }))
      .sort((a, b) => a.start.localeCompare(b.start) || a.currency.localeCompare(b.currency)),
  };
}

/** TRANSFER or PLATFORM_FEE for those entries and their reversals; null for anything else. */
function countedKind(entry: DistributionEntry, byId: ReadonlyMap<string, DistributionEntry>): Counted | null {
  const kind =
    entry.cause.kind === 'REVERSAL' ? byId.get(entry.reverses ?? '')?.cause.kind : entry.cause.kind;
  return kind === 'TRANSFER' || kind === 'PLATFORM_FEE' ? kind : null;
}

/** Received and fee sums per key and currency, in insertion order. */
class Sums<K> {
  private readonly sums = new Map<string, { key: K; amounts: DistributionAmounts }>();

  add(id: string, key: K, fact: Fact): void {
    const mapKey = `${id}\u0000${fact.currency}`;
    const row = this.sums.get(mapKey) ?? {
      key,
      amounts: { currency: fact.currency, receivedMinor: 0, platformFeeMinor: 0, grossMinor: 0 },
    };
    if (fact.kind === 'TRANSFER')
      row.amounts.receivedMinor = sumMinor(row.amounts.receivedMinor, fact.amountMinor);
    else row.amounts.platformFeeMinor = sumMinor(row.amounts.platformFeeMinor, fact.amountMinor);
    row.amounts.grossMinor = sumMinor(row.amounts.grossMinor, fact.amountMinor);
    this.sums.set(mapKey, row);
  }

  rows(): { key: K; amounts: DistributionAmounts }[] {
    return [...this.sums.values()].sort((a, b) => a.amounts.currency.localeCompare(b.amounts.currency));
  }
}

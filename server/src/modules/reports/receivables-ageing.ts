import { daysBetween, type CalendarDate } from '../../common/calendar-date';
import { sumMinor } from './report-amounts';

/**
 * Receivables ageing: what licensees owe and has fallen due, by how long it has been unpaid. Pure, so that the
 * bucket edges are checked by hand-computed specs and the service only loads the obligations.
 *
 * Days past due count from the due date: an obligation due on the day of the report is 0 days past due and
 * `CURRENT`; the day after it is 1 day past due (the day the contract engine marks it OVERDUE). Buckets are closed
 * ranges: 1–30, 31–60, 61–90, and 91 days or more is `OVER_90`.
 */
export const AGEING_BUCKETS = ['CURRENT', 'DAYS_1_30', 'DAYS_31_60', 'DAYS_61_90', 'OVER_90'] as const;
export type AgeingBucket = (typeof AGEING_BUCKETS)[number];

/** The statuses of an obligation that has fallen due and is not settled. */
export const UNPAID_DUE_STATUSES = ['DUE', 'OVERDUE'] as const;

export type AgeingObligation = {
  obligationId: string;
  obligationKey: string;
  kind: string;
  status: string;
  contractId: string;
  contractNumber: string;
  licensorId: string;
  licensorName: string;
  licenseeId: string;
  licenseeName: string;
  dueDate: string;
  amountMinor: number;
  currency: string;
};

export type AgeingItem = AgeingObligation & { daysPastDue: number; bucket: AgeingBucket };

/** Amounts per bucket in one currency, and their total. */
export type BucketAmounts = {
  currency: string;
  bucketsMinor: Record<AgeingBucket, number>;
  totalMinor: number;
};

export type AgeingGroup = BucketAmounts & {
  organizationId: string;
  organizationName: string;
  obligationCount: number;
};

/** What is unpaid under one contract in one currency: the rows finance staff chase (or plan) payments from. */
export type ContractAgeing = BucketAmounts & {
  contractId: string;
  contractNumber: string;
  licensorId: string;
  licensorName: string;
  licenseeId: string;
  licenseeName: string;
  obligationCount: number;
};

export type ReceivablesAgeingReport = {
  asOf: string;
  /** Every unpaid due obligation, oldest due date first. */
  items: AgeingItem[];
  /** Per currency, over every item. */
  totals: BucketAmounts[];
  /** Per licensor (who is owed) and currency, by name. */
  byLicensor: AgeingGroup[];
  /** Per licensee (who owes) and currency, by name. */
  byLicensee: AgeingGroup[];
  /** Per contract and currency: per currency, the largest total first, ties by contract number. */
  byContract: ContractAgeing[];
};

export function bucketFor(daysPastDue: number): AgeingBucket {
  if (!Number.isInteger(daysPastDue) || daysPastDue < 0)
    throw new RangeError(`Days past due must be a whole number of days, 0 or more; got ${daysPastDue}`);
  if (daysPastDue === 0) return 'CURRENT';
  if (daysPastDue <= 30) return 'DAYS_1_30';
  if (daysPastDue <= 60) return 'DAYS_31_60';
  if (daysPastDue <= 90) return 'DAYS_61_90';
  return 'OVER_90';
}

/**
 * The ageing as of `asOf` of the obligations given: those DUE or OVERDUE with a due date on or before `asOf` count;
 * others (scheduled, paid, waived, cancelled, or due after `asOf`) are left out. Amounts are never mixed across
 * currencies.
 */
export function buildReceivablesAgeing(
  obligations: readonly AgeingObligation[],
  asOf: CalendarDate,
): ReceivablesAgeingReport {
  const items: AgeingItem[] = obligations
    .filter((o) => (UNPAID_DUE_STATUSES as readonly string[]).includes(o.status) && o.dueDate <= asOf)
    .map((o) => {
      const daysPastDue = daysBetween(o.dueDate as CalendarDate, asOf);
      return { ...o, daysPastDue, bucket: bucketFor(daysPastDue) };
    })
    .sort(
      (a, b) =>
        a.dueDate.localeCompare(b.dueDate) ||
        a.contractNumber.localeCompare(b.contractNumber) ||
        a.obligationKey.localeCompare(b.obligationKey),
    );

  return {
    asOf,
    items,
    totals: sortByCurrency([...sumByBucket(items, (i) => i.currency).values()].map((g) => g.amounts)),
    byLicensor: groups(items, (i) => ({ id: i.licensorId, name: i.licensorName })),
    byLicensee: groups(items, (i) => ({ id: i.licenseeId, name: i.licenseeName })),
    byContract: [...sumByBucket(items, (i) => i.contractId).values()]
      .map(({ first, count, amounts }) => ({
        contractId: first.contractId,
        contractNumber: first.contractNumber,
        licensorId: first.licensorId,
        licensorName: first.licensorName,
        licenseeId: first.licenseeId,
        licenseeName: first.licenseeName,
        obligationCount: count,
        ...amounts,
      }))
      .sort(
        (a, b) =>
          a.currency.localeCompare(b.currency) ||
          b.totalMinor - a.totalMinor ||
          a.contractNumber.localeCompare(b.contractNumber) ||
          a.contractId.localeCompare(b.contractId),
      ),
  };
}

function emptyBuckets(): Record<AgeingBucket, number> {
  return { CURRENT: 0, DAYS_1_30: 0, DAYS_31_60: 0, DAYS_61_90: 0, OVER_90: 0 };
}

/** The part of an aged amount that bucket sums read: an obligation, or a patent's share of one. */
type Aged = { currency: string; bucket: AgeingBucket; amountMinor: number };

/** Sums per key and currency, in the order first met, with the first item of each and how many there were. */
export function sumByBucket<T extends Aged>(
  items: readonly T[],
  keyOf: (item: T) => string,
): Map<string, { first: T; count: number; amounts: BucketAmounts }> {
  const grouped = new Map<string, { first: T; count: number; amounts: BucketAmounts }>();
  for (const item of items) {
    const key = `${keyOf(item)}\u0000${item.currency}`;
    const group = grouped.get(key) ?? {
      first: item,
      count: 0,
      amounts: { currency: item.currency, bucketsMinor: emptyBuckets(), totalMinor: 0 },
    };
    group.count += 1;
    group.amounts.bucketsMinor[item.bucket] = sumMinor(
      group.amounts.bucketsMinor[item.bucket],
      item.amountMinor,
    );
    group.amounts.totalMinor = sumMinor(group.amounts.totalMinor, item.amountMinor);
    grouped.set(key, group);
  }
  return grouped;
}

function groups(
  items: readonly AgeingItem[],
  party: (item: AgeingItem) => { id: string; name: string },
): AgeingGroup[] {
  return [...sumByBucket(items, (i) => party(i).id).values()]
    .map(({ first, count, amounts }) => ({
      organizationId: party(first).id,
      organizationName: party(first).name,
      obligationCount: count,
      ...amounts,
    }))
    .sort(
      (a, b) =>
        a.organizationName.localeCompare(b.organizationName) ||
        a.organizationId.localeCompare(b.organizationId) ||
        a.currency.localeCompare(b.currency),
    );
}

function sortByCurrency<T extends { currency: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.currency.localeCompare(b.currency));
}

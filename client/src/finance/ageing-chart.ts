import type { AgeingBucket } from '../graphql/generated/graphql';

/** The buckets from the freshest to the oldest: the order of the bars' segments and of the table's columns. */
export const AGEING_BUCKETS: readonly AgeingBucket[] = [
  'CURRENT',
  'DAYS_1_30',
  'DAYS_31_60',
  'DAYS_61_90',
  'OVER_90',
];

type Amounts = {
  currency: string;
  currentMinor: number;
  days1To30Minor: number;
  days31To60Minor: number;
  days61To90Minor: number;
  over90Minor: number;
  totalMinor: number;
};

type Group = { organizationId: string; organizationName: string; amounts: Amounts };

/** One bar of the chart: an organisation and its amounts per bucket, in minor units of one currency. */
export type AgeingChartRow = { organizationId: string; name: string; total: number } & Record<
  AgeingBucket,
  number
>;

export function bucketAmounts(amounts: Amounts): Record<AgeingBucket, number> {
  return {
    CURRENT: amounts.currentMinor,
    DAYS_1_30: amounts.days1To30Minor,
    DAYS_31_60: amounts.days31To60Minor,
    DAYS_61_90: amounts.days61To90Minor,
    OVER_90: amounts.over90Minor,
  };
}

/** The currencies a report holds money in, in a stable order: amounts in different currencies never share a bar. */
export function ageingCurrencies(totals: readonly Amounts[]): string[] {
  return [...new Set(totals.filter((t) => t.totalMinor !== 0).map((t) => t.currency))].sort();
}

/**
 * The chart's bars: one per organisation that is owed or owes something in `currency`, the largest total first (the
 * ones to chase), ties by name so the order does not jump between loads.
 */
export function ageingChartRows(groups: readonly Group[], currency: string): AgeingChartRow[] {
  return groups
    .filter((group) => group.amounts.currency === currency && group.amounts.totalMinor !== 0)
    .map((group) => ({
      organizationId: group.organizationId,
      name: group.organizationName,
      total: group.amounts.totalMinor,
      ...bucketAmounts(group.amounts),
    }))
    .sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
}

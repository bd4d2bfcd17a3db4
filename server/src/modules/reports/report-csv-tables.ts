import { AppError } from '../../common/errors';
import type { ContractDistribution, PatentDistribution, PeriodDistribution } from './licensor-distribution';
import type { RevenueMonth } from './platform-revenue';
import type { AgeingGroup, AgeingItem, BucketAmounts, ContractAgeing } from './receivables-ageing';
import type { PatentAgeing } from './receivables-by-patent';
import { amountColumn, toCsv, type CsvColumn } from './report-csv';
import type { ContractStatementReport, DistributionReport, ScopedAgeingReport } from './reports.service';
import type { PlatformRevenueReport } from './platform-revenue';

/** What each CSV download holds: one table per report and view, columns named in snake_case. */
export type CsvFile = { filename: string; body: string };

export const AGEING_VIEWS = ['obligation', 'licensor', 'licensee', 'contract', 'patent'] as const;
export const STATEMENT_PARTS = ['entries', 'obligations'] as const;
export const DISTRIBUTION_VIEWS = ['patent', 'contract', 'period'] as const;

/** A query parameter that must be one of `values`; `fallback` when absent. */
export function oneOf<T extends string>(
  field: string,
  value: string | null,
  values: readonly T[],
  fallback: T,
): T {
  if (value === null) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw AppError.badInput(field, '{{field}} must be one of {{values}}.', {
    field,
    values: values.join(', '),
  });
}

const money = (amountMinor: number, currency: string) => ({ amountMinor, currency });

const ageingItemColumns: CsvColumn<AgeingItem>[] = [
  { header: 'contract_number', cell: (r) => ({ text: r.contractNumber }) },
  { header: 'obligation_key', cell: (r) => ({ text: r.obligationKey }) },
  { header: 'kind', cell: (r) => ({ text: r.kind }) },
  { header: 'status', cell: (r) => ({ text: r.status }) },
  { header: 'licensor', cell: (r) => ({ text: r.licensorName }) },
  { header: 'licensee', cell: (r) => ({ text: r.licenseeName }) },
  { header: 'due_date', cell: (r) => ({ date: r.dueDate }) },
  { header: 'days_past_due', cell: (r) => ({ integer: r.daysPastDue }) },
  { header: 'bucket', cell: (r) => ({ text: r.bucket }) },
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  amountColumn('amount', (r) => money(r.amountMinor, r.currency)),
  { header: 'obligation_id', cell: (r) => ({ text: r.obligationId }) },
  { header: 'contract_id', cell: (r) => ({ text: r.contractId }) },
  { header: 'licensor_id', cell: (r) => ({ text: r.licensorId }) },
  { header: 'licensee_id', cell: (r) => ({ text: r.licenseeId }) },
];

/** The currency, the count, then each bucket and the total: the columns every grouped ageing view ends with. */
const ageingAmountColumns = <R extends BucketAmounts & { obligationCount: number }>(): CsvColumn<R>[] => [
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  { header: 'obligations', cell: (r) => ({ integer: r.obligationCount }) },
  amountColumn('current', (r) => money(r.bucketsMinor.CURRENT, r.currency)),
  amountColumn('days_1_30', (r) => money(r.bucketsMinor.DAYS_1_30, r.currency)),
  amountColumn('days_31_60', (r) => money(r.bucketsMinor.DAYS_31_60, r.currency)),
  amountColumn('days_61_90', (r) => money(r.bucketsMinor.DAYS_61_90, r.currency)),
  amountColumn('over_90', (r) => money(r.bucketsMinor.OVER_90, r.currency)),
  amountColumn('total', (r) => money(r.totalMinor, r.currency)),
];

const ageingGroupColumns: CsvColumn<AgeingGroup>[] = [
  { header: 'organization', cell: (r) => ({ text: r.organizationName }) },
  ...ageingAmountColumns<AgeingGroup>(),
  { header: 'organization_id', cell: (r) => ({ text: r.organizationId }) },
];

const ageingContractColumns: CsvColumn<ContractAgeing>[] = [
  { header: 'contract_number', cell: (r) => ({ text: r.contractNumber }) },
  { header: 'licensor', cell: (r) => ({ text: r.licensorName }) },
  { header: 'licensee', cell: (r) => ({ text: r.licenseeName }) },
  ...ageingAmountColumns<ContractAgeing>(),
  { header: 'contract_id', cell: (r) => ({ text: r.contractId }) },
  { header: 'licensor_id', cell: (r) => ({ text: r.licensorId }) },
  { header: 'licensee_id', cell: (r) => ({ text: r.licenseeId }) },
];

const ageingPatentColumns: CsvColumn<PatentAgeing>[] = [
  { header: 'application_number', cell: (r) => ({ text: r.applicationNumber }) },
  { header: 'patent_title', cell: (r) => ({ text: r.title }) },
  { header: 'licensor', cell: (r) => ({ text: r.licensorName }) },
  ...ageingAmountColumns<PatentAgeing>(),
  { header: 'patent_id', cell: (r) => ({ text: r.patentId }) },
  { header: 'licensor_id', cell: (r) => ({ text: r.licensorId }) },
];

export function ageingCsv(report: ScopedAgeingReport, view: (typeof AGEING_VIEWS)[number]): CsvFile {
  const filename = `receivables-ageing-${report.asOf}-by-${view}.csv`;
  switch (view) {
    case 'obligation':
      return { filename, body: toCsv(ageingItemColumns, report.items) };
    case 'licensor':
      return { filename, body: toCsv(ageingGroupColumns, report.byLicensor) };
    case 'licensee':
      return { filename, body: toCsv(ageingGroupColumns, report.byLicensee) };
    case 'contract':
      return { filename, body: toCsv(ageingContractColumns, report.byContract) };
    case 'patent':
      return { filename, body: toCsv(ageingPatentColumns, report.byPatent) };
  }
}

type StatementRow = ContractStatementReport['rows'][number];
type StatementObligation = ContractStatementReport['obligations'][number];

const statementEntryColumns: CsvColumn<StatementRow>[] = [
  { header: 'effective_date', cell: (r) => ({ date: r.entry.effectiveDate }) },
  { header: 'posted_at', cell: (r) => ({ date: r.entry.postedAt.toISOString() }) },
  { header: 'cause', cell: (r) => ({ text: r.entry.cause.kind }) },
  { header: 'cause_id', cell: (r) => ({ text: r.entry.cause.id }) },
  { header: 'memo', cell: (r) => ({ text: r.entry.memo }) },
  { header: 'currency', cell: (r) => ({ text: r.entry.currency }) },
  amountColumn('receivable_change', (r) => money(r.receivableChangeMinor, r.entry.currency)),
  amountColumn('running_receivable', (r) => money(r.runningReceivableMinor, r.entry.currency)),
  { header: 'entry_id', cell: (r) => ({ text: r.entry.id }) },
];

const statementObligationColumns: CsvColumn<StatementObligation>[] = [
  { header: 'obligation_key', cell: (r) => ({ text: r.key }) },
  { header: 'kind', cell: (r) => ({ text: r.kind }) },
  { header: 'due_date', cell: (r) => ({ date: r.dueDate }) },
  { header: 'status', cell: (r) => ({ text: r.status }) },
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  amountColumn('amount', (r) => money(r.amountMinor, r.currency)),
  { header: 'obligation_id', cell: (r) => ({ text: r._id.toHexString() }) },
];

export function statementCsv(
  report: ContractStatementReport,
  part: (typeof STATEMENT_PARTS)[number],
): CsvFile {
  const filename = `statement-${report.contract.number}-${part}.csv`;
  return part === 'entries'
    ? { filename, body: toCsv(statementEntryColumns, report.rows) }
    : { filename, body: toCsv(statementObligationColumns, report.obligations) };
}

const distributionAmountColumns = <
  R extends { currency: string; receivedMinor: number; platformFeeMinor: number; grossMinor: number },
>(): CsvColumn<R>[] => [
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  amountColumn('received', (r) => money(r.receivedMinor, r.currency)),
  amountColumn('platform_fee', (r) => money(r.platformFeeMinor, r.currency)),
  amountColumn('gross', (r) => money(r.grossMinor, r.currency)),
];

const byPatentColumns: CsvColumn<PatentDistribution>[] = [
  { header: 'application_number', cell: (r) => ({ text: r.applicationNumber }) },
  { header: 'patent_title', cell: (r) => ({ text: r.title }) },
  ...distributionAmountColumns<PatentDistribution>(),
  { header: 'patent_id', cell: (r) => ({ text: r.patentId }) },
];

const byContractColumns: CsvColumn<ContractDistribution>[] = [
  { header: 'contract_number', cell: (r) => ({ text: r.contractNumber }) },
  { header: 'title', cell: (r) => ({ text: r.title }) },
  { header: 'licensee', cell: (r) => ({ text: r.licenseeName }) },
  ...distributionAmountColumns<ContractDistribution>(),
  { header: 'contract_id', cell: (r) => ({ text: r.contractId }) },
];

const byPeriodColumns: CsvColumn<PeriodDistribution>[] = [
  { header: 'period', cell: (r) => ({ text: r.period }) },
  { header: 'start', cell: (r) => ({ date: r.start }) },
  { header: 'end', cell: (r) => ({ date: r.end }) },
  ...distributionAmountColumns<PeriodDistribution>(),
];

export function distributionCsv(
  report: DistributionReport,
  view: (typeof DISTRIBUTION_VIEWS)[number],
): CsvFile {
  const filename = `distribution-${report.from}-${report.to}-by-${view}.csv`;
  if (view === 'patent') return { filename, body: toCsv(byPatentColumns, report.byPatent) };
  if (view === 'contract') return { filename, body: toCsv(byContractColumns, report.byContract) };
  return { filename, body: toCsv(byPeriodColumns, report.byPeriod) };
}

const revenueColumns: CsvColumn<RevenueMonth>[] = [
  { header: 'month', cell: (r) => ({ text: r.month }) },
  { header: 'currency', cell: (r) => ({ text: r.currency }) },
  amountColumn('platform_fee', (r) => money(r.platformFeeMinor, r.currency)),
  amountColumn('stripe_fees', (r) => money(r.stripeFeesMinor, r.currency)),
  amountColumn('net', (r) => money(r.netMinor, r.currency)),
];

export function platformRevenueCsv(report: PlatformRevenueReport): CsvFile {
  return {
    filename: `platform-revenue-${report.from}-${report.to}.csv`,
    body: toCsv(revenueColumns, report.months),
  };
}

import { toObligation } from '../contracts/contract.mapper';
import type { DistributionAmounts as Amounts } from './licensor-distribution';
import type { PlatformRevenueReport } from './platform-revenue';
import type { BucketAmounts } from './receivables-ageing';
import type { ContractStatementReport, DistributionReport, ScopedAgeingReport } from './reports.service';
import type {
  AgeingAmounts,
  ContractStatement,
  DistributionAmounts,
  LicensorDistribution,
  PlatformRevenue,
  ReceivablesAgeing,
} from './reports.types';

export function toAgeingAmounts(amounts: BucketAmounts): AgeingAmounts {
  const b = amounts.bucketsMinor;
  return {
    currency: amounts.currency,
    currentMinor: b.CURRENT,
    days1To30Minor: b.DAYS_1_30,
    days31To60Minor: b.DAYS_31_60,
    days61To90Minor: b.DAYS_61_90,
    over90Minor: b.OVER_90,
    totalMinor: amounts.totalMinor,
  };
}

export function toReceivablesAgeing(report: ScopedAgeingReport): ReceivablesAgeing {
  const group = (g: ScopedAgeingReport['byLicensor'][number]) => ({
    organizationId: g.organizationId,
    organizationName: g.organizationName,
    obligationCount: g.obligationCount,
    amounts: toAgeingAmounts(g),
  });
  return {
    asOf: report.asOf,
    organizationId: report.organizationId,
    totals: report.totals.map(toAgeingAmounts),
    items: report.items.map((i) => ({ ...i })),
    byLicensor: report.byLicensor.map(group),
    byLicensee: report.byLicensee.map(group),
    byContract: report.byContract.map((c) => ({
      contractId: c.contractId,
      contractNumber: c.contractNumber,
      licensorId: c.licensorId,
      licensorName: c.licensorName,
      licenseeId: c.licenseeId,
      licenseeName: c.licenseeName,
      obligationCount: c.obligationCount,
      amounts: toAgeingAmounts(c),
    })),
    byPatent: report.byPatent.map((p) => ({
      patentId: p.patentId,
      title: p.title,
      applicationNumber: p.applicationNumber,
      licensorId: p.licensorId,
      licensorName: p.licensorName,
      obligationCount: p.obligationCount,
      amounts: toAgeingAmounts(p),
    })),
  };
}

export function toContractStatement(report: ContractStatementReport): ContractStatement {
  const { contract } = report;
  return {
    contractId: contract._id.toHexString(),
    contractNumber: contract.number,
    title: contract.terms.title,
    licensorId: contract.licensorId.toHexString(),
    licensorName: report.licensorName,
    licenseeId: contract.licenseeId.toHexString(),
    licenseeName: report.licenseeName,
    receivableBalances: report.receivableBalances.map((b) => ({ ...b })),
    entries: report.rows.map((row) => ({
      entryId: row.entry.id,
      effectiveDate: row.entry.effectiveDate,
      postedAt: row.entry.postedAt,
      cause: { kind: row.entry.cause.kind, id: row.entry.cause.id },
      memo: row.entry.memo,
      currency: row.entry.currency,
      lines: row.lines.map((l) => ({ ...l })),
      complete: row.complete,
      receivableChangeMinor: row.receivableChangeMinor,
      runningReceivableMinor: row.runningReceivableMinor,
    })),
    obligations: report.obligations.map(toObligation),
  };
}

function toDistributionAmounts(row: Amounts): DistributionAmounts {
  return {
    currency: row.currency,
    receivedMinor: row.receivedMinor,
    platformFeeMinor: row.platformFeeMinor,
    grossMinor: row.grossMinor,
  };
}

export function toLicensorDistribution(report: DistributionReport): LicensorDistribution {
  return {
    licensorId: report.licensorId,
    licensorName: report.licensorName,
    from: report.from,
    to: report.to,
    period: report.period,
    totals: report.totals.map(toDistributionAmounts),
    byPeriod: report.byPeriod.map((p) => ({
      period: p.period,
      start: p.start,
      end: p.end,
      amounts: toDistributionAmounts(p),
    })),
    byContract: report.byContract.map((c) => ({
      contractId: c.contractId,
      contractNumber: c.contractNumber,
      title: c.title,
      licenseeId: c.licenseeId,
      licenseeName: c.licenseeName,
      amounts: toDistributionAmounts(c),
    })),
    byPatent: report.byPatent.map((p) => ({
      patentId: p.patentId,
      title: p.title,
      applicationNumber: p.applicationNumber,
      amounts: toDistributionAmounts(p),
    })),
  };
}

export function toPlatformRevenue(report: PlatformRevenueReport): PlatformRevenue {
  const amounts = (a: PlatformRevenueReport['totals'][number]) => ({
    currency: a.currency,
    platformFeeMinor: a.platformFeeMinor,
    stripeFeesMinor: a.stripeFeesMinor,
    netMinor: a.netMinor,
  });
  return {
    from: report.from,
    to: report.to,
    months: report.months.map((m) => ({ month: m.month, amounts: amounts(m) })),
    totals: report.totals.map(amounts),
  };
}

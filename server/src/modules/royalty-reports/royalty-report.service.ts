import { bucketsWithinEngineReach } from '../contracts/engine-state.model';
import { contractYearOf, toCalendarDate, type CalendarDate } from '../../common/calendar-date';
import { claimOnce } from '../../common/claims';
import { AppError, type FieldError } from '../../common/errors';
import { requireRoleIn, requireViewer, type RequestContext } from '../../common/request-context';
import { transition } from '../../common/state-machine';
import {
  ContractModel,
  ObligationModel,
  type ContractRecord,
  type ContractState,
  type ObligationRecord,
} from '../contracts/contract.model';
import { insertObligations, obligationDocument, type ContractService } from '../contracts/contract.service';
import { CONTRACT_STATE_NAMES, CONTRACT_TRANSITIONS } from '../contracts/contract.state';
import {
  obligationKey,
  reportingPeriods,
  scheduleFixedObligations,
  type ReportingWindow,
} from '../contracts/engine/obligation-schedule';
import { computeRoyalty, royaltyAmendmentDelta } from '../contracts/engine/royalty';
import { RoyaltyReportModel, type ReportLine, type RoyaltyReportRecord } from './royalty-report.model';
import { ReportDeadlineModel } from '../notifications/report-deadline.model';
import { assertTakesReports, reportingPeriodOf } from './report-period';

const MAX_LINES = 200;

/** Sales reports: the royalty they owe, amendments as differences, and first revenue ending the free period. */
export class RoyaltyReportService {
  constructor(private readonly contracts: ContractService) {}

  async submit(
    ctx: RequestContext,
    contractId: string,
    periodStart: string,
    lines: ReportLine[],
  ): Promise<RoyaltyReportRecord> {
    const viewer = requireViewer(ctx);
    const contract = await this.contracts.getVisible(ctx, contractId);
    if (!contract) throw AppError.notFound('The contract');
    requireRoleIn(ctx, contract.licenseeId.toHexString(), 'SME_MEMBER');
    assertTakesReports(contract);
    const plan = contract.terms.paymentPlan;
    const today = toCalendarDate(ctx.clock.now());
    const errors: FieldError[] = [];
    const period = reportingPeriodOf(contract, periodStart, today, errors);
    if (lines.length > MAX_LINES)
      errors.push({ field: 'lines', message: 'Report at most {{max}} lines.', params: { max: MAX_LINES } });
    lines.forEach((line, i) => {
      for (const key of ['grossSalesMinor', 'deductionsMinor', 'netSalesMinor'] as const) {
        if (!Number.isSafeInteger(line[key]) || line[key] < 0)
          errors.push({ field: `lines[${i}].${key}`, message: 'Amounts are whole minor units, 0 or more.' });
      }
      if (line.netSalesMinor !== line.grossSalesMinor - line.deductionsMinor)
        errors.push({
          field: `lines[${i}].netSalesMinor`,
          message: 'Net sales must be gross sales less the allowed deductions.',
        });
      if (!line.product?.trim()) errors.push({ field: `lines[${i}].product`, message: 'Name the product.' });
      if (!line.territory?.trim())
        errors.push({ field: `lines[${i}].territory`, message: 'Name the territory.' });
    });
    AppError.assertNoFieldErrors(errors);
    if (!period) throw AppError.badInput('periodStart', 'Unknown period.');
    const netSales = lines.reduce((sum, l) => sum + l.netSalesMinor, 0);

    // First revenue ends a free period that ends on first revenue: the contract starts paying today.
    let current = contract;
    if (
      netSales > 0 &&
      contract.state === 'FREE_PERIOD' &&
      plan.freePeriod?.endsOnFirstRevenue &&
      today < contract.freePeriodEndsOn
    ) {
      current = await this.endFreePeriodEarly(ctx, contract, today);
    }

    const reports = await RoyaltyReportModel.find({ contractId: contract._id }).lean<RoyaltyReportRecord[]>();
    const latest = latestByPeriod(reports);
    const previous = latest.get(periodStart) ?? null;
    const revision = (previous?.revision ?? 0) + 1;
    const royalty = this.royaltyFor(current, period.start, period.end, netSales, latest);
    const now = ctx.clock.now();

    // The claim makes a revision exist once even when the same SME submits twice at the same moment.
    const claim = await claimOnce(
      `royalty-report:${contract._id.toHexString()}:${periodStart}:r${revision}`,
      viewer.userId + now.toISOString(),
      now,
    );
    if (!claim.won)
      throw new AppError(
        'CONFLICT',
        'Another report for this period was just submitted; reload and try again.',
      );
    const report = (
      await RoyaltyReportModel.create({
        reportKey: `${contract._id.toHexString()}:${periodStart}:r${revision}`,
        contractId: contract._id,
        licensorId: contract.licensorId,
        licenseeId: contract.licenseeId,
        periodStart: period.start,
        periodEnd: period.end,
        revision,
        lines,
        netSalesMinor: netSales,
        royaltyMinor: royalty,
        submittedByUserId: viewer.userId,
        submittedAt: now,
      })
    ).toObject() as RoyaltyReportRecord;

    await chargeRoyalty(current, period, previous, report, now);
    await ReportDeadlineModel.updateOne(
      { deadlineKey: `${contract._id.toHexString()}:${period.start}` },
      { $set: { status: 'SUBMITTED' } },
    );
    latest.set(periodStart, report);
    await this.recomputeLaterPeriods(current, report, latest, viewer.userId, now);
    return report;
  }

  /**
   * A report changes the tier basis and the cap room of every later period: under CUMULATIVE tiers each later
   * period's sales sit higher or lower in the tiers, under CONTRACT_YEAR tiers the rest of that year's do, and under a
   * total cap every later period has more or less room. So every later period already reported is charged again, in
   * period order, each from the periods before it as they now stand. A period whose royalty changes gets a new
   * revision (its lines unchanged, `recomputedAfter` naming the report that moved it) and its difference becomes an
   * obligation or credit of its own, exactly as an amendment's; nothing is overwritten.
   */
  private async recomputeLaterPeriods(
    contract: ContractRecord,
    cause: RoyaltyReportRecord,
    latest: Map<string, RoyaltyReportRecord>,
    userId: string,
    now: Date,
  ): Promise<void> {
    const periods = reportingPeriods(contract.terms.paymentPlan, contract.effectiveDate as CalendarDate);
    const later = [...latest.values()]
      .filter((r) => r.periodStart > cause.periodStart)
      .sort((a, b) => a.periodStart.localeCompare(b.periodStart));
    for (const stale of later) {
      const royalty = this.royaltyFor(
        contract,
        stale.periodStart,
        stale.periodEnd,
        stale.netSalesMinor,
        latest,
      );
      if (royalty === stale.royaltyMinor) continue;
      const period = periods.find((p) => p.start === stale.periodStart);
      if (!period) continue;
      const revision = stale.revision + 1;
      const claim = await claimOnce(
        `royalty-report:${contract._id.toHexString()}:${stale.periodStart}:r${revision}`,
        userId + now.toISOString(),
        now,
      );
      if (!claim.won)
        throw new AppError(
          'CONFLICT',
          'Your report was saved, but a report for {{periodStart}} came in at the same moment; submit yours again to bring the later periods up to date.',
          { params: { periodStart: stale.periodStart } },
        );
      const { _id: _previousId, ...kept } = stale;
      const recomputed = (
        await RoyaltyReportModel.create({
          ...kept,
          reportKey: `${contract._id.toHexString()}:${stale.periodStart}:r${revision}`,
          revision,
          royaltyMinor: royalty,
          recomputedAfter: `${cause.periodStart}:r${cause.revision}`,
          submittedByUserId: userId,
          submittedAt: now,
        })
      ).toObject() as RoyaltyReportRecord;
      await chargeRoyalty(contract, period, stale, recomputed, now);
      latest.set(stale.periodStart, recomputed);
    }
  }

  async listForContract(ctx: RequestContext, contractId: string): Promise<RoyaltyReportRecord[]> {
    const contract = await this.contracts.getVisible(ctx, contractId);
    if (!contract) throw AppError.notFound('The contract');
    const reports = await RoyaltyReportModel.find({ contractId: contract._id }).lean<RoyaltyReportRecord[]>();
    return reports.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.revision - b.revision);
  }

  /**
   * The royalty of one period: its net sales through the tiers, with the sales of earlier periods (their latest
   * revisions) as the tier basis, then the caps with what earlier periods were charged. A period that ends before
   * the free period ends bears no royalty.
   */
  private royaltyFor(
    contract: ContractRecord,
    start: string,
    end: string,
    netSales: number,
    latest: Map<string, RoyaltyReportRecord>,
  ): number {
    const plan = contract.terms.paymentPlan;
    if (!plan.royalty || netSales === 0 || end < contract.freePeriodEndsOn) return 0;
    const effective = contract.effectiveDate as CalendarDate;
    const year = contractYearOf(effective, start as CalendarDate);
    let prior = 0;
    let chargedThisYear = 0;
    let chargedTotal = 0;
    for (const report of latest.values()) {
      if (report.periodStart >= start) continue;
      const sameYear = contractYearOf(effective, report.periodStart as CalendarDate) === year;
      if (plan.royalty.tierBasis === 'CUMULATIVE' || sameYear) prior += report.netSalesMinor;
      if (sameYear) chargedThisYear += report.royaltyMinor;
      chargedTotal += report.royaltyMinor;
    }
    return computeRoyalty({
      plan,
      netSalesMinor: netSales,
      priorNetSalesInBasisMinor: prior,
      royaltiesAlreadyChargedThisYearMinor: chargedThisYear,
      royaltiesAlreadyChargedTotalMinor: chargedTotal,
    }).cappedMinor;
  }

  /** Moves the contract to ACTIVE and brings forward what was due at the end of the free period. */
  private async endFreePeriodEarly(
    ctx: RequestContext,
    contract: ContractRecord,
    firstRevenue: CalendarDate,
  ): Promise<ContractRecord> {
    const updated = await transition<ContractState, ContractRecord>({
      model: ContractModel,
      id: contract._id,
      table: CONTRACT_TRANSITIONS,
      stateNames: CONTRACT_STATE_NAMES,
      what: 'The contract',
      to: 'ACTIVE',
      at: ctx.clock.now(),
      byUserId: ctx.viewer?.userId ?? null,
      reason: 'First revenue reported.',
      set: { freePeriodEndsOn: firstRevenue, freePeriodEndsMonth: firstRevenue.slice(0, 7) },
    });
    const rescheduled = scheduleFixedObligations(
      updated.terms.paymentPlan,
      updated.effectiveDate as CalendarDate,
      firstRevenue,
    );
    const existing = await ObligationModel.find({ contractId: contract._id }).lean<ObligationRecord[]>();
    for (const o of rescheduled) {
      const stored = existing.find((e) => e.key === o.key);
      if (!stored || stored.status !== 'SCHEDULED' || stored.dueDate === o.dueDate) continue;
      const [fresh] = await bucketsWithinEngineReach([obligationDocument(updated, o, ctx.clock.now())]);
      await ObligationModel.updateOne(
        { _id: stored._id, status: 'SCHEDULED' },
        {
          $set: {
            dueDate: fresh.dueDate,
            dueMonth: fresh.dueMonth,
            overdueOn: fresh.overdueOn,
            overdueMonth: fresh.overdueMonth,
            defaultsOn: fresh.defaultsOn,
            defaultsMonth: fresh.defaultsMonth,
            updatedAt: fresh.updatedAt,
          },
        },
      );
    }
    return updated;
  }
}

/**
 * A first report owes its royalty (`ROYALTY:<period>`); a later revision owes the difference from the one before
 * (`ROYALTY_ADJUSTMENT:<period>:<revision>`), a credit being a negative amount. Both fall due with the period's
 * report.
 */
async function chargeRoyalty(
  contract: ContractRecord,
  period: ReportingWindow,
  previous: RoyaltyReportRecord | null,
  report: RoyaltyReportRecord,
  now: Date,
): Promise<void> {
  const royalty = report.royaltyMinor;
  const delta = previous
    ? royaltyAmendmentDelta(previous.royaltyMinor, royalty)
    : { kind: royalty > 0 ? 'ADDITIONAL_CHARGE' : 'NO_CHANGE', amountMinor: royalty };
  if (delta.kind === 'NO_CHANGE') return;
  const key = previous
    ? obligationKey.royaltyAdjustment(period.start, report.revision)
    : obligationKey.royalty(period.start);
  const amountMinor = delta.kind === 'CREDIT' ? -delta.amountMinor : delta.amountMinor;
  const kind = previous ? 'ROYALTY_ADJUSTMENT' : 'ROYALTY';
  await insertObligations([
    obligationDocument(
      contract,
      {
        key,
        kind,
        amountMinor,
        currency: contract.terms.paymentPlan.currency,
        dueDate: period.reportDueDate,
      },
      now,
    ),
  ]);
}

/** Each period's latest revision: what counts now, whatever came before. */
export function latestByPeriod(reports: RoyaltyReportRecord[]): Map<string, RoyaltyReportRecord> {
  const latest = new Map<string, RoyaltyReportRecord>();
  for (const r of reports)
    if ((latest.get(r.periodStart)?.revision ?? 0) < r.revision) latest.set(r.periodStart, r);
  return latest;
}

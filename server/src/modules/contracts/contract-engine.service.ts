import { Types } from 'mongoose';
import {
  addDays,
  addMonths,
  compareDates,
  daysBetween,
  isCalendarDate,
  type CalendarDate,
} from '../../common/calendar-date';
import { AppError, type MessageId } from '../../common/errors';
import { isPlatformAdmin, type RequestContext } from '../../common/request-context';
import { transition } from '../../common/state-machine';
import {
  ContractModel,
  ObligationModel,
  type ContractRecord,
  type ContractState,
  type ObligationRecord,
} from './contract.model';
import { CONTRACT_STATE_NAMES, CONTRACT_TRANSITIONS } from './contract.state';
import { restorePaidIfClaimed } from './obligation-payment';
import { lateInterest } from './engine/late-interest';
import { minimumForContractYear, minimumRoyaltyTrueUp } from './engine/royalty';
import { MinimumRoyaltyCheckModel, type MinimumRoyaltyCheckRecord } from './minimum-royalty-check.model';
import { insertObligations, obligationDocument } from './contract.service';
import { claimOnce } from '../../common/claims';
import { RoyaltyReportModel, type RoyaltyReportRecord } from '../royalty-reports/royalty-report.model';
import { latestByPeriod } from '../royalty-reports/royalty-report.service';
import { minorToMajor, type CurrencyCode } from '../../common/money';
import { notifyOnce } from '../notifications/notification.model';
import { obligationName } from './obligation-name';
import { ReportDeadlineModel, type ReportDeadlineRecord } from '../notifications/report-deadline.model';

import { ENGINE_ID, EngineStateModel } from './engine-state.model';

export type EngineRun = {
  asOf: CalendarDate;
  /** False when the engine had already advanced to this date or past it: nothing was done. */
  advanced: boolean;
  contractsActivated: number;
  obligationsDue: number;
  obligationsOverdue: number;
  contractsDefaulted: number;
  interestCharges: number;
  minimumTrueUps: number;
  contractsCompleted: number;
};

export type EngineProgress = { month(month: string, index: number, total: number): void };

/**
 * Moves every contract to a date: ends free periods, makes obligations due on their date and overdue the day after,
 * defaults a contract when an obligation stays unpaid past its grace days, and accrues late interest.
 *
 * The work is found month by month with equality filters on `YYYY-MM` buckets, so its cost follows what falls in
 * the months crossed, not the number of contracts. Every change is a conditional update from the state it expects,
 * so advancing twice to a date, to an earlier date, or from two processes at once, changes nothing the second time.
 */
export class ContractEngineService {
  async advanceTo(ctx: RequestContext, asOf: string, progress?: EngineProgress): Promise<EngineRun> {
    if (!ctx.system && !isPlatformAdmin(ctx.viewer))
      throw AppError.forbidden('Only platform admins advance the contract engine.');
    if (!isCalendarDate(asOf)) throw AppError.badInput('asOf', 'Give the date as YYYY-MM-DD.');
    const run: EngineRun = {
      asOf,
      advanced: false,
      contractsActivated: 0,
      obligationsDue: 0,
      obligationsOverdue: 0,
      contractsDefaulted: 0,
      interestCharges: 0,
      minimumTrueUps: 0,
      contractsCompleted: 0,
    };
    const state = await EngineStateModel.findById(ENGINE_ID).lean<{ advancedTo: CalendarDate }>();
    if (state && compareDates(asOf, state.advancedTo) <= 0) return run;
    const from = state ? addDays(state.advancedTo, 1) : await this.earliestWork();
    run.advanced = true;

    const months = from ? monthsBetween(from, asOf) : [];
    for (const [index, month] of months.entries()) {
      progress?.month(month, index, months.length);
      run.contractsActivated += await this.endFreePeriods(ctx, month, asOf);
      run.contractsCompleted += await this.completeTerms(ctx, month, asOf);
      const now = ctx.clock.now();
      // Before obligations move: a true-up falls due in the month of its check, and is moved with the month's others.
      run.minimumTrueUps += await this.trueUpMinimumRoyalties(month, asOf, now);
      await this.remindOfPayments(month, asOf, now);
      const due = await this.moveObligations(
        'SCHEDULED',
        'DUE',
        { dueMonth: month },
        (o) => o.dueDate <= asOf,
        now,
      );
      run.obligationsDue += due.length;
      for (const o of due) await notifyPayment(o, 'PAYMENT_DUE', [o.licenseeId], now);
      // Late interest is payable with the amount it accrues on: it bears no interest and never goes overdue itself.
      // A credit (a negative adjustment) is owed to the licensee: it cannot be late, bear interest or default.
      const overdue = await this.moveObligations(
        'DUE',
        'OVERDUE',
        { overdueMonth: month },
        (o) => o.kind !== 'LATE_INTEREST' && o.amountMinor > 0 && o.overdueOn <= asOf,
        now,
      );
      run.obligationsOverdue += overdue.length;
      for (const o of overdue) await notifyPayment(o, 'PAYMENT_OVERDUE', [o.licenseeId, o.licensorId], now);
      await this.followReportDeadlines(month, asOf, now);
      run.contractsDefaulted += await this.flagDefaults(ctx, month, asOf);
    }
    run.interestCharges = await this.accrueLateInterest(asOf, ctx.clock.now());
    await EngineStateModel.updateOne({ _id: ENGINE_ID }, { $set: { advancedTo: asOf } }, { upsert: true });
    return run;
  }

  /** On the first run: from the earliest effective date, so that nothing already past is missed. */
  private async earliestWork(): Promise<CalendarDate | null> {
    const contracts = await ContractModel.find({}, { effectiveDate: 1 }).lean<
      Pick<ContractRecord, 'effectiveDate'>[]
    >();
    return contracts.reduce<CalendarDate | null>(
      (min, c) => (!min || c.effectiveDate < min ? (c.effectiveDate as CalendarDate) : min),
      null,
    );
  }

  private async endFreePeriods(ctx: RequestContext, month: string, asOf: CalendarDate): Promise<number> {
    const contracts = await ContractModel.find({ state: 'FREE_PERIOD', freePeriodEndsMonth: month }).lean<
      ContractRecord[]
    >();
    let moved = 0;
    for (const contract of contracts.filter((c) => c.freePeriodEndsOn <= asOf)) {
      if (await this.moveContract(ctx, contract._id, 'ACTIVE', 'The free period ended.')) moved++;
    }
    return moved;
  }

  /**
   * A contract in good standing whose term has run out is completed; one in default stays so until settled. One with
   * an unpaid obligation that puts it in default this month, by its completion day, is left for `flagDefaults` later
   * in the same month: otherwise a run that jumps past both days would complete it, where runs stopping between
   * them default it.
   */
  private async completeTerms(ctx: RequestContext, month: string, asOf: CalendarDate): Promise<number> {
    const ending = await ContractModel.find({ state: 'ACTIVE', completesMonth: month }).lean<
      ContractRecord[]
    >();
    let completed = 0;
    for (const contract of ending.filter((c) => c.completesOn <= asOf)) {
      const obligations = await ObligationModel.find({ contractId: contract._id }).lean<ObligationRecord[]>();
      const defaultsFirst = obligations.some(
        (o) =>
          ['SCHEDULED', 'DUE', 'OVERDUE'].includes(o.status) &&
          o.kind !== 'LATE_INTEREST' &&
          o.amountMinor > 0 &&
          o.defaultsMonth === month &&
          o.defaultsOn <= contract.completesOn,
      );
      if (defaultsFirst) continue;
      if (await this.moveContract(ctx, contract._id, 'COMPLETED', 'The term ran its course.')) completed++;
    }
    return completed;
  }

  private async moveObligations(
    from: ObligationRecord['status'],
    to: ObligationRecord['status'],
    bucket: Record<string, string>,
    isReady: (o: ObligationRecord) => boolean,
    now: Date,
  ): Promise<ObligationRecord[]> {
    const candidates = await ObligationModel.find({ status: from, ...bucket }).lean<ObligationRecord[]>();
    const moved: ObligationRecord[] = [];
    for (const obligation of candidates.filter(isReady)) {
      const result = await ObligationModel.updateOne(
        { _id: obligation._id, status: from },
        { $set: { status: to, updatedAt: now } },
      );
      if (result.modifiedCount === 0) continue;
      // A payment may have landed between the update's read and its write (see obligation-payment.ts); only an
      // obligation already due can be paid, so a move from SCHEDULED needs no look.
      if (from !== 'SCHEDULED' && (await restorePaidIfClaimed(obligation._id, now))) continue;
      moved.push(obligation);
    }
    return moved;
  }

  private async flagDefaults(ctx: RequestContext, month: string, asOf: CalendarDate): Promise<number> {
    const unpaid = await ObligationModel.find({ status: 'OVERDUE', defaultsMonth: month }).lean<
      ObligationRecord[]
    >();
    const contractIds = [
      ...new Set(unpaid.filter((o) => o.defaultsOn <= asOf).map((o) => o.contractId.toHexString())),
    ];
    let defaulted = 0;
    for (const id of contractIds) {
      const contract = await ContractModel.findById(id).lean<ContractRecord>();
      if (!contract || !CONTRACT_TRANSITIONS[contract.state].includes('DEFAULTED')) continue;
      if (
        await this.moveContract(
          ctx,
          contract._id,
          'DEFAULTED',
          'An obligation stayed unpaid past the grace days.',
        )
      )
        defaulted++;
    }
    return defaulted;
  }

  /**
   * The minimum annual royalty, credited against the royalties the year's reports earned (their latest revisions),
   * within what is left under the total cap. Reports amended after the check do not reopen it.
   */
  private async trueUpMinimumRoyalties(month: string, asOf: CalendarDate, now: Date): Promise<number> {
    const checks = await MinimumRoyaltyCheckModel.find({ status: 'OPEN', dueMonth: month }).lean<
      MinimumRoyaltyCheckRecord[]
    >();
    let created = 0;
    for (const check of checks.filter((c) => c.dueOn <= asOf)) {
      const claim = await claimOnce(`minimum-royalty:${check.checkKey}`, 'engine', now);
      if (!claim.won) continue;
      const contract = await ContractModel.findById(check.contractId).lean<ContractRecord>();
      if (contract && ['ACTIVE', 'FREE_PERIOD', 'DEFAULTED'].includes(contract.state)) {
        const reports = await RoyaltyReportModel.find({ contractId: contract._id }).lean<
          RoyaltyReportRecord[]
        >();
        const all = [...latestByPeriod(reports).values()];
        const earnedInYear = all
          .filter((r) => r.periodStart >= check.yearStart && r.periodStart <= check.yearEnd)
          .reduce((sum, r) => sum + r.royaltyMinor, 0);
        const chargedTotal = all.reduce((sum, r) => sum + r.royaltyMinor, 0);
        const plan = contract.terms.paymentPlan;
        const { owedMinor } = minimumRoyaltyTrueUp({
          minimumMinor: minimumForContractYear(plan, check.contractYear),
          earnedInYearMinor: earnedInYear,
          totalCapMinor: plan.caps?.totalMinor ?? null,
          royaltiesAlreadyChargedTotalMinor: chargedTotal,
        });
        if (owedMinor > 0) {
          const obligation = {
            key: `MINIMUM_ROYALTY_TRUE_UP:${check.contractYear}`,
            kind: 'MINIMUM_ROYALTY_TRUE_UP' as const,
            amountMinor: owedMinor,
            currency: plan.currency,
            dueDate: check.dueOn as CalendarDate,
          };
          await insertObligations([obligationDocument(contract, obligation, now)]);
          created++;
        }
      }
      await MinimumRoyaltyCheckModel.updateOne({ _id: check._id }, { $set: { status: 'DONE' } });
    }
    return created;
  }

  /** Fourteen days ahead, the licensee hears what it will owe. */
  private async remindOfPayments(month: string, asOf: CalendarDate, now: Date): Promise<void> {
    const upcoming = await ObligationModel.find({ status: 'SCHEDULED', remindMonth: month }).lean<
      ObligationRecord[]
    >();
    for (const o of upcoming.filter((u) => u.remindOn <= asOf && u.dueDate > asOf))
      await notifyPayment(o, 'PAYMENT_DUE_SOON', [o.licenseeId], now);
  }

  /** A period that has ended wants its report; one not in by its due date is overdue, for both sides to see. */
  private async followReportDeadlines(month: string, asOf: CalendarDate, now: Date): Promise<void> {
    const opened = await ReportDeadlineModel.find({ status: 'OPEN', openMonth: month }).lean<
      ReportDeadlineRecord[]
    >();
    for (const d of opened.filter((o) => o.periodEnd < asOf)) {
      await notifyOnce({
        subjectKey: d.deadlineKey,
        kind: 'REPORT_DUE',
        organizationId: d.licenseeId,
        contractId: d.contractId,
        onDate: d.dueOn,
        text: {
          message: 'The sales report for {{periodStart}} to {{periodEnd}} is due by {{dueOn}}.',
          params: { periodStart: d.periodStart, periodEnd: d.periodEnd, dueOn: d.dueOn },
        },
        createdAt: now,
      });
    }
    const late = await ReportDeadlineModel.find({ status: 'OPEN', lateMonth: month }).lean<
      ReportDeadlineRecord[]
    >();
    for (const d of late.filter((o) => o.dueOn < asOf)) {
      const result = await ReportDeadlineModel.updateOne(
        { _id: d._id, status: 'OPEN' },
        { $set: { status: 'OVERDUE' } },
      );
      if (result.modifiedCount === 0) continue;
      for (const organizationId of [d.licenseeId, d.licensorId]) {
        await notifyOnce({
          subjectKey: d.deadlineKey,
          kind: 'REPORT_OVERDUE',
          organizationId,
          contractId: d.contractId,
          onDate: d.dueOn,
          text: {
            message:
              'The sales report for {{periodStart}} to {{periodEnd}} was due by {{dueOn}} and has not come in.',
            params: { periodStart: d.periodStart, periodEnd: d.periodEnd, dueOn: d.dueOn },
          },
          createdAt: now,
        });
      }
    }
  }

  /**
   * Simple interest, actual/365, on each overdue amount from its due date to `asOf`, rounded once (see
   * late-interest.ts). One LATE_INTEREST obligation per overdue obligation holds the amount accrued so far; it only
   * grows, so advancing to an earlier date never lowers it.
   */
  private async accrueLateInterest(asOf: CalendarDate, now: Date): Promise<number> {
    const overdue = await ObligationModel.find({ status: 'OVERDUE' }).lean<ObligationRecord[]>();
    let charged = 0;
    for (const parent of overdue.filter((o) => o.lateInterestBps > 0 && o.amountMinor > 0)) {
      const graceDays = daysBetween(parent.dueDate as CalendarDate, parent.defaultsOn as CalendarDate) - 1;
      const amount = lateInterest({
        amountMinor: parent.amountMinor,
        rateBpsPerYear: parent.lateInterestBps,
        dueDate: parent.dueDate as CalendarDate,
        paidOrAsOf: asOf,
        graceDays,
      });
      if (amount === 0) continue;
      const key = `LATE_INTEREST:${parent.key}`;
      const obligationKey = `${parent.contractId.toHexString()}:${key}`;
      const existing = await ObligationModel.findOne({ obligationKey }).lean<ObligationRecord>();
      if (existing) {
        if (existing.accruedTo && existing.accruedTo >= asOf) continue;
        const result = await ObligationModel.updateOne(
          { _id: existing._id, accruedTo: existing.accruedTo },
          { $set: { amountMinor: Math.max(existing.amountMinor, amount), accruedTo: asOf, updatedAt: now } },
        );
        charged += result.modifiedCount;
        continue;
      }
      try {
        await ObligationModel.create({
          ...parent,
          _id: new Types.ObjectId(),
          obligationKey,
          key,
          kind: 'LATE_INTEREST',
          amountMinor: amount,
          status: 'DUE',
          lateInterestBps: 0,
          interestOn: parent.key,
          accruedTo: asOf,
          createdAt: now,
          updatedAt: now,
        });
        charged++;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    }
    return charged;
  }

  private async moveContract(
    ctx: RequestContext,
    id: Types.ObjectId,
    to: ContractState,
    reason: string,
  ): Promise<boolean> {
    try {
      await transition<ContractState, ContractRecord>({
        model: ContractModel,
        id,
        table: CONTRACT_TRANSITIONS,
        stateNames: CONTRACT_STATE_NAMES,
        what: 'The contract',
        to,
        at: ctx.clock.now(),
        byUserId: null,
        reason,
      });
      return true;
    } catch (error) {
      // Another run moved it first: the work is done.
      if (
        error instanceof AppError &&
        (error.code === 'CONFLICT' || error.code === 'INVALID_STATE_TRANSITION')
      )
        return false;
      throw error;
    }
  }
}

function monthsBetween(from: CalendarDate, to: CalendarDate): string[] {
  const months: string[] = [];
  for (
    let day = `${from.slice(0, 7)}-01` as CalendarDate;
    compareDates(day, to) <= 0;
    day = addMonths(day, 1)
  )
    months.push(day.slice(0, 7));
  return months;
}

const PAYMENT_MESSAGES: Record<'PAYMENT_DUE_SOON' | 'PAYMENT_DUE' | 'PAYMENT_OVERDUE', MessageId> = {
  PAYMENT_DUE_SOON: '{{amount}} for {{obligation}} is due on {{dueDate}}.',
  PAYMENT_DUE: '{{amount}} for {{obligation}} is due today, {{dueDate}}.',
  PAYMENT_OVERDUE: '{{amount}} for {{obligation}} was due on {{dueDate}} and is overdue.',
};

async function notifyPayment(
  o: ObligationRecord,
  kind: keyof typeof PAYMENT_MESSAGES,
  organizations: Types.ObjectId[],
  now: Date,
): Promise<void> {
  const params = {
    amount: `${o.currency} ${minorToMajor(o.amountMinor, o.currency as CurrencyCode)}`,
    obligation: obligationName(o.key),
    dueDate: o.dueDate,
  };
  for (const organizationId of organizations) {
    await notifyOnce({
      subjectKey: o.obligationKey,
      kind,
      organizationId,
      contractId: o.contractId,
      onDate: o.dueDate,
      text: { message: PAYMENT_MESSAGES[kind], params },
      createdAt: now,
    });
  }
}

import { Types } from 'mongoose';
import { toCalendarDate } from '../../common/calendar-date';
import { claimOnce } from '../../common/claims';
import { AppError, isDuplicateKeyError } from '../../common/errors';
import {
  hasRole,
  isPlatformAdmin,
  requireRoleIn,
  requireViewer,
  type RequestContext,
} from '../../common/request-context';
import type { OrganizationService } from '../identity/organization.service';
import { LicenseOfferModel, type LicenseOfferRecord } from '../offers/offer.model';
import { eligibilityProblems, type EligibilityProblem, type SmeFacts } from './eligibility';
import {
  freePeriodEnd,
  lastDayOfTerm,
  reportingPeriods,
  scheduleFixedObligations,
  type ScheduledObligation,
} from './engine/obligation-schedule';
import { ReportDeadlineModel } from '../notifications/report-deadline.model';
import { MinimumRoyaltyCheckModel } from './minimum-royalty-check.model';
import { contractYearStart } from '../../common/calendar-date';
import { addDays, type CalendarDate } from '../../common/calendar-date';
import {
  ContractModel,
  ObligationModel,
  type ContractRecord,
  type ContractState,
  type ObligationRecord,
} from './contract.model';
import { nextContractNumber } from './contract-number';
import { bucketsWithinEngineReach } from './engine-state.model';
import { CONTRACT_STATE_NAMES, CONTRACT_TRANSITIONS } from './contract.state';
import { transition } from '../../common/state-machine';
import type { PaymentPlan } from './engine/payment-plan';

/** Contracts and their obligations: what was agreed, and what is owed when. */
export class ContractService {
  constructor(private readonly organizations: OrganizationService) {}

  /**
   * An SME takes a standard ("express" / "open") offer exactly as published. The contract exists once per offer
   * and licensee: signing again returns it. An exclusive or sole offer goes to one licensee only.
   */
  async signStandardOffer(ctx: RequestContext, offerId: string, licenseeId: string): Promise<ContractRecord> {
    const viewer = requireViewer(ctx);
    requireRoleIn(ctx, licenseeId, 'SME_MEMBER');
    const offer = Types.ObjectId.isValid(offerId)
      ? await LicenseOfferModel.findById(offerId).lean<LicenseOfferRecord>()
      : null;
    if (!offer || offer.state !== 'PUBLISHED') throw AppError.notFound('The offer');
    if (!offer.standard)
      throw new AppError('OFFER_NOT_AVAILABLE', 'This offer is negotiable: send a licence request instead.', {
        field: 'offerId',
      });
    const requestKey = `standard:${offer._id.toHexString()}:${licenseeId}`;
    const existing = await ContractModel.findOne({ requestKey }).lean<ContractRecord>();
    if (existing) return this.ensureObligations(existing, ctx.clock.now());

    await this.assertEligible(offer, licenseeId, toCalendarDate(ctx.clock.now()));
    return this.createContract(ctx, {
      offer,
      licenseeId,
      paymentPlan: offer.paymentPlan,
      requestKey,
      acceptedByUserId: viewer.userId,
    });
  }

  /** Every eligibility rule of the offer the SME does not meet, in one NOT_ELIGIBLE refusal. */
  async assertEligible(offer: LicenseOfferRecord, licenseeId: string, today: CalendarDate): Promise<void> {
    const licensee = await this.organizations.getOrThrow(licenseeId);
    const problems: EligibilityProblem[] = licensee.smeProfile
      ? eligibilityProblems(offer.eligibility, licensee.smeProfile as SmeFacts, today)
      : [{ rule: 'smeProfile', message: 'Complete your SME profile first.' }];
    if (problems.length > 0) {
      throw new AppError('NOT_ELIGIBLE', '{{problems}}', {
        params: { problems },
        fieldErrors: problems.map((p) => ({
          field: `eligibility.${p.rule}`,
          message: p.message,
          params: p.params,
        })),
      });
    }
  }

  /**
   * Signs the contract for agreed terms: the offer's, with the agreed payment plan. Exactly once per request key,
   * however often and however concurrently it is called; an exclusive or sole offer goes to one licensee only.
   */
  async createContract(
    ctx: RequestContext,
    agreed: {
      offer: LicenseOfferRecord;
      licenseeId: string;
      paymentPlan: PaymentPlan;
      requestKey: string;
      acceptedByUserId: string;
    },
  ): Promise<ContractRecord> {
    const { offer, requestKey } = agreed;
    const now = ctx.clock.now();
    const existing = await ContractModel.findOne({ requestKey }).lean<ContractRecord>();
    if (existing) return this.ensureObligations(existing, now);
    const licenseeId = new Types.ObjectId(agreed.licenseeId);
    if (offer.licenseKind !== 'NON_EXCLUSIVE') await this.reserveExclusive(offer, licenseeId, now);

    const today = toCalendarDate(now);
    const initialState: ContractState =
      (agreed.paymentPlan.freePeriod?.months ?? 0) > 0 ? 'FREE_PERIOD' : 'ACTIVE';
    const freeEnd = freePeriodEnd(agreed.paymentPlan, today);
    const fields = {
      requestKey,
      offerId: offer._id,
      licensorId: offer.institutionId,
      licenseeId,
      terms: {
        title: offer.title,
        patentIds: offer.patentIds,
        licenseKind: offer.licenseKind,
        fieldOfUse: offer.fieldOfUse,
        territory: offer.territory,
        sublicensingAllowed: offer.sublicensingAllowed,
        standard: offer.standard,
        eligibility: offer.eligibility,
        paymentPlan: agreed.paymentPlan,
      },
      effectiveDate: today,
      freePeriodEndsOn: freeEnd,
      freePeriodEndsMonth: freeEnd.slice(0, 7),
      completesOn: addDays(lastDayOfTerm(agreed.paymentPlan, today), 1),
      completesMonth: addDays(lastDayOfTerm(agreed.paymentPlan, today), 1).slice(0, 7),
      confirmation: { byUserId: agreed.acceptedByUserId, at: now, ipAddress: ctx.ipAddress },
      state: initialState,
      stateHistory: [{ from: null, to: initialState, at: now, byUserId: agreed.acceptedByUserId }],
      createdAt: now,
      updatedAt: now,
    };
    // Both keys are unique. A duplicate request key means two clicks at once: the other one's contract is returned.
    // A duplicate number means two signings drew the same number (FerretDB's $inc is a read then a write): draw again.
    for (let attempt = 0; ; attempt++) {
      try {
        const contract = await ContractModel.create({ ...fields, number: await nextContractNumber(now) });
        return this.ensureObligations(contract.toObject() as ContractRecord, now);
      } catch (error) {
        if (!isDuplicateKeyError(error)) throw error;
        const winner = await ContractModel.findOne({ requestKey }).lean<ContractRecord>();
        if (winner) return this.ensureObligations(winner, now);
        if (attempt >= 5) throw error;
      }
    }
  }

  /**
   * The SME walks away during the free period: nothing is owed (every scheduled obligation is cancelled), and an
   * exclusive or sole offer is open to others again.
   */
  async exit(ctx: RequestContext, id: string, reason: string | null): Promise<ContractRecord> {
    const contract = await this.getVisible(ctx, id);
    if (!contract) throw AppError.notFound('The contract');
    requireRoleIn(ctx, contract.licenseeId.toHexString(), 'SME_MEMBER');
    const exited = await transition<ContractState, ContractRecord>({
      model: ContractModel,
      id: contract._id,
      table: CONTRACT_TRANSITIONS,
      stateNames: CONTRACT_STATE_NAMES,
      what: 'The contract',
      to: 'EXITED',
      at: ctx.clock.now(),
      byUserId: ctx.viewer?.userId ?? null,
      reason: reason ?? undefined,
    });
    await ObligationModel.updateMany(
      { contractId: contract._id, status: 'SCHEDULED' },
      { $set: { status: 'CANCELLED', updatedAt: ctx.clock.now() } },
    );
    if (contract.terms.licenseKind !== 'NON_EXCLUSIVE') {
      const offer = await LicenseOfferModel.findById(contract.offerId).lean<LicenseOfferRecord>();
      if (offer?.exclusiveLicenseeId?.equals(contract.licenseeId)) {
        await LicenseOfferModel.updateOne(
          { _id: offer._id },
          { $set: { exclusiveLicenseeId: null, exclusiveGeneration: (offer.exclusiveGeneration ?? 0) + 1 } },
        );
      }
    }
    return exited;
  }

  /** Ends a contract by notice: what is already due stays owed; what was still to come is cancelled. */
  async terminate(ctx: RequestContext, id: string, reason: string): Promise<ContractRecord> {
    const contract = await this.getVisible(ctx, id);
    if (!contract) throw AppError.notFound('The contract');
    const licensor = hasRole(ctx.viewer, contract.licensorId.toHexString(), 'TTO_MANAGER');
    const licensee = hasRole(ctx.viewer, contract.licenseeId.toHexString(), 'SME_MEMBER');
    if (!licensor && !licensee)
      throw AppError.forbidden('Only the parties’ TTO managers or SME members end a contract.');
    if (!reason?.trim()) throw AppError.badInput('reason', 'Give the reason for the notice.');
    const terminated = await transition<ContractState, ContractRecord>({
      model: ContractModel,
      id: contract._id,
      table: CONTRACT_TRANSITIONS,
      stateNames: CONTRACT_STATE_NAMES,
      what: 'The contract',
      to: 'TERMINATED',
      at: ctx.clock.now(),
      byUserId: ctx.viewer?.userId ?? null,
      reason: reason.trim(),
    });
    await ObligationModel.updateMany(
      { contractId: contract._id, status: 'SCHEDULED' },
      { $set: { status: 'CANCELLED', updatedAt: ctx.clock.now() } },
    );
    return terminated;
  }

  async getVisible(ctx: RequestContext, id: string): Promise<ContractRecord | null> {
    const contract = Types.ObjectId.isValid(id)
      ? await ContractModel.findById(id).lean<ContractRecord>()
      : null;
    return contract && this.isParty(ctx, contract) ? contract : null;
  }

  /** The contracts of an organisation, as licensor or licensee, for its members. */
  async listForOrganization(ctx: RequestContext, organizationId: string): Promise<ContractRecord[]> {
    if (!isPlatformAdmin(ctx.viewer))
      requireRoleIn(ctx, organizationId, 'TTO_MANAGER', 'SME_MEMBER', 'FINANCE', 'ADMIN');
    const id = new Types.ObjectId(organizationId);
    const [asLicensor, asLicensee] = await Promise.all([
      ContractModel.find({ licensorId: id }).lean<ContractRecord[]>(),
      ContractModel.find({ licenseeId: id }).lean<ContractRecord[]>(),
    ]);
    return [...asLicensor, ...asLicensee].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  }

  async obligationsOf(contract: ContractRecord): Promise<ObligationRecord[]> {
    const obligations = await ObligationModel.find({ contractId: contract._id }).lean<ObligationRecord[]>();
    return obligations.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key));
  }

  isParty(ctx: RequestContext, contract: Pick<ContractRecord, 'licensorId' | 'licenseeId'>): boolean {
    const roles = ['TTO_MANAGER', 'SME_MEMBER', 'FINANCE', 'ADMIN'] as const;
    return (
      hasRole(ctx.viewer, contract.licensorId.toHexString(), ...roles) ||
      hasRole(ctx.viewer, contract.licenseeId.toHexString(), ...roles) ||
      isPlatformAdmin(ctx.viewer)
    );
  }

  /**
   * Writes the obligations known at signing. Each has a unique key derived from the contract and the engine's key,
   * so running this again (after a crash between the contract and its obligations) adds only what is missing.
   */
  private async ensureObligations(contract: ContractRecord, now: Date): Promise<ContractRecord> {
    const scheduled = scheduleFixedObligations(contract.terms.paymentPlan, contract.effectiveDate as never);
    const documents = scheduled.map((o) => obligationDocument(contract, o, now));
    await insertIgnoringDuplicates(
      ReportDeadlineModel,
      reportingPeriods(contract.terms.paymentPlan, contract.effectiveDate as CalendarDate).map((p) => ({
        deadlineKey: `${contract._id.toHexString()}:${p.start}`,
        contractId: contract._id,
        licensorId: contract.licensorId,
        licenseeId: contract.licenseeId,
        periodStart: p.start,
        periodEnd: p.end,
        dueOn: p.reportDueDate,
        openMonth: addDays(p.end, 1).slice(0, 7),
        lateMonth: addDays(p.reportDueDate, 1).slice(0, 7),
        status: 'OPEN',
      })),
    );
    await insertObligations(documents);
    await insertIgnoringDuplicates(MinimumRoyaltyCheckModel, minimumRoyaltyChecks(contract));
    return contract;
  }

  /** One claim decides who holds an exclusive offer; everyone else is told it is taken. */
  private async reserveExclusive(
    offer: LicenseOfferRecord,
    licenseeId: Types.ObjectId,
    at: Date,
  ): Promise<void> {
    const generation = offer.exclusiveGeneration ?? 0;
    const claim = await claimOnce(
      `exclusive-offer:${offer._id.toHexString()}:g${generation}`,
      licenseeId.toHexString(),
      at,
    );
    if (!claim.won)
      throw new AppError('OFFER_NOT_AVAILABLE', 'This exclusive licence has already been taken.', {
        field: 'offerId',
      });
    await LicenseOfferModel.updateOne({ _id: offer._id }, { $set: { exclusiveLicenseeId: licenseeId } });
  }
}

/** How many days ahead the licensee hears of a payment. */
export const REMINDER_DAYS = 14;

/** An obligation as stored, with the dates the engine finds it by. */
export function obligationDocument(
  contract: ContractRecord,
  o: ScheduledObligation,
  now: Date,
  interestOn: string | null = null,
) {
  const plan = contract.terms.paymentPlan;
  const overdueOn = addDays(o.dueDate, 1);
  const defaultsOn = addDays(o.dueDate, plan.graceDays + 1);
  return {
    obligationKey: `${contract._id.toHexString()}:${o.key}`,
    contractId: contract._id,
    licensorId: contract.licensorId,
    licenseeId: contract.licenseeId,
    key: o.key,
    kind: o.kind,
    amountMinor: o.amountMinor,
    currency: o.currency,
    dueDate: o.dueDate,
    status: 'SCHEDULED' as const,
    dueMonth: o.dueDate.slice(0, 7),
    remindOn: addDays(o.dueDate, -REMINDER_DAYS),
    remindMonth: addDays(o.dueDate, -REMINDER_DAYS).slice(0, 7),
    overdueOn,
    overdueMonth: overdueOn.slice(0, 7),
    defaultsOn,
    defaultsMonth: (defaultsOn as CalendarDate).slice(0, 7),
    lateInterestBps: interestOn ? 0 : plan.lateInterestBps,
    interestOn,
    accruedTo: null,
    createdAt: now,
    updatedAt: now,
  };
}

/** Inserts obligations within the contract engine's reach (see engine-state.model.ts), each once. */
export async function insertObligations(documents: ReturnType<typeof obligationDocument>[]): Promise<void> {
  await insertIgnoringDuplicates(ObligationModel, await bucketsWithinEngineReach(documents));
}

/** Inserts what is not there yet: the unique keys make re-running after a crash add only what is missing. */
export async function insertIgnoringDuplicates(
  model: { insertMany(docs: unknown[], options: { ordered: boolean }): Promise<unknown> },
  documents: unknown[],
): Promise<void> {
  if (documents.length === 0) return;
  try {
    await model.insertMany(documents, { ordered: false });
  } catch (error) {
    const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
    if (!writeErrors?.every((e) => (e.code ?? e.err?.code) === 11000) && !isDuplicateKeyError(error))
      throw error;
  }
}

/** One check per contract year from the minimum's first year to the end of the term. */
function minimumRoyaltyChecks(contract: ContractRecord) {
  const plan = contract.terms.paymentPlan;
  if (!plan.minimumAnnualRoyalty) return [];
  const effective = contract.effectiveDate as CalendarDate;
  const years = Math.ceil(plan.termMonths / 12);
  const checks = [];
  for (let year = plan.minimumAnnualRoyalty.fromContractYear; year <= years; year++) {
    const yearEnd = addDays(contractYearStart(effective, year + 1), -1);
    const dueOn = addDays(yearEnd, plan.reportDueDays);
    checks.push({
      checkKey: `${contract._id.toHexString()}:${year}`,
      contractId: contract._id,
      contractYear: year,
      yearStart: contractYearStart(effective, year),
      yearEnd,
      dueOn,
      dueMonth: dueOn.slice(0, 7),
      status: 'OPEN',
    });
  }
  return checks;
}

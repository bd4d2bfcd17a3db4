import { isCalendarDate, toCalendarDate, type CalendarDate } from '../../common/calendar-date';
import { AppError, isDuplicateKeyError } from '../../common/errors';
import { hasRole, requireViewer, type RequestContext } from '../../common/request-context';
import { transition, type StateNames, type TransitionTable } from '../../common/state-machine';
import type { ContractRecord } from '../contracts/contract.model';
import { insertObligations, obligationDocument, type ContractService } from '../contracts/contract.service';
import { milestoneObligationOrThrow } from '../contracts/engine/obligation-schedule';
import {
  MilestoneEventModel,
  type MilestoneEventRecord,
  type MilestoneEventState,
} from './milestone-event.model';

const MILESTONE_TRANSITIONS: TransitionTable<MilestoneEventState> = {
  DECLARED: ['CONFIRMED'],
  CONFIRMED: [],
};

const MILESTONE_STATE_NAMES: StateNames<MilestoneEventState> = {
  DECLARED: 'declared',
  CONFIRMED: 'confirmed',
};

/** Milestones whose event someone must tell: the SME declares it, or the TTO records it; the TTO confirms. */
export class MilestoneService {
  constructor(private readonly contracts: ContractService) {}

  async declare(
    ctx: RequestContext,
    contractId: string,
    milestoneKey: string,
    eventDate: string,
    evidence: string,
  ): Promise<MilestoneEventRecord> {
    const viewer = requireViewer(ctx);
    const contract = await this.partyContractOrThrow(ctx, contractId);
    const licensor = hasRole(ctx.viewer, contract.licensorId.toHexString(), 'TTO_MANAGER');
    const licensee = hasRole(ctx.viewer, contract.licenseeId.toHexString(), 'SME_MEMBER');
    if (!licensor && !licensee)
      throw AppError.forbidden('Only the SME’s members or the licensor’s TTO managers record a milestone.');
    const milestone = contract.terms.paymentPlan.milestones?.find((m) => m.key === milestoneKey);
    if (!milestone) throw AppError.badInput('milestoneKey', 'The contract has no such milestone.');
    if (milestone.trigger === 'DATE')
      throw AppError.badInput('milestoneKey', 'This milestone falls due on its date by itself.');
    if (!isCalendarDate(eventDate)) throw AppError.badInput('eventDate', 'Give the date as YYYY-MM-DD.');
    if (eventDate < contract.effectiveDate || eventDate > toCalendarDate(ctx.clock.now()))
      throw AppError.badInput('eventDate', 'The event must lie between the effective date and today.');
    if (!evidence?.trim() || evidence.length > 4000)
      throw AppError.badInput('evidence', 'Describe the evidence (up to 4000 characters).');
    const now = ctx.clock.now();
    // The TTO recording the event confirms it at once; an SME's declaration waits for the TTO.
    const state: MilestoneEventState = licensor ? 'CONFIRMED' : 'DECLARED';
    let event: MilestoneEventRecord;
    try {
      event = (
        await MilestoneEventModel.create({
          eventKey: `${contract._id.toHexString()}:${milestoneKey}`,
          contractId: contract._id,
          milestoneKey,
          eventDate,
          evidence: evidence.trim(),
          state,
          stateHistory: [{ from: null, to: state, at: now, byUserId: viewer.userId }],
          createdAt: now,
          updatedAt: now,
        })
      ).toObject() as MilestoneEventRecord;
    } catch (error) {
      if (isDuplicateKeyError(error))
        throw new AppError('CONFLICT', 'This milestone has already been declared.', {
          field: 'milestoneKey',
        });
      throw error;
    }
    if (state === 'CONFIRMED') await this.createObligation(contract, event, now);
    return event;
  }

  async confirm(
    ctx: RequestContext,
    contractId: string,
    milestoneKey: string,
  ): Promise<MilestoneEventRecord> {
    const contract = await this.partyContractOrThrow(ctx, contractId);
    if (!hasRole(ctx.viewer, contract.licensorId.toHexString(), 'TTO_MANAGER'))
      throw AppError.forbidden('Only the licensor’s TTO managers confirm a milestone.');
    const event = await MilestoneEventModel.findOne({
      eventKey: `${contract._id.toHexString()}:${milestoneKey}`,
    }).lean<MilestoneEventRecord>();
    if (!event) throw AppError.notFound('The declared milestone');
    const confirmed = await transition<MilestoneEventState, MilestoneEventRecord>({
      model: MilestoneEventModel,
      id: event._id,
      table: MILESTONE_TRANSITIONS,
      stateNames: MILESTONE_STATE_NAMES,
      what: 'The milestone',
      to: 'CONFIRMED',
      at: ctx.clock.now(),
      byUserId: ctx.viewer?.userId ?? null,
    });
    await this.createObligation(contract, confirmed, ctx.clock.now());
    return confirmed;
  }

  async listForContract(ctx: RequestContext, contractId: string): Promise<MilestoneEventRecord[]> {
    const contract = await this.partyContractOrThrow(ctx, contractId);
    return MilestoneEventModel.find({ contractId: contract._id }).lean<MilestoneEventRecord[]>();
  }

  private async partyContractOrThrow(ctx: RequestContext, contractId: string): Promise<ContractRecord> {
    const contract = await this.contracts.getVisible(ctx, contractId);
    if (!contract) throw AppError.notFound('The contract');
    return contract;
  }

  /** Once: the obligation's key is unique, so a confirmation repeated after a crash adds nothing. */
  private async createObligation(
    contract: ContractRecord,
    event: MilestoneEventRecord,
    now: Date,
  ): Promise<void> {
    const obligation = milestoneObligationOrThrow(
      contract.terms.paymentPlan,
      event.milestoneKey,
      event.eventDate as CalendarDate,
    );
    await insertObligations([obligationDocument(contract, obligation, now)]);
  }
}

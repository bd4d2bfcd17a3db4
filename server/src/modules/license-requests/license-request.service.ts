import { Types } from 'mongoose';
import { toCalendarDate } from '../../common/calendar-date';
import { AppError } from '../../common/errors';
import {
  hasRole,
  isPlatformAdmin,
  requireRoleIn,
  requireViewer,
  type RequestContext,
} from '../../common/request-context';
import { transition } from '../../common/state-machine';
import { validatePaymentPlan, type PaymentPlan } from '../contracts/engine/payment-plan';
import type { ContractService } from '../contracts/contract.service';
import { LicenseOfferModel, type LicenseOfferRecord } from '../offers/offer.model';
import {
  LicenseRequestModel,
  type LicenseRequestRecord,
  type RequestState,
  type Side,
  type ThreadAction,
} from './license-request.model';
import { REQUEST_STATE_NAMES, REQUEST_TRANSITIONS } from './license-request.state';

const MAX_MESSAGE = 4000;

/** Negotiated licences: an SME asks, the TTO approves, rejects or counters, and so on until both agree. */
export class LicenseRequestService {
  constructor(private readonly contracts: ContractService) {}

  async request(
    ctx: RequestContext,
    offerId: string,
    licenseeId: string,
    message: string | null,
    paymentPlan: PaymentPlan | null,
  ): Promise<LicenseRequestRecord> {
    const viewer = requireViewer(ctx);
    requireRoleIn(ctx, licenseeId, 'SME_MEMBER');
    const offer = Types.ObjectId.isValid(offerId)
      ? await LicenseOfferModel.findById(offerId).lean<LicenseOfferRecord>()
      : null;
    if (!offer || offer.state !== 'PUBLISHED') throw AppError.notFound('The offer');
    if (offer.standard)
      throw new AppError('OFFER_NOT_AVAILABLE', 'This is a standard offer: sign it as published.', {
        field: 'offerId',
      });
    await this.contracts.assertEligible(offer, licenseeId, toCalendarDate(ctx.clock.now()));
    const proposal = paymentPlan ?? offer.paymentPlan;
    checkProposal(proposal, message, offer);
    const now = ctx.clock.now();
    const created = await LicenseRequestModel.create({
      offerId: offer._id,
      licensorId: offer.institutionId,
      licenseeId: new Types.ObjectId(licenseeId),
      proposal,
      thread: [
        {
          at: now,
          byUserId: viewer.userId,
          side: 'LICENSEE',
          action: 'REQUESTED',
          message: message?.trim() || null,
          paymentPlan: paymentPlan,
        },
      ],
      contractId: null,
      state: 'AWAITING_LICENSOR',
      stateHistory: [{ from: null, to: 'AWAITING_LICENSOR', at: now, byUserId: viewer.userId }],
      createdAt: now,
      updatedAt: now,
    });
    return created.toObject() as LicenseRequestRecord;
  }

  /** The side whose turn it is proposes other terms. */
  async counter(
    ctx: RequestContext,
    id: string,
    message: string | null,
    paymentPlan: PaymentPlan,
  ): Promise<LicenseRequestRecord> {
    const { request, side } = await this.onTurn(ctx, id);
    checkProposal(paymentPlan, message, await this.offerOrThrow(request));
    return this.step(
      ctx,
      request,
      side,
      'COUNTERED',
      side === 'LICENSOR' ? 'AWAITING_LICENSEE' : 'AWAITING_LICENSOR',
      message,
      paymentPlan,
      { proposal: paymentPlan },
    );
  }

  /** The licensor approves the SME's terms, or the SME accepts the licensor's counter: the contract is signed once. */
  async agree(ctx: RequestContext, id: string, message: string | null): Promise<LicenseRequestRecord> {
    const { request, side } = await this.onTurn(ctx, id);
    const viewer = requireViewer(ctx);
    const offer = await this.offerOrThrow(request);
    const agreed = await this.step(
      ctx,
      request,
      side,
      side === 'LICENSOR' ? 'APPROVED' : 'ACCEPTED',
      'AGREED',
      message,
      null,
      {},
    );
    // After AGREED nothing else can happen to the request, and the contract is keyed by it: creating it again after a
    // crash, or from a second approval that lost the race, returns the same contract.
    const contract = await this.contracts.createContract(ctx, {
      offer,
      licenseeId: request.licenseeId.toHexString(),
      paymentPlan: agreed.proposal,
      requestKey: `request:${request._id.toHexString()}`,
      acceptedByUserId:
        side === 'LICENSEE'
          ? viewer.userId
          : (request.thread.findLast((e) => e.side === 'LICENSEE')?.byUserId ?? viewer.userId),
    });
    await LicenseRequestModel.updateOne({ _id: request._id }, { $set: { contractId: contract._id } });
    return { ...agreed, contractId: contract._id };
  }

  async reject(ctx: RequestContext, id: string, reason: string | null): Promise<LicenseRequestRecord> {
    const { request, side } = await this.onTurn(ctx, id);
    if (side !== 'LICENSOR')
      throw new AppError(
        'INVALID_STATE_TRANSITION',
        'Only the licensor rejects a request; withdraw it instead.',
      );
    if (!reason?.trim()) throw AppError.badInput('reason', 'Say why the request is rejected.');
    return this.step(ctx, request, side, 'REJECTED', 'REJECTED', reason, null, {});
  }

  async withdraw(ctx: RequestContext, id: string, reason: string | null): Promise<LicenseRequestRecord> {
    const request = await this.getOwnOrThrow(ctx, id);
    const side = this.sideOf(ctx, request);
    return this.step(ctx, request, side, 'WITHDRAWN', 'WITHDRAWN', reason, null, {});
  }

  async getVisible(ctx: RequestContext, id: string): Promise<LicenseRequestRecord | null> {
    const request = Types.ObjectId.isValid(id)
      ? await LicenseRequestModel.findById(id).lean<LicenseRequestRecord>()
      : null;
    return request && (this.isParty(ctx, request) || isPlatformAdmin(ctx.viewer)) ? request : null;
  }

  /** A TTO's inbox or an SME's outbox: the requests of an organisation, most recently changed first. */
  async listForOrganization(
    ctx: RequestContext,
    organizationId: string,
    state: RequestState | null,
  ): Promise<LicenseRequestRecord[]> {
    if (!isPlatformAdmin(ctx.viewer))
      requireRoleIn(ctx, organizationId, 'TTO_MANAGER', 'SME_MEMBER', 'ADMIN', 'FINANCE');
    const id = new Types.ObjectId(organizationId);
    const filter = (side: 'licensorId' | 'licenseeId') => ({ [side]: id, ...(state ? { state } : {}) });
    const [incoming, outgoing] = await Promise.all([
      LicenseRequestModel.find(filter('licensorId')).lean<LicenseRequestRecord[]>(),
      LicenseRequestModel.find(filter('licenseeId')).lean<LicenseRequestRecord[]>(),
    ]);
    return [...incoming, ...outgoing].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  }

  private isParty(ctx: RequestContext, request: LicenseRequestRecord): boolean {
    return (
      hasRole(ctx.viewer, request.licensorId.toHexString(), 'TTO_MANAGER', 'ADMIN', 'FINANCE') ||
      hasRole(ctx.viewer, request.licenseeId.toHexString(), 'SME_MEMBER', 'ADMIN', 'FINANCE')
    );
  }

  private sideOf(ctx: RequestContext, request: LicenseRequestRecord): Side {
    if (hasRole(ctx.viewer, request.licensorId.toHexString(), 'TTO_MANAGER')) return 'LICENSOR';
    if (hasRole(ctx.viewer, request.licenseeId.toHexString(), 'SME_MEMBER')) return 'LICENSEE';
    throw AppError.forbidden(
      'Only the TTO managers of the licensor and the members of the SME negotiate a request.',
    );
  }

  private async getOwnOrThrow(ctx: RequestContext, id: string): Promise<LicenseRequestRecord> {
    const request = Types.ObjectId.isValid(id)
      ? await LicenseRequestModel.findById(id).lean<LicenseRequestRecord>()
      : null;
    if (!request || !this.isParty(ctx, request)) throw AppError.notFound('The licence request');
    return request;
  }

  /** The request, and the caller's side, if it is the caller's turn. */
  private async onTurn(
    ctx: RequestContext,
    id: string,
  ): Promise<{ request: LicenseRequestRecord; side: Side }> {
    const request = await this.getOwnOrThrow(ctx, id);
    const side = this.sideOf(ctx, request);
    const turn: Record<RequestState, Side | null> = {
      AWAITING_LICENSOR: 'LICENSOR',
      AWAITING_LICENSEE: 'LICENSEE',
      AGREED: null,
      REJECTED: null,
      WITHDRAWN: null,
    };
    if (turn[request.state] === null)
      throw new AppError(
        'INVALID_STATE_TRANSITION',
        'The request is {{state}}; nothing more can be done with it.',
        { params: { state: { message: REQUEST_STATE_NAMES[request.state] } } },
      );
    if (turn[request.state] !== side)
      throw new AppError('INVALID_STATE_TRANSITION', 'It is the other side’s turn to answer.');
    return { request, side };
  }

  private async offerOrThrow(request: LicenseRequestRecord): Promise<LicenseOfferRecord> {
    const offer = await LicenseOfferModel.findById(request.offerId).lean<LicenseOfferRecord>();
    if (!offer) throw AppError.notFound('The offer');
    return offer;
  }

  private step(
    ctx: RequestContext,
    request: LicenseRequestRecord,
    side: Side,
    action: ThreadAction,
    to: RequestState,
    message: string | null,
    paymentPlan: PaymentPlan | null,
    set: Record<string, unknown>,
  ): Promise<LicenseRequestRecord> {
    const viewer = requireViewer(ctx);
    const entry = {
      at: ctx.clock.now(),
      byUserId: viewer.userId,
      side,
      action,
      message: message?.trim() || null,
      paymentPlan,
    };
    return transition<RequestState, LicenseRequestRecord>({
      model: LicenseRequestModel,
      id: request._id,
      table: REQUEST_TRANSITIONS,
      stateNames: REQUEST_STATE_NAMES,
      what: 'The licence request',
      to,
      at: ctx.clock.now(),
      byUserId: viewer.userId,
      reason: message ?? undefined,
      set: { ...set, thread: [...request.thread, entry] },
    });
  }
}

/**
 * A proposal is a whole payment plan the engine can run, within what the offer licenses (no sublicence share when
 * the offer does not allow sublicensing); every problem is named by its field.
 */
function checkProposal(
  plan: PaymentPlan,
  message: string | null,
  offer: Pick<LicenseOfferRecord, 'sublicensingAllowed'>,
): void {
  if (message && message.length > MAX_MESSAGE)
    throw AppError.badInput('message', 'Keep the message under {{max}} characters.', { max: MAX_MESSAGE });
  AppError.assertNoFieldErrors(
    validatePaymentPlan(plan, { sublicensingAllowed: offer.sublicensingAllowed }).map((i) => ({
      ...i,
      field: `paymentPlan.${i.field}`,
    })),
  );
}

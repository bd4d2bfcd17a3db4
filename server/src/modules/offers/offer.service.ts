import { Types } from 'mongoose';
import { isCalendarDate, toCalendarDate, type CalendarDate } from '../../common/calendar-date';
import type { Config } from '../../config/config';
import { AppError, type FieldError, type MessageId, type MessageParams } from '../../common/errors';
import { hasRole, isPlatformAdmin, requireRoleIn, type RequestContext } from '../../common/request-context';
import { transition } from '../../common/state-machine';
import { SME_SIZE_CLASSES } from '../identity/organization.model';
import {
  checkOpenLicencePolicy,
  validatePaymentPlan,
  type OpenLicenceFinding,
} from '../contracts/engine/payment-plan';
import { PatentModel, type PatentRecord } from '../patents/patent.model';
import { simulateCost, type CostSimulation } from './cost-simulation';
import {
  LICENSE_KINDS,
  LicenseOfferModel,
  type LicenseOfferRecord,
  type OfferState,
  type OfferTerms,
} from './offer.model';
import { OFFER_STATE_NAMES, OFFER_TRANSITIONS } from './offer.state';

export type OfferTermsInput = Omit<OfferTerms, 'patentIds'> & { patentIds: string[] };

const MAX_PATENTS_PER_OFFER = 50;
const MAX_SIMULATED_MONTHS = 600;

/** License offers: what a TTO publishes, on one patent or a bundle of its institution's patents. */
export class OfferService {
  constructor(private readonly config: Config) {}

  async create(
    ctx: RequestContext,
    institutionId: string,
    input: OfferTermsInput,
  ): Promise<LicenseOfferRecord> {
    const viewer = requireRoleIn(ctx, institutionId, 'TTO_MANAGER');
    const { terms, findings } = await this.checkTerms(institutionId, input, false);
    const now = ctx.clock.now();
    const created = await LicenseOfferModel.create({
      ...terms,
      institutionId: new Types.ObjectId(institutionId),
      policyFindings: findings,
      state: 'DRAFT',
      stateHistory: [{ from: null, to: 'DRAFT', at: now, byUserId: viewer?.userId ?? null }],
      createdAt: now,
      updatedAt: now,
    });
    return created.toObject() as LicenseOfferRecord;
  }

  /** Publishing checks the terms again: its patents must be public by now, and the policy may have changed. */
  async publish(ctx: RequestContext, id: string): Promise<LicenseOfferRecord> {
    const offer = await this.getOwnedOrThrow(ctx, id);
    const { findings } = await this.checkTerms(
      offer.institutionId.toHexString(),
      { ...offer, patentIds: offer.patentIds.map((p) => p.toHexString()) },
      true,
    );
    return this.move(ctx, offer, 'PUBLISHED', undefined, { policyFindings: findings });
  }

  async withdraw(ctx: RequestContext, id: string, reason?: string): Promise<LicenseOfferRecord> {
    return this.move(ctx, await this.getOwnedOrThrow(ctx, id), 'WITHDRAWN', reason);
  }

  async getVisible(ctx: RequestContext, id: string): Promise<LicenseOfferRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const offer = await LicenseOfferModel.findById(id).lean<LicenseOfferRecord>();
    if (!offer) return null;
    return offer.state === 'PUBLISHED' || this.isOwner(ctx, offer) ? offer : null;
  }

  /** The published offers on a patent: what a visitor compares. */
  async publishedForPatent(patentId: string): Promise<LicenseOfferRecord[]> {
    if (!Types.ObjectId.isValid(patentId)) return [];
    const offers = await LicenseOfferModel.find({
      patentIds: new Types.ObjectId(patentId),
      state: 'PUBLISHED',
    }).lean<LicenseOfferRecord[]>();
    return offers.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  }

  async listForInstitution(
    ctx: RequestContext,
    institutionId: string,
    state: OfferState | null,
  ): Promise<LicenseOfferRecord[]> {
    if (!isPlatformAdmin(ctx.viewer)) requireRoleIn(ctx, institutionId, 'TTO_MANAGER', 'ADMIN', 'FINANCE');
    const filter: Record<string, unknown> = { institutionId: new Types.ObjectId(institutionId) };
    if (state) filter.state = state;
    const offers = await LicenseOfferModel.find(filter).lean<LicenseOfferRecord[]>();
    return offers.sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime());
  }

  /** What the offer would cost for a projection of monthly net sales, from `effectiveDate` (today by default). */
  async simulate(
    ctx: RequestContext,
    offerId: string,
    monthlyNetSalesMinor: number[],
    effectiveDate: string | null,
  ): Promise<CostSimulation> {
    const offer = await this.getVisible(ctx, offerId);
    if (!offer) throw AppError.notFound('The offer');
    const errors: FieldError[] = [];
    if (monthlyNetSalesMinor.length > MAX_SIMULATED_MONTHS)
      errors.push({
        field: 'monthlyNetSalesMinor',
        message: 'Project at most {{max}} months.',
        params: { max: MAX_SIMULATED_MONTHS },
      });
    monthlyNetSalesMinor.forEach((s, i) => {
      if (!Number.isSafeInteger(s) || s < 0)
        errors.push({
          field: `monthlyNetSalesMinor[${i}]`,
          message: 'Monthly net sales are whole minor units, 0 or more.',
        });
    });
    if (effectiveDate != null && !isCalendarDate(effectiveDate))
      errors.push({ field: 'effectiveDate', message: 'Give the start date as YYYY-MM-DD.' });
    AppError.assertNoFieldErrors(errors);
    return simulateCost(
      offer.paymentPlan,
      (effectiveDate as CalendarDate | null) ?? toCalendarDate(ctx.clock.now()),
      monthlyNetSalesMinor,
    );
  }

  isOwner(ctx: RequestContext, offer: Pick<LicenseOfferRecord, 'institutionId'>): boolean {
    return (
      hasRole(ctx.viewer, offer.institutionId.toHexString(), 'TTO_MANAGER', 'ADMIN', 'FINANCE') ||
      isPlatformAdmin(ctx.viewer)
    );
  }

  private async getOwnedOrThrow(ctx: RequestContext, id: string): Promise<LicenseOfferRecord> {
    const offer = Types.ObjectId.isValid(id)
      ? await LicenseOfferModel.findById(id).lean<LicenseOfferRecord>()
      : null;
    if (!offer || (offer.state !== 'PUBLISHED' && !ctx.system && !this.isOwner(ctx, offer)))
      throw AppError.notFound('The offer');
    requireRoleIn(ctx, offer.institutionId.toHexString(), 'TTO_MANAGER');
    return offer;
  }

  private move(
    ctx: RequestContext,
    offer: LicenseOfferRecord,
    to: OfferState,
    reason?: string,
    set?: Record<string, unknown>,
  ): Promise<LicenseOfferRecord> {
    return transition<OfferState, LicenseOfferRecord>({
      model: LicenseOfferModel,
      id: offer._id,
      table: OFFER_TRANSITIONS,
      stateNames: OFFER_STATE_NAMES,
      what: 'The offer',
      to,
      at: ctx.clock.now(),
      byUserId: ctx.viewer?.userId ?? null,
      reason,
      set,
    });
  }

  /** Every problem with the terms, one message per field; then the open-licence policy for standard offers. */
  private async checkTerms(
    institutionId: string,
    input: OfferTermsInput,
    publishing: boolean,
  ): Promise<{ terms: OfferTerms; findings: OpenLicenceFinding[] }> {
    const errors: FieldError[] = [];
    const add = (field: string, message: MessageId, params?: MessageParams) =>
      errors.push({ field, message, params });
    const title = input.title?.trim() ?? '';
    if (title.length < 3 || title.length > 200)
      add('title', 'Give the offer a title of 3 to 200 characters.');
    if (!LICENSE_KINDS.includes(input.licenseKind))
      add('licenseKind', 'Choose non-exclusive, exclusive or sole.');
    if (!input.fieldOfUse?.trim() || input.fieldOfUse.length > 500)
      add('fieldOfUse', 'Say in what field the licensee may use the technology (up to 500 characters).');
    if (!input.territory?.trim() || input.territory.length > 500)
      add('territory', 'Say where the licence applies (up to 500 characters).');

    const ids = [...new Set(input.patentIds)];
    if (ids.length === 0 || ids.length > MAX_PATENTS_PER_OFFER)
      add('patentIds', 'Offer between 1 and {{max}} patents.', { max: MAX_PATENTS_PER_OFFER });
    // One lookup per patent: an equality on _id is indexed everywhere, `$in` is not under FerretDB.
    const patents = await Promise.all(
      ids
        .slice(0, MAX_PATENTS_PER_OFFER)
        .map((id) => (Types.ObjectId.isValid(id) ? PatentModel.findById(id).lean<PatentRecord>() : null)),
    );
    patents.forEach((patent, i) => {
      if (!patent || !patent.institutionId.equals(institutionId))
        add(`patentIds[${i}]`, 'This is not one of your institution’s patents.');
      else if (publishing && patent.state !== 'PUBLISHED')
        add(`patentIds[${i}]`, 'Publish the patent {{applicationNumber}} before offering it.', {
          applicationNumber: patent.applicationNumber,
        });
    });

    const e = input.eligibility;
    if ((e?.sizeClasses ?? []).some((c) => !SME_SIZE_CLASSES.includes(c)))
      add('eligibility.sizeClasses', 'Size classes are micro, small and medium.');
    for (const key of ['maxHeadcount', 'maxAgeYears', 'maxAnnualRevenueMinor'] as const) {
      const value = e?.[key];
      if (value !== null && value !== undefined && (!Number.isSafeInteger(value) || value < 0))
        add(`eligibility.${key}`, 'Give a whole number, 0 or more, or leave it empty.');
    }
    for (const issue of validatePaymentPlan(input.paymentPlan, {
      sublicensingAllowed: input.sublicensingAllowed,
    }))
      add(`paymentPlan.${issue.field}`, issue.message, issue.params);
    AppError.assertNoFieldErrors(errors);

    const policy = this.config.openLicencePolicy;
    const findings =
      input.standard && policy.mode !== 'OFF'
        ? checkOpenLicencePolicy(input.paymentPlan, { ...policy, mode: policy.mode })
        : [];
    const refusals = findings.filter((f) => f.severity === 'REFUSE');
    if (refusals.length > 0) {
      throw new AppError('OFFER_EXCEEDS_POLICY_CAP', '{{findings}}', {
        params: { findings: refusals },
        fieldErrors: refusals.flatMap((f) =>
          f.fields.map((field) => ({ field: `paymentPlan.${field}`, message: f.message, params: f.params })),
        ),
      });
    }
    return {
      terms: {
        title,
        patentIds: ids.map((id) => new Types.ObjectId(id)),
        licenseKind: input.licenseKind,
        fieldOfUse: input.fieldOfUse.trim(),
        territory: input.territory.trim(),
        sublicensingAllowed: input.sublicensingAllowed,
        standard: input.standard,
        eligibility: {
          sizeClasses: e?.sizeClasses ?? [],
          maxHeadcount: e?.maxHeadcount ?? null,
          maxAgeYears: e?.maxAgeYears ?? null,
          maxAnnualRevenueMinor: e?.maxAnnualRevenueMinor ?? null,
          requiresSpecialisedAndSophisticated: e?.requiresSpecialisedAndSophisticated ?? false,
          requiresLittleGiant: e?.requiresLittleGiant ?? false,
        },
        paymentPlan: input.paymentPlan,
      },
      findings,
    };
  }
}

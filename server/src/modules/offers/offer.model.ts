import { Schema, model, type Types } from 'mongoose';
import type { StateChange } from '../../common/state-machine';
import type { SmeSizeClass } from '../identity/organization.model';
import type { OpenLicenceFinding, PaymentPlan } from '../contracts/engine/payment-plan';

export const LICENSE_KINDS = ['NON_EXCLUSIVE', 'EXCLUSIVE', 'SOLE'] as const;
export type LicenseKind = (typeof LICENSE_KINDS)[number];

export const OFFER_STATES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type OfferState = (typeof OFFER_STATES)[number];

/** What an SME must be to take the offer; absent rules do not apply. */
export type Eligibility = {
  sizeClasses: SmeSizeClass[];
  maxHeadcount: number | null;
  maxAgeYears: number | null;
  maxAnnualRevenueMinor: number | null;
  requiresSpecialisedAndSophisticated: boolean;
  requiresLittleGiant: boolean;
};

export type OfferTerms = {
  title: string;
  patentIds: Types.ObjectId[];
  licenseKind: LicenseKind;
  fieldOfUse: string;
  territory: string;
  sublicensingAllowed: boolean;
  /** Standard ("express" / "open") offers are accepted exactly as published; others can be negotiated. */
  standard: boolean;
  eligibility: Eligibility;
  paymentPlan: PaymentPlan;
};

export type LicenseOfferRecord = OfferTerms & {
  _id: Types.ObjectId;
  institutionId: Types.ObjectId;
  state: OfferState;
  stateHistory: StateChange<OfferState>[];
  /** Warnings of the open-licence policy check, kept with the offer so that SMEs see them too. */
  policyFindings: OpenLicenceFinding[];
  /** For exclusive and sole offers: the licensee holding it, set by one conditional update so only one can. */
  exclusiveLicenseeId: Types.ObjectId | null;
  /** Counts how often an exclusive offer was handed back (a licensee exited), so that it can be claimed anew. */
  exclusiveGeneration: number;
  createdAt: Date;
  updatedAt: Date;
};

const licenseOfferSchema = new Schema(
  {
    institutionId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true },
    patentIds: { type: [Schema.Types.ObjectId], required: true },
    licenseKind: { type: String, enum: LICENSE_KINDS, required: true },
    fieldOfUse: { type: String, required: true },
    territory: { type: String, required: true },
    sublicensingAllowed: { type: Boolean, required: true },
    standard: { type: Boolean, required: true },
    eligibility: { type: Schema.Types.Mixed, required: true },
    // Validated as a whole by validatePaymentPlan, which names each field; stored as the engine reads it.
    paymentPlan: { type: Schema.Types.Mixed, required: true },
    policyFindings: { type: [Schema.Types.Mixed], default: [] },
    exclusiveLicenseeId: { type: Schema.Types.ObjectId, default: null },
    exclusiveGeneration: { type: Number, default: 0 },
    state: { type: String, enum: OFFER_STATES, required: true },
    stateHistory: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'license_offers', versionKey: false, minimize: false },
);
licenseOfferSchema.index({ institutionId: 1 });
licenseOfferSchema.index({ patentIds: 1 });

export const LicenseOfferModel = model<LicenseOfferRecord>('LicenseOffer', licenseOfferSchema);

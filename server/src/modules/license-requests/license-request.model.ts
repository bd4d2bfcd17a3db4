import { Schema, model, type Types } from 'mongoose';
import type { StateChange } from '../../common/state-machine';
import type { PaymentPlan } from '../contracts/engine/payment-plan';

export const REQUEST_STATES = [
  'AWAITING_LICENSOR',
  'AWAITING_LICENSEE',
  'AGREED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const THREAD_ACTIONS = [
  'REQUESTED',
  'COUNTERED',
  'APPROVED',
  'ACCEPTED',
  'REJECTED',
  'WITHDRAWN',
] as const;
export type ThreadAction = (typeof THREAD_ACTIONS)[number];

export type Side = 'LICENSOR' | 'LICENSEE';

/** One step of a negotiation: who did what, when, with their message and the terms they proposed. */
export type ThreadEntry = {
  at: Date;
  byUserId: string;
  side: Side;
  action: ThreadAction;
  message: string | null;
  paymentPlan: PaymentPlan | null;
};

export type LicenseRequestRecord = {
  _id: Types.ObjectId;
  offerId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  /** The payment plan currently on the table: the offer's, or the latest counter-proposal. */
  proposal: PaymentPlan;
  thread: ThreadEntry[];
  contractId: Types.ObjectId | null;
  state: RequestState;
  stateHistory: StateChange<RequestState>[];
  createdAt: Date;
  updatedAt: Date;
};

const licenseRequestSchema = new Schema(
  {
    offerId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    proposal: { type: Schema.Types.Mixed, required: true },
    thread: { type: [Schema.Types.Mixed], default: [] },
    contractId: { type: Schema.Types.ObjectId, default: null },
    state: { type: String, enum: REQUEST_STATES, required: true },
    stateHistory: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'license_requests', versionKey: false, minimize: false },
);
licenseRequestSchema.index({ licensorId: 1 });
licenseRequestSchema.index({ licenseeId: 1 });

export const LicenseRequestModel = model<LicenseRequestRecord>('LicenseRequest', licenseRequestSchema);

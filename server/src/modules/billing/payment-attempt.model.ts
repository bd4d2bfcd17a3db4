import { Schema, model, type Types } from 'mongoose';

/**
 * One try at collecting one obligation. Recorded (STARTED) before Stripe is called, under `<obligation>:<n>` as its
 * id, so that inserting it is the claim: of two workers only one makes attempt n. The Stripe request is stored
 * with it, so that whoever finds it unresolved can send the very same request with the same idempotency key and
 * learn what happened, instead of charging again.
 *
 * STARTED     recorded; the request may or may not have reached Stripe.
 * UNKNOWN     the call failed in a way that hides the outcome (timeout, 5xx, dropped connection).
 * PROCESSING  Stripe accepted it; the money is on its way (e.g. bank debits).
 * REQUIRES_ACTION the licensee must authenticate; no retry until they do or pay another way.
 * SUCCEEDED   paid. DECLINED: the card was refused (SOFT: retried on a schedule; HARD: needs another method).
 * CANCELED    the PaymentIntent was cancelled. REJECTED: Stripe refused our request itself (needs an operator).
 */
export const ATTEMPT_STATUSES = [
  'STARTED',
  'UNKNOWN',
  'PROCESSING',
  'REQUIRES_ACTION',
  'SUCCEEDED',
  'DECLINED',
  'CANCELED',
  'REJECTED',
] as const;
export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number];

export const FINAL_ATTEMPT_STATUSES: readonly AttemptStatus[] = [
  'SUCCEEDED',
  'DECLINED',
  'CANCELED',
  'REJECTED',
];
/** While an attempt is in one of these, no new attempt on the same obligation may start. */
export const BLOCKING_ATTEMPT_STATUSES: readonly AttemptStatus[] = [
  'STARTED',
  'UNKNOWN',
  'PROCESSING',
  'REQUIRES_ACTION',
  'SUCCEEDED',
];

export type PaymentIntentRequest = {
  amount: number;
  currency: string;
  customer: string;
  payment_method: string;
  destination: string;
  application_fee_amount: number;
};

export type PaymentAttemptRecord = {
  _id: string;
  obligationId: Types.ObjectId;
  contractId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  licensorId: Types.ObjectId;
  attemptNumber: number;
  origin: 'BILLING_RUN' | 'PAY_NOW';
  /** The run or request that made it. */
  holder: string;
  idempotencyKey: string;
  request: PaymentIntentRequest;
  amountMinor: number;
  currency: string;
  platformFeeMinor: number;
  status: AttemptStatus;
  declineKind: 'SOFT' | 'HARD' | null;
  declineCode: string | null;
  failureMessage: string | null;
  paymentIntentId: string | null;
  /** The day of the obligation's first attempt: retries are counted from it. */
  firstAttemptOn: string;
  attemptedOn: string;
  nextRetryOn: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const paymentAttemptSchema = new Schema(
  {
    _id: { type: String, required: true },
    obligationId: { type: Schema.Types.ObjectId, required: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    attemptNumber: { type: Number, required: true },
    origin: { type: String, required: true },
    holder: { type: String, required: true },
    idempotencyKey: { type: String, required: true },
    request: { type: Schema.Types.Mixed, required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    platformFeeMinor: { type: Number, required: true },
    status: { type: String, enum: ATTEMPT_STATUSES, required: true },
    declineKind: { type: String, default: null },
    declineCode: { type: String, default: null },
    failureMessage: { type: String, default: null },
    paymentIntentId: { type: String, default: null },
    firstAttemptOn: { type: String, required: true },
    attemptedOn: { type: String, required: true },
    nextRetryOn: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'payment_attempts', versionKey: false, minimize: false },
);
paymentAttemptSchema.index({ obligationId: 1 });
paymentAttemptSchema.index({ status: 1 });
paymentAttemptSchema.index({ paymentIntentId: 1 });

export const PaymentAttemptModel = model<PaymentAttemptRecord>('PaymentAttempt', paymentAttemptSchema);

import { Schema, model } from 'mongoose';

/**
 * Every verified Stripe event, stored once under its own id before it is applied. Applying is idempotent, so a
 * redelivery of an APPLIED event changes nothing and a FAILED one is simply applied again (by the redelivery, or by
 * the billing run's retry of failed events). The payload is kept as Stripe's JSON text: Stripe's objects may carry
 * metadata keys that a document database refuses as field names.
 */
export type StripeEventRecord = {
  _id: string;
  type: string;
  objectId: string | null;
  createdAtStripe: number;
  payload: string;
  status: 'RECEIVED' | 'APPLIED' | 'FAILED' | 'IGNORED';
  attempts: number;
  lastError: string | null;
  receivedAt: Date;
  appliedAt: Date | null;
};

const stripeEventSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    objectId: { type: String, default: null },
    createdAtStripe: { type: Number, required: true },
    payload: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, required: true },
    lastError: { type: String, default: null },
    receivedAt: { type: Date, required: true },
    appliedAt: { type: Date, default: null },
  },
  { collection: 'stripe_events', versionKey: false },
);
stripeEventSchema.index({ status: 1 });

export const StripeEventModel = model<StripeEventRecord>('StripeEvent', stripeEventSchema);

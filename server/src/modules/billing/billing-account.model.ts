import { Schema, model, type Types } from 'mongoose';

/**
 * An organisation's side of Stripe: an SME pays as a Stripe customer with a saved payment method; a university or
 * institute is paid as a Stripe Connect account. One document per organisation, keyed by its id, written only by
 * the billing service and by `account.updated` webhooks.
 */
export type BillingAccountRecord = {
  _id: string;
  organizationId: Types.ObjectId;
  stripeCustomerId: string | null;
  defaultPaymentMethodId: string | null;
  /** What the licensee sees of the method (brand and last four digits, when Stripe tells). */
  paymentMethodLabel: string | null;
  /** Set when a hard decline or a failed authentication means the saved method will not work again. */
  paymentMethodProblem: string | null;
  stripeAccountId: string | null;
  detailsSubmitted: boolean;
  chargesEnabled: boolean;
  payoutsEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** An account that knows nothing of Stripe yet: no customer, no card, no Connect account. */
export const WITHOUT_STRIPE = {
  stripeCustomerId: null,
  defaultPaymentMethodId: null,
  paymentMethodLabel: null,
  paymentMethodProblem: null,
  stripeAccountId: null,
  detailsSubmitted: false,
  chargesEnabled: false,
  payoutsEnabled: false,
} as const satisfies Partial<BillingAccountRecord>;

const billingAccountSchema = new Schema(
  {
    _id: { type: String, required: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    stripeCustomerId: { type: String, default: null },
    defaultPaymentMethodId: { type: String, default: null },
    paymentMethodLabel: { type: String, default: null },
    paymentMethodProblem: { type: String, default: null },
    stripeAccountId: { type: String, default: null },
    detailsSubmitted: { type: Boolean, default: false },
    chargesEnabled: { type: Boolean, default: false },
    payoutsEnabled: { type: Boolean, default: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'billing_accounts', versionKey: false },
);

export const BillingAccountModel = model<BillingAccountRecord>('BillingAccount', billingAccountSchema);

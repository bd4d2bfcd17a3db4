import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import { ATTEMPT_STATUSES, type AttemptStatus } from './payment-attempt.model';

export const PaymentAttemptStatusEnum = enumObject(ATTEMPT_STATUSES);
registerEnumType(PaymentAttemptStatusEnum, {
  name: 'PaymentAttemptStatus',
  description: 'What became of one try at collecting an obligation.',
  valuesConfig: {
    STARTED: { description: 'Recorded; Stripe’s answer has not arrived yet.' },
    UNKNOWN: {
      description: 'The answer was lost (timeout, outage); the next billing run asks Stripe again.',
    },
    PROCESSING: { description: 'Accepted by Stripe; the money is on its way.' },
    REQUIRES_ACTION: { description: 'The licensee must authenticate the payment with their bank.' },
    SUCCEEDED: { description: 'Paid.' },
    DECLINED: { description: 'The payment method was declined.' },
    CANCELED: { description: 'The payment was cancelled.' },
    REJECTED: { description: 'Stripe refused the request itself; an operator looks into it.' },
  },
});

@ObjectType({ description: 'One try at collecting an obligation through Stripe.' })
export class PaymentAttempt {
  @Field(() => ID, { description: 'The attempt id: the obligation id and the attempt number.' })
  id!: string;
  @Field(() => Int, { description: '1 for the first try on the obligation, then 2, 3…' })
  attemptNumber!: number;
  @Field(() => String, { description: 'BILLING_RUN or PAY_NOW.' })
  origin!: string;
  @Field(() => PaymentAttemptStatusEnum, { description: 'What became of it.' })
  status!: AttemptStatus;
  @Field(() => GraphQLSafeInt, { description: 'The amount charged, in minor units.' })
  amountMinor!: number;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, { description: 'The platform’s fee within the amount, in minor units.' })
  platformFeeMinor!: number;
  @Field(() => String, { nullable: true, description: 'SOFT (retried) or HARD (needs another method).' })
  declineKind!: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s decline code, e.g. insufficient_funds.' })
  declineCode!: string | null;
  @Field(() => String, { nullable: true, description: 'Why it failed, in words.' })
  failureMessage!: string | null;
  @Field(() => String, { nullable: true, description: 'Stripe’s PaymentIntent id.' })
  paymentIntentId!: string | null;
  @Field(() => String, { description: 'The day it was made, YYYY-MM-DD.' })
  attemptedOn!: string;
  @Field(() => String, { nullable: true, description: 'When the billing run tries again, YYYY-MM-DD.' })
  nextRetryOn!: string | null;
}

@ObjectType({ description: 'An organisation’s side of Stripe: how it pays, or how it is paid.' })
export class BillingAccount {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId!: string;
  @Field(() => Boolean, { description: 'Whether a payment method is saved for off-session charges.' })
  hasPaymentMethod!: boolean;
  @Field(() => String, { nullable: true, description: 'The saved method, e.g. “visa •••• 4242”.' })
  paymentMethodLabel!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Why the saved method will not be charged again (a hard decline); save another one.',
  })
  paymentMethodProblem!: string | null;
  @Field(() => Boolean, { description: 'Whether a Stripe Connect account exists for payouts.' })
  hasPayoutAccount!: boolean;
  @Field(() => Boolean, { description: 'Whether the licensor submitted its details to Stripe.' })
  detailsSubmitted!: boolean;
  @Field(() => Boolean, { description: 'Whether payments for the licensor can be taken.' })
  chargesEnabled!: boolean;
  @Field(() => Boolean, { description: 'Whether Stripe pays out to the licensor’s bank.' })
  payoutsEnabled!: boolean;
}

@ObjectType({ description: 'What the web client needs to save a card with Stripe Elements.' })
export class PaymentMethodSetup {
  @Field(() => String, { description: 'The SetupIntent id, to pass back to savePaymentMethod.' })
  setupIntentId!: string;
  @Field(() => String, { description: 'The SetupIntent’s client secret, for Stripe Elements.' })
  clientSecret!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Stripe’s publishable key; null when Elements is not configured (use saveTestPaymentMethod).',
  })
  publishableKey!: string | null;
}

@ObjectType({ description: 'Where to send a licensor to onboard with Stripe Connect.' })
export class PayoutOnboardingLink {
  @Field(() => String, { description: 'Stripe’s onboarding page.' })
  url!: string;
  @Field(() => BillingAccount, { description: 'The licensor’s billing account.' })
  account!: BillingAccount;
}

@ObjectType({ description: 'How many obligations a billing run left waiting, and why.' })
export class WaitingCount {
  @Field(() => String, {
    description: 'Why, e.g. NO_PAYMENT_METHOD, RETRY_SCHEDULED, LICENSOR_NOT_ONBOARDED.',
  })
  reason!: string;
  @Field(() => Int, { description: 'How many.' })
  count!: number;
}

@ObjectType({ description: 'What one billing run did.' })
export class BillingRun {
  @Field(() => String, { description: 'The date billed as of.' })
  asOf!: string;
  @Field(() => Int, { description: 'Unresolved attempts whose outcome was recovered from Stripe.' })
  recovered!: number;
  @Field(() => Int, { description: 'Obligations due that were considered.' })
  considered!: number;
  @Field(() => Int, { description: 'Payment attempts made.' })
  attempted!: number;
  @Field(() => Int, { description: 'Attempts that succeeded.' })
  succeeded!: number;
  @Field(() => Int, { description: 'Attempts still processing.' })
  processing!: number;
  @Field(() => Int, { description: 'Attempts that need the licensee to authenticate.' })
  requiresAction!: number;
  @Field(() => Int, { description: 'Attempts declined.' })
  declined!: number;
  @Field(() => Int, { description: 'Attempts whose outcome is unknown until the next run.' })
  unknown!: number;
  @Field(() => [WaitingCount], { description: 'Obligations not tried, by reason.' })
  waiting!: WaitingCount[];
  @Field(() => Int, { description: 'Requests sent to Stripe.' })
  requestsSent!: number;
}

@ObjectType({ description: 'A Stripe event as received, and whether applying it worked.' })
export class StripeEventLog {
  @Field(() => ID, { description: 'Stripe’s event id.' })
  id!: string;
  @Field(() => String, { description: 'The event type, e.g. payment_intent.succeeded.' })
  type!: string;
  @Field(() => String, { description: 'RECEIVED, APPLIED, FAILED or IGNORED (not about anything of ours).' })
  status!: string;
  @Field(() => Int, { description: 'How many times applying it was tried.' })
  attempts!: number;
  @Field(() => String, { nullable: true, description: 'Why the last try failed.' })
  lastError!: string | null;
  @Field(() => Date, { description: 'When it first arrived.' })
  receivedAt!: Date;
}

export const StripeEventLogConnection = connectionOf(StripeEventLog, 'StripeEventLog', 'Stripe event');

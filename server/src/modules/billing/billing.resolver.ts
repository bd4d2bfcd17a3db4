import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Types } from 'mongoose';
import { Access } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { Obligation } from '../contracts/contract.types';
import type { BillingAccountRecord } from './billing-account.model';
import {
  BillingAccount,
  BillingRun,
  PaymentAttempt,
  PaymentMethodSetup,
  PayoutOnboardingLink,
  StripeEventLog,
  StripeEventLogConnection,
} from './billing.types';
import type { PaymentAttemptRecord } from './payment-attempt.model';
import { toStripeEventLog } from './stripe-event.mapper';

const toAccount = (a: BillingAccountRecord): BillingAccount => ({
  organizationId: a._id,
  hasPaymentMethod: Boolean(a.defaultPaymentMethodId),
  paymentMethodLabel: a.paymentMethodLabel,
  paymentMethodProblem: a.paymentMethodProblem,
  hasPayoutAccount: Boolean(a.stripeAccountId),
  detailsSubmitted: a.detailsSubmitted,
  chargesEnabled: a.chargesEnabled,
  payoutsEnabled: a.payoutsEnabled,
});

const toAttempt = (a: PaymentAttemptRecord): PaymentAttempt => ({
  id: a._id,
  attemptNumber: a.attemptNumber,
  origin: a.origin,
  status: a.status,
  amountMinor: a.amountMinor,
  currency: a.currency,
  platformFeeMinor: a.platformFeeMinor,
  declineKind: a.declineKind,
  declineCode: a.declineCode,
  failureMessage: a.failureMessage,
  paymentIntentId: a.paymentIntentId,
  attemptedOn: a.attemptedOn,
  nextRetryOn: a.nextRetryOn,
});

@Resolver(() => Obligation)
export class BillingResolver {
  @Authorized('SME_MEMBER', 'TTO_MANAGER', 'FINANCE', 'ADMIN')
  @Query(() => BillingAccount, {
    description: 'How an organisation pays (SME) or is paid (university, institute).',
  })
  async billingAccount(
    @Arg('organizationId', () => ID, { description: 'The organisation.' }) organizationId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingAccount> {
    return toAccount(await ctx.services.stripeAccounts.get(ctx.request, organizationId));
  }

  @Authorized('SME_MEMBER', 'FINANCE')
  @Mutation(() => PaymentMethodSetup, {
    description: 'Starts saving a card for off-session payments (Stripe Elements).',
  })
  async setUpPaymentMethod(
    @Arg('organizationId', () => ID, { description: 'The paying SME.' }) organizationId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentMethodSetup> {
    return ctx.services.stripeAccounts.setUpPaymentMethod(ctx.request, organizationId);
  }

  @Authorized('SME_MEMBER', 'FINANCE')
  @Mutation(() => BillingAccount, {
    description: 'Keeps the card a confirmed SetupIntent saved as the one charged.',
  })
  async savePaymentMethod(
    @Arg('organizationId', () => ID, { description: 'The paying SME.' }) organizationId: string,
    @Arg('setupIntentId', () => String, { description: 'The SetupIntent confirmed by Stripe Elements.' })
    setupIntentId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingAccount> {
    return toAccount(
      await ctx.services.stripeAccounts.savePaymentMethod(ctx.request, organizationId, setupIntentId),
    );
  }

  @Authorized('SME_MEMBER', 'FINANCE')
  @Mutation(() => BillingAccount, {
    description:
      'Test mode only: saves one of Stripe’s test payment methods (pm_card_visa…) without Elements.',
  })
  async saveTestPaymentMethod(
    @Arg('organizationId', () => ID, { description: 'The paying SME.' }) organizationId: string,
    @Arg('paymentMethodId', () => String, { description: 'A Stripe test payment method, e.g. pm_card_visa.' })
    paymentMethodId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingAccount> {
    return toAccount(
      await ctx.services.stripeAccounts.saveTestPaymentMethod(ctx.request, organizationId, paymentMethodId),
    );
  }

  @Authorized('TTO_MANAGER', 'FINANCE', 'ADMIN')
  @Mutation(() => PayoutOnboardingLink, {
    description: 'Creates the licensor’s Stripe Connect account, once, and links to onboarding.',
  })
  async startPayoutOnboarding(
    @Arg('organizationId', () => ID, { description: 'The university or institute.' }) organizationId: string,
    @Arg('returnUrl', () => String, { description: 'Where Stripe sends the user back.' }) returnUrl: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PayoutOnboardingLink> {
    const { url, account } = await ctx.services.stripeAccounts.startPayoutOnboarding(
      ctx.request,
      organizationId,
      returnUrl,
    );
    return { url, account: toAccount(account) };
  }

  @Authorized('TTO_MANAGER', 'FINANCE', 'ADMIN')
  @Mutation(() => BillingAccount, { description: 'Asks Stripe where the licensor’s onboarding stands.' })
  async refreshPayoutAccount(
    @Arg('organizationId', () => ID, { description: 'The university or institute.' }) organizationId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingAccount> {
    return toAccount(await ctx.services.stripeAccounts.refreshPayoutAccount(ctx.request, organizationId));
  }

  @Authorized('SME_MEMBER', 'FINANCE')
  @Mutation(() => PaymentAttempt, {
    description: 'Pays a due or overdue obligation now with the saved method.',
  })
  async payObligationNow(
    @Arg('obligationId', () => ID, { description: 'The obligation.' }) obligationId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentAttempt> {
    return toAttempt(await ctx.services.collection.payNow(ctx.request, obligationId));
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Mutation(() => BillingRun, { description: 'Collects every obligation due by a date (the billing run).' })
  async runBilling(
    @Arg('asOf', () => String, { description: 'Bill as of this date, YYYY-MM-DD.' }) asOf: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BillingRun> {
    const summary = await ctx.services.collection.runBilling(ctx.request, asOf);
    return {
      ...summary,
      waiting: Object.entries(summary.waiting).map(([reason, count]) => ({ reason, count })),
    };
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => StripeEventLogConnection, {
    description:
      'Stripe events received, newest first, e.g. those whose handling failed (the platform’s finance staff).',
  })
  async stripeEvents(
    @Arg('status', () => String, { nullable: true, description: 'RECEIVED, APPLIED, FAILED or IGNORED.' })
    status: string | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, {
      nullable: true,
      description: 'Cursor of the last item seen, from a page with the same status.',
    })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    // An omitted argument arrives as undefined, not null: without `?? null` every unfiltered list was refused.
    const page = await ctx.services.stripeWebhooks.page(ctx.request, {
      status: status ?? null,
      first: first ?? null,
      after: after ?? null,
    });
    return { ...page, edges: page.edges.map((e) => ({ cursor: e.cursor, node: toStripeEventLog(e.node) })) };
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Mutation(() => StripeEventLog, {
    description:
      'Applies a FAILED Stripe event again now (the platform’s finance staff), instead of waiting for the billing run’s retry.',
  })
  async reapplyStripeEvent(
    @Arg('id', () => ID, { description: 'Stripe’s event id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<StripeEventLog> {
    return toStripeEventLog(await ctx.services.stripeWebhooks.reapply(ctx.request, id));
  }

  @FieldResolver(() => [PaymentAttempt], { description: 'The tries at collecting it, oldest first.' })
  async paymentAttempts(
    @Root() obligation: Obligation,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PaymentAttempt[]> {
    return (await ctx.services.collection.attemptsFor(new Types.ObjectId(obligation.id))).map(toAttempt);
  }
}

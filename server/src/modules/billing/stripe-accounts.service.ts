import { Types } from 'mongoose';
import type Stripe from 'stripe';
import { AppError } from '../../common/errors';
import { requireRoleIn, type RequestContext } from '../../common/request-context';
import type { Config } from '../../config/config';
import type { OrganizationService } from '../identity/organization.service';
import { BillingAccountModel, WITHOUT_STRIPE, type BillingAccountRecord } from './billing-account.model';

/** Stripe's test payment methods that stand in for a card where no publishable key (no Stripe Elements) exists. */
export const TEST_PAYMENT_METHODS = [
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_chargeDeclined',
  'pm_card_chargeDeclinedInsufficientFunds',
  'pm_card_chargeDeclinedLostCard',
  'pm_card_chargeDeclinedStolenCard',
  'pm_card_chargeDeclinedFraudulent',
  'pm_card_authenticationRequired',
] as const;

/**
 * The organisations' Stripe identities: each SME is a customer with a saved payment method; each university or
 * institute a Connect account that receives its licensees' payments less the platform fee. Stripe objects are
 * created with idempotency keys derived from the organisation's id, so two clicks make one customer.
 */
export class StripeAccountsService {
  constructor(
    private readonly config: Config,
    private readonly stripe: Stripe,
    private readonly organizations: OrganizationService,
  ) {}

  async get(ctx: RequestContext, organizationId: string): Promise<BillingAccountRecord> {
    requireRoleIn(ctx, organizationId, 'SME_MEMBER', 'TTO_MANAGER', 'FINANCE', 'ADMIN');
    return (await this.find(organizationId)) ?? this.blank(organizationId, ctx.clock.now());
  }

  async find(organizationId: string): Promise<BillingAccountRecord | null> {
    return BillingAccountModel.findById(organizationId).lean<BillingAccountRecord>();
  }

  async findByStripeAccount(stripeAccountId: string): Promise<BillingAccountRecord | null> {
    return BillingAccountModel.findOne({ stripeAccountId }).lean<BillingAccountRecord>();
  }

  /** Starts saving a payment method: the client confirms the SetupIntent with Stripe Elements. */
  async setUpPaymentMethod(
    ctx: RequestContext,
    organizationId: string,
  ): Promise<{ setupIntentId: string; clientSecret: string; publishableKey: string | null }> {
    requireRoleIn(ctx, organizationId, 'SME_MEMBER', 'FINANCE');
    const customer = await this.ensureCustomer(organizationId, ctx.clock.now());
    const intent = await this.stripe.setupIntents.create({
      customer,
      usage: 'off_session',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      metadata: { organizationId },
    });
    return {
      setupIntentId: intent.id,
      clientSecret: intent.client_secret ?? '',
      publishableKey: this.config.stripe.publishableKey,
    };
  }

  /** After the client confirmed the SetupIntent: its payment method becomes the one the billing run charges. */
  async savePaymentMethod(
    ctx: RequestContext,
    organizationId: string,
    setupIntentId: string,
  ): Promise<BillingAccountRecord> {
    requireRoleIn(ctx, organizationId, 'SME_MEMBER', 'FINANCE');
    const account = await this.find(organizationId);
    if (!account?.stripeCustomerId) throw new AppError('CONFLICT', 'Start by setting up a payment method.');
    if (!/^seti_\w+$/.test(setupIntentId))
      throw AppError.badInput('setupIntentId', 'This is not a SetupIntent id.');
    const intent = await this.stripe.setupIntents.retrieve(setupIntentId);
    if (
      intent.customer !== account.stripeCustomerId ||
      intent.status !== 'succeeded' ||
      !intent.payment_method
    )
      throw AppError.badInput('setupIntentId', 'The card was not saved: confirm it with Stripe first.');
    const paymentMethod =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method.id;
    return this.useMethod(organizationId, paymentMethod, ctx.clock.now());
  }

  /**
   * Without Stripe Elements (no publishable key: the embedded default and tests), one of Stripe's test payment
   * methods is confirmed server-side instead. Refused with a live key: a real card never passes through our server.
   */
  async saveTestPaymentMethod(
    ctx: RequestContext,
    organizationId: string,
    paymentMethodId: string,
  ): Promise<BillingAccountRecord> {
    requireRoleIn(ctx, organizationId, 'SME_MEMBER', 'FINANCE');
    if (
      this.config.stripeSecretKey?.startsWith('sk_live_') ||
      this.config.stripeSecretKey?.startsWith('rk_live_')
    )
      throw AppError.forbidden(
        'Test payment methods are refused in live mode: save a card with Stripe Elements.',
      );
    if (!(TEST_PAYMENT_METHODS as readonly string[]).includes(paymentMethodId))
      throw AppError.badInput('paymentMethodId', 'Use one of Stripe’s test methods: {{methods}}.', {
        methods: TEST_PAYMENT_METHODS.join(', '),
      });
    const now = ctx.clock.now();
    const customer = await this.ensureCustomer(organizationId, now);
    const intent = await this.stripe.setupIntents.create({
      customer,
      usage: 'off_session',
      automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
      payment_method: paymentMethodId,
      confirm: true,
      metadata: { organizationId },
    });
    const saved =
      typeof intent.payment_method === 'string' ? intent.payment_method : intent.payment_method?.id;
    return this.useMethod(organizationId, saved ?? paymentMethodId, now);
  }

  /** A hard decline or a failed authentication: the licensee is asked for another method. */
  async flagPaymentMethod(
    organizationId: string,
    paymentMethodId: string,
    problem: string,
    at: Date,
  ): Promise<void> {
    await BillingAccountModel.updateOne(
      { _id: organizationId, defaultPaymentMethodId: paymentMethodId },
      { $set: { paymentMethodProblem: problem, updatedAt: at } },
    );
  }

  /** Creates (once) the licensor's Connect account and returns a link to Stripe's onboarding. */
  async startPayoutOnboarding(
    ctx: RequestContext,
    organizationId: string,
    returnUrl: string,
  ): Promise<{ url: string; account: BillingAccountRecord }> {
    requireRoleIn(ctx, organizationId, 'TTO_MANAGER', 'FINANCE', 'ADMIN');
    if (!/^https?:\/\/[^\s]+$/.test(returnUrl) || returnUrl.length > 2000)
      throw AppError.badInput('returnUrl', 'Give the address Stripe should send the user back to.');
    const organization = await this.organizations.getOrThrow(organizationId);
    if (organization.kind !== 'UNIVERSITY' && organization.kind !== 'RESEARCH_INSTITUTE')
      throw AppError.badInput(
        'organizationId',
        'Only universities and research institutes receive licence payments.',
      );
    const now = ctx.clock.now();
    let account = await this.ensureAccountDocument(organizationId, now);
    if (!account.stripeAccountId) {
      const created = await this.stripe.accounts.create(
        {
          type: 'express',
          email: organization.ttoProfile?.contactEmail ?? undefined,
          business_profile: { name: organization.name, url: organization.website ?? undefined },
          capabilities: { transfers: { requested: true } },
          metadata: { organizationId },
        },
        { idempotencyKey: `usefirst-connect-account-${organizationId}` },
      );
      account = await this.updateAccount(
        organizationId,
        { stripeAccountId: created.id, ...flagsOf(created) },
        now,
      );
    }
    const link = await this.stripe.accountLinks.create({
      account: account.stripeAccountId!,
      type: 'account_onboarding',
      refresh_url: returnUrl,
      return_url: returnUrl,
    });
    return { url: link.url, account };
  }

  /** Asks Stripe where the licensor's onboarding stands (also kept current by `account.updated` webhooks). */
  async refreshPayoutAccount(ctx: RequestContext, organizationId: string): Promise<BillingAccountRecord> {
    requireRoleIn(ctx, organizationId, 'TTO_MANAGER', 'FINANCE', 'ADMIN');
    const account = await this.find(organizationId);
    if (!account?.stripeAccountId) throw new AppError('CONFLICT', 'Start the payout onboarding first.');
    const stripeAccount = await this.stripe.accounts.retrieve(account.stripeAccountId);
    return this.updateAccount(organizationId, flagsOf(stripeAccount), ctx.clock.now());
  }

  /** From an `account.updated` event. */
  async applyAccountUpdate(stripeAccount: Stripe.Account, at: Date): Promise<boolean> {
    const account = await this.findByStripeAccount(stripeAccount.id);
    if (!account) return false;
    await this.updateAccount(account._id, flagsOf(stripeAccount), at);
    return true;
  }

  private async useMethod(
    organizationId: string,
    paymentMethodId: string,
    at: Date,
  ): Promise<BillingAccountRecord> {
    const method = await this.stripe.paymentMethods.retrieve(paymentMethodId).catch(() => null);
    const label = method?.card ? `${method.card.brand} •••• ${method.card.last4}` : paymentMethodId;
    return this.updateAccount(
      organizationId,
      { defaultPaymentMethodId: paymentMethodId, paymentMethodLabel: label, paymentMethodProblem: null },
      at,
    );
  }

  private async ensureCustomer(organizationId: string, at: Date): Promise<string> {
    const account = await this.ensureAccountDocument(organizationId, at);
    if (account.stripeCustomerId) return account.stripeCustomerId;
    const organization = await this.organizations.getOrThrow(organizationId);
    if (organization.kind !== 'SME') throw AppError.badInput('organizationId', 'Only SMEs pay for licences.');
    const customer = await this.stripe.customers.create(
      { name: organization.name, metadata: { organizationId } },
      { idempotencyKey: `usefirst-customer-${organizationId}` },
    );
    await this.updateAccount(organizationId, { stripeCustomerId: customer.id }, at);
    return customer.id;
  }

  private async ensureAccountDocument(organizationId: string, at: Date): Promise<BillingAccountRecord> {
    const existing = await this.find(organizationId);
    if (existing) return existing;
    await BillingAccountModel.create(this.blank(organizationId, at)).catch((error: { code?: number }) => {
      if (error.code !== 11000) throw error;
    });
    return (await this.find(organizationId))!;
  }

  private async updateAccount(
    organizationId: string,
    fields: Partial<BillingAccountRecord>,
    at: Date,
  ): Promise<BillingAccountRecord> {
    await this.ensureAccountDocument(organizationId, at);
    await BillingAccountModel.updateOne({ _id: organizationId }, { $set: { ...fields, updatedAt: at } });
    return (await this.find(organizationId))!;
  }

  private blank(organizationId: string, at: Date): BillingAccountRecord {
    return {
      _id: organizationId,
      organizationId: new Types.ObjectId(organizationId),
      ...WITHOUT_STRIPE,
      createdAt: at,
      updatedAt: at,
    };
  }
}

const flagsOf = (account: Stripe.Account) => ({
  detailsSubmitted: Boolean(account.details_submitted),
  chargesEnabled: Boolean(account.charges_enabled),
  payoutsEnabled: Boolean(account.payouts_enabled),
});

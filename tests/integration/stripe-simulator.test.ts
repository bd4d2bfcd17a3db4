import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';
import {
  mulberry32,
  startStripeSimulator,
  type StripeSimulator,
} from '../../server/src/integrations/stripe-simulator';

const WEBHOOK_SECRET = 'whsec_simulatortest';
const START = 1_767_225_600; // 2026-01-01T00:00:00Z
const DAY = 86_400;

let now = START;
let simulator: StripeSimulator;
let stripe: Stripe;

beforeAll(async () => {
  const stripeMockUrl = process.env.USEFIRST_TEST_STRIPE_API_URL;
  if (!stripeMockUrl) throw new Error('USEFIRST_TEST_STRIPE_API_URL is set by the jest global setup');
  simulator = await startStripeSimulator({
    stripeMockUrl,
    webhookSecret: WEBHOOK_SECRET,
    seed: 42,
    now: () => now,
  });
  stripe = new Stripe('sk_test_simulator', {
    host: simulator.host,
    port: simulator.port,
    protocol: 'http',
    maxNetworkRetries: 0,
  });
});

beforeEach(() => {
  simulator.reset();
  now = START;
});

afterAll(async () => {
  await simulator.stop();
});

async function onboardedAccount(): Promise<string> {
  const account = await stripe.accounts.create({
    type: 'express',
    capabilities: { transfers: { requested: true } },
  });
  simulator.completeOnboarding(account.id);
  return account.id;
}

/** A customer with a card saved for off-session payments, as billing sets it up. */
async function customerWithCard(
  testPaymentMethod: string,
): Promise<{ customer: string; paymentMethod: string }> {
  const customer = await stripe.customers.create({
    email: 'finance@sme.example',
    metadata: { organizationId: 'o1' },
  });
  const setupIntent = await stripe.setupIntents.create({
    customer: customer.id,
    payment_method: testPaymentMethod,
    confirm: true,
    usage: 'off_session',
  });
  expect(setupIntent.status).toBe('succeeded');
  return { customer: customer.id, paymentMethod: String(setupIntent.payment_method) };
}

async function destinationCharge(
  amount: number,
  applicationFeeAmount: number,
  options: {
    testPaymentMethod?: string;
    obligationId?: string;
    idempotencyKey?: string;
    currency?: string;
  } = {},
): Promise<Stripe.Response<Stripe.PaymentIntent>> {
  const { customer, paymentMethod } = await customerWithCard(options.testPaymentMethod ?? 'pm_card_visa');
  const destination = await onboardedAccount();
  return stripe.paymentIntents.create(
    {
      amount,
      currency: options.currency ?? 'usd',
      customer,
      payment_method: paymentMethod,
      confirm: true,
      off_session: true,
      transfer_data: { destination },
      application_fee_amount: applicationFeeAmount,
      metadata: { obligationId: options.obligationId ?? 'obl_1' },
    },
    options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {},
  );
}

async function rejection(promise: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) return error;
    throw error;
  }
  throw new Error('expected the Stripe call to fail');
}

function expanded<T>(value: string | T | null): T {
  if (value === null || typeof value === 'string') throw new Error(`not expanded: ${String(value)}`);
  return value;
}

describe('destination charges', () => {
  it('moves the money through charge, transfer and application fee, with Stripe fee 2.9% + 30', async () => {
    // Given a saved Visa and an onboarded connected account
    // When USD 100.00 is charged off session with a USD 15.00 application fee
    const intent = await destinationCharge(10_000, 1_500, { obligationId: 'obl_7' });

    // Then the PaymentIntent succeeded and its charge links everything
    expect(intent).toMatchObject({ object: 'payment_intent', status: 'succeeded', amount_received: 10_000 });
    expect(intent.id).toMatch(/^pi_/);
    const charge = await stripe.charges.retrieve(String(intent.latest_charge), {
      expand: ['balance_transaction'],
    });
    expect(charge).toMatchObject({
      status: 'succeeded',
      amount: 10_000,
      payment_intent: intent.id,
      metadata: { obligationId: 'obl_7' },
      livemode: false,
      created: START,
    });
    expect(charge.id).toMatch(/^ch_/);
    // 2.9% of 10,000 = 290, plus 30
    expect(expanded(charge.balance_transaction)).toMatchObject({
      type: 'charge',
      amount: 10_000,
      fee: 320,
      net: 9_680,
      source: charge.id,
      status: 'available',
    });
    const transfer = await stripe.transfers.retrieve(String(charge.transfer), {
      expand: ['balance_transaction'],
    });
    expect(transfer).toMatchObject({ amount: 8_500, destination: intent.transfer_data?.destination });
    expect(expanded(transfer.balance_transaction)).toMatchObject({
      type: 'transfer',
      amount: -8_500,
      net: -8_500,
    });
    const fee = await stripe.applicationFees.retrieve(String(charge.application_fee));
    expect(fee).toMatchObject({
      amount: 1_500,
      charge: charge.id,
      account: intent.transfer_data?.destination,
    });

    // And the platform keeps the application fee less Stripe's fee: 1,500 − 320
    expect(simulator.balance()).toEqual({ available: { usd: 1_180 }, pending: { usd: 0 } });
    expect(simulator.succeededChargeCountsByObligation()).toEqual({ obl_7: 1 });
    expect(simulator.allEvents().map((event) => event.type)).toEqual([
      'customer.created',
      'setup_intent.created',
      'payment_method.attached',
      'setup_intent.succeeded',
      'account.updated',
      'payment_intent.created',
      'charge.succeeded',
      'payment_intent.succeeded',
      'transfer.created',
      'application_fee.created',
    ]);
  });

  it('expands latest_charge.balance_transaction on the PaymentIntent', async () => {
    const intent = await destinationCharge(2_000, 200);
    const retrieved = await stripe.paymentIntents.retrieve(intent.id, {
      expand: ['latest_charge.balance_transaction'],
    });
    const charge = expanded(retrieved.latest_charge);
    expect(expanded(charge.balance_transaction)).toMatchObject({ amount: 2_000, fee: 88, net: 1_912 });
  });

  it('rounds the percentage half-up and adds no fixed fee in zero-decimal currencies', async () => {
    // 2.9% of 1,050 = 30.45 → 30; of 1,550 = 44.95 → 45; JPY 10,000 → 290 and 0.30 yen rounds to 0
    const cases: [number, string, number][] = [
      [1_050, 'usd', 60],
      [1_550, 'usd', 75],
      [10_000, 'jpy', 290],
    ];
    for (const [amount, currency, fee] of cases) {
      const intent = await destinationCharge(amount, 0, { currency });
      const charge = await stripe.charges.retrieve(String(intent.latest_charge), {
        expand: ['balance_transaction'],
      });
      expect(expanded(charge.balance_transaction)).toMatchObject({
        amount,
        fee,
        net: amount - fee,
        currency,
      });
    }
  });

  it('refuses a destination that has not finished onboarding', async () => {
    const { customer, paymentMethod } = await customerWithCard('pm_card_visa');
    const account = await stripe.accounts.create({ type: 'express' });
    expect(account).toMatchObject({
      charges_enabled: false,
      payouts_enabled: false,
      details_submitted: false,
    });

    const error = await rejection(
      stripe.paymentIntents.create({
        amount: 1_000,
        currency: 'usd',
        customer,
        payment_method: paymentMethod,
        confirm: true,
        off_session: true,
        transfer_data: { destination: account.id },
      }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.code).toBe('insufficient_capabilities_for_transfer');
    expect(simulator.paymentIntents()).toEqual([]);
  });

  it('onboards an account through its account link, then emits account.updated', async () => {
    const account = await stripe.accounts.create({ type: 'express' });
    const link = await stripe.accountLinks.create({
      account: account.id,
      type: 'account_onboarding',
      refresh_url: 'http://127.0.0.1:9/refresh',
      return_url: 'http://127.0.0.1:9/return',
    });
    expect(link).toMatchObject({ object: 'account_link', expires_at: START + 300 });

    const response = await fetch(link.url, { redirect: 'manual' });

    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('http://127.0.0.1:9/return');
    expect(await stripe.accounts.retrieve(account.id)).toMatchObject({
      details_submitted: true,
      charges_enabled: true,
      payouts_enabled: true,
      capabilities: { transfers: 'active' },
    });
    const [updated] = simulator.allEvents();
    expect(updated).toMatchObject({
      type: 'account.updated',
      account: account.id,
      data: { previous_attributes: { charges_enabled: false } },
    });
  });
});

describe('declines and payments that wait', () => {
  const declines: [string, string][] = [
    ['pm_card_chargeDeclined', 'generic_decline'],
    ['pm_card_chargeDeclinedInsufficientFunds', 'insufficient_funds'],
    ['pm_card_chargeDeclinedLostCard', 'lost_card'],
    ['pm_card_chargeDeclinedStolenCard', 'stolen_card'],
    ['pm_card_chargeDeclinedFraudulent', 'fraudulent'],
  ];

  it.each(declines)(
    '%s is declined with card_declined / %s and moves no money',
    async (method, declineCode) => {
      const error = await rejection(destinationCharge(5_000, 500, { testPaymentMethod: method }));

      expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
      expect(error.statusCode).toBe(402);
      expect(error.code).toBe('card_declined');
      expect(error.decline_code).toBe(declineCode);
      expect(error.payment_intent).toMatchObject({ status: 'requires_payment_method' });
      expect(error.payment_intent?.last_payment_error).toMatchObject({
        code: 'card_declined',
        decline_code: declineCode,
      });
      const [charge] = simulator.charges();
      expect(charge).toMatchObject({
        status: 'failed',
        failure_code: 'card_declined',
        balance_transaction: null,
      });
      expect(error.charge).toBe(charge.id);
      expect(simulator.balanceTransactions()).toEqual([]);
      expect(
        simulator
          .allEvents()
          .slice(-2)
          .map((event) => event.type),
      ).toEqual(['charge.failed', 'payment_intent.payment_failed']);
    },
  );

  it('needs authentication: requires_action on session, authentication_required off session', async () => {
    const { customer, paymentMethod } = await customerWithCard('pm_card_authenticationRequired');

    const onSession = await stripe.paymentIntents.create({
      amount: 3_000,
      currency: 'usd',
      customer,
      payment_method: paymentMethod,
      confirm: true,
    });
    expect(onSession).toMatchObject({ status: 'requires_action', next_action: { type: 'use_stripe_sdk' } });
    expect(simulator.settlePaymentIntent(onSession.id, 'succeeded')).toMatchObject({ status: 'succeeded' });

    // Stripe's answer when no customer is there to authenticate: a 402, and the PaymentIntent wants a new method.
    const error = await rejection(
      stripe.paymentIntents.create({
        amount: 3_000,
        currency: 'usd',
        customer,
        payment_method: paymentMethod,
        confirm: true,
        off_session: true,
      }),
    );
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError);
    expect(error.code).toBe('authentication_required');
    expect(error.payment_intent).toMatchObject({ status: 'requires_payment_method' });
  });

  it('keeps a bank debit processing until the test settles it', async () => {
    const succeeding = await destinationCharge(10_000, 1_000, {
      testPaymentMethod: 'pm_usBankAccount_processing',
    });
    const failing = await destinationCharge(10_000, 1_000, {
      testPaymentMethod: 'pm_usBankAccount_processing',
    });
    expect([succeeding.status, failing.status]).toEqual(['processing', 'processing']);
    expect(simulator.balanceTransactions()).toEqual([]);

    expect(simulator.settlePaymentIntent(succeeding.id, 'succeeded')).toMatchObject({ status: 'succeeded' });
    expect(simulator.settlePaymentIntent(failing.id, 'failed')).toMatchObject({
      status: 'requires_payment_method',
      last_payment_error: { code: 'insufficient_funds' },
    });

    expect(simulator.balanceTransactions().map((t) => [t.type, t.amount, t.fee])).toEqual([
      ['charge', 10_000, 320],
      ['transfer', -9_000, 0],
    ]);
    const events = simulator.allEvents().filter((event) => event.type.startsWith('payment_intent.'));
    expect(events.map((event) => [event.data.object.id, event.type])).toEqual([
      [succeeding.id, 'payment_intent.created'],
      [succeeding.id, 'payment_intent.processing'],
      [failing.id, 'payment_intent.created'],
      [failing.id, 'payment_intent.processing'],
      [succeeding.id, 'payment_intent.succeeded'],
      [failing.id, 'payment_intent.payment_failed'],
    ]);
  });

  it('cancels an unconfirmed PaymentIntent and refuses to cancel a succeeded one', async () => {
    const open = await stripe.paymentIntents.create({ amount: 1_000, currency: 'usd' });
    expect(open.status).toBe('requires_payment_method');
    expect(await stripe.paymentIntents.cancel(open.id)).toMatchObject({
      status: 'canceled',
      canceled_at: START,
    });

    const paid = await destinationCharge(1_000, 100);
    const error = await rejection(stripe.paymentIntents.cancel(paid.id));
    expect(error.code).toBe('payment_intent_unexpected_state');
    expect((await stripe.paymentIntents.retrieve(paid.id)).status).toBe('succeeded');
  });
});

describe('idempotency keys', () => {
  it('replays the first answer for the same key and parameters', async () => {
    const first = await stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-1' });
    const again = await stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-1' });

    expect(again.id).toBe(first.id);
    expect(again.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(first.lastResponse.headers['idempotent-replayed']).toBeUndefined();
    expect(simulator.objects('customer')).toHaveLength(1);
  });

  it('refuses the same key with other parameters (400 idempotency_error)', async () => {
    await stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-2' });

    const error = await rejection(
      stripe.customers.create({ email: 'b@sme.example' }, { idempotencyKey: 'k-2' }),
    );

    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain('same parameters');
    expect(simulator.objects('customer')).toHaveLength(1);
  });

  it('refuses a key whose first request is still running (409)', async () => {
    simulator.injectFault({ kind: 'delay', method: 'POST', pathPrefix: '/v1/customers', delayMs: 300 });

    const slow = stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-3' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const error = await rejection(
      stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-3' }),
    );

    expect(error.statusCode).toBe(409);
    expect(error.rawType).toBe('idempotency_error');
    expect(error.message).toContain('currently another in-progress request');
    expect((await slow).email).toBe('a@sme.example');
    expect(simulator.objects('customer')).toHaveLength(1);
  });

  it('keeps keys apart per connected account', async () => {
    const platform = await stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-4' });
    const onAccount = await stripe.customers.create(
      { email: 'a@sme.example' },
      { idempotencyKey: 'k-4', stripeAccount: 'acct_1' },
    );
    expect(onAccount.id).not.toBe(platform.id);
  });
});

describe('stripe-mock shape check', () => {
  it('returns stripe-mock rejection unchanged and changes nothing', async () => {
    const invalid = { currency: 'usd' } as unknown as Stripe.PaymentIntentCreateParams;

    const error = await rejection(stripe.paymentIntents.create(invalid, { idempotencyKey: 'k-shape' }));

    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error.statusCode).toBe(400);
    expect(error.message).toContain("object property 'amount' is required");
    expect(simulator.paymentIntents()).toEqual([]);
    expect(simulator.allEvents()).toEqual([]);
    // A refused request keeps nothing under its key: the corrected request goes through with it.
    const corrected = await stripe.paymentIntents.create(
      { amount: 500, currency: 'usd' },
      { idempotencyKey: 'k-shape' },
    );
    expect(corrected.amount).toBe(500);
  });
});

describe('faults', () => {
  it('drops the answer after charging; a replay with the same key returns the same PaymentIntent', async () => {
    // stripe-node retries a reset connection once by itself, with the same key: drop both attempts.
    simulator.injectFault({
      kind: 'drop-after-work',
      method: 'POST',
      pathPrefix: '/v1/payment_intents',
      times: 2,
    });

    const error = await rejection(destinationCharge(10_000, 1_000, { idempotencyKey: 'charge-obl_1-1' }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeConnectionError);
    const [charged] = simulator.paymentIntents();
    expect(charged.status).toBe('succeeded');

    const { customer, payment_method } = charged;
    const replay = await stripe.paymentIntents.create(
      {
        amount: 10_000,
        currency: 'usd',
        customer: String(customer),
        payment_method: String(payment_method),
        confirm: true,
        off_session: true,
        transfer_data: { destination: String(charged.transfer_data?.destination) },
        application_fee_amount: 1_000,
        metadata: { obligationId: 'obl_1' },
      },
      { idempotencyKey: 'charge-obl_1-1' },
    );

    expect(replay.id).toBe(charged.id);
    expect(replay.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(simulator.succeededChargeCountsByObligation()).toEqual({ obl_1: 1 });
    expect(simulator.injectedFaults().map((fault) => fault.kind)).toEqual([
      'drop-after-work',
      'drop-after-work',
    ]);
  });

  it('hides a single dropped answer: stripe-node retries it once with its own key and gets the replay', async () => {
    simulator.injectFault({ kind: 'drop-after-work', method: 'POST', pathPrefix: '/v1/payment_intents' });

    const intent = await destinationCharge(10_000, 1_000);

    expect(intent.status).toBe('succeeded');
    expect(intent.lastResponse.headers['idempotent-replayed']).toBe('true');
    expect(simulator.succeededCharges()).toHaveLength(1);
  });

  it('answers 429 rate_limit without doing anything', async () => {
    simulator.injectFault({ kind: 'rate-limit', method: 'POST', pathPrefix: '/v1/customers' });

    const error = await rejection(stripe.customers.create({ email: 'a@sme.example' }));

    expect(error).toBeInstanceOf(Stripe.errors.StripeRateLimitError);
    expect(error.statusCode).toBe(429);
    expect(error.code).toBe('rate_limit');
    expect(simulator.objects('customer')).toEqual([]);
    expect((await stripe.customers.create({ email: 'a@sme.example' })).email).toBe('a@sme.example');
  });

  it('answers 500 before the work (nothing done) or after it (done, and kept under the key)', async () => {
    simulator.injectFault({ kind: 'error-500-before-work', pathPrefix: '/v1/customers' });
    const before = await rejection(
      stripe.customers.create({ email: 'a@sme.example' }, { idempotencyKey: 'k-500a' }),
    );
    expect(before).toBeInstanceOf(Stripe.errors.StripeAPIError);
    expect(before.statusCode).toBe(500);
    expect(simulator.objects('customer')).toEqual([]);

    simulator.injectFault({ kind: 'error-500-after-work', pathPrefix: '/v1/customers' });
    const after = await rejection(
      stripe.customers.create({ email: 'b@sme.example' }, { idempotencyKey: 'k-500b' }),
    );
    expect(after.statusCode).toBe(500);
    const [created] = simulator.objects('customer');
    expect(created.email).toBe('b@sme.example');

    const retried = await stripe.customers.create({ email: 'b@sme.example' }, { idempotencyKey: 'k-500b' });
    expect(retried.id).toBe(created.id);
    expect(simulator.objects('customer')).toHaveLength(1);
  });

  it('draws the same random faults and ids from the same seed', async () => {
    const run = async () => {
      simulator.reset();
      simulator.setRandomFaults({
        seed: 9,
        probabilities: { 'rate-limit': 0.3, 'error-500-before-work': 0.2 },
        pathPrefix: '/v1/customers',
      });
      const outcomes: string[] = [];
      for (let i = 0; i < 20; i += 1) {
        outcomes.push(
          await stripe.customers.create({ email: `c${i}@sme.example` }).then(
            (customer) => customer.id,
            (error: Stripe.errors.StripeError) => String(error.statusCode),
          ),
        );
      }
      return outcomes;
    };

    const first = await run();
    const second = await run();

    expect(second).toEqual(first);
    expect(first.filter((outcome) => outcome === '429').length).toBeGreaterThan(0);
    expect(first.filter((outcome) => outcome === '500').length).toBeGreaterThan(0);
    expect(first.filter((outcome) => outcome.startsWith('cus_')).length).toBeGreaterThan(5);
  });
});

describe('refunds, disputes and payouts', () => {
  it('refunds part of a destination charge, reversing the transfer and the application fee in proportion', async () => {
    const intent = await destinationCharge(10_000, 1_500);

    const refund = await stripe.refunds.create({
      payment_intent: intent.id,
      amount: 4_000,
      reverse_transfer: true,
      refund_application_fee: true,
      expand: ['balance_transaction'],
    });

    expect(refund.id).toMatch(/^re_/);
    expect(refund).toMatchObject({ amount: 4_000, status: 'succeeded', charge: intent.latest_charge });
    expect(expanded(refund.balance_transaction)).toMatchObject({
      type: 'refund',
      amount: -4_000,
      net: -4_000,
    });
    const charge = await stripe.charges.retrieve(String(intent.latest_charge));
    expect(charge).toMatchObject({ amount_refunded: 4_000, refunded: false });
    // 8,500 × 4,000 / 10,000 = 3,400 back from the connected account; 1,500 × 0.4 = 600 of the fee refunded
    const transfer = await stripe.transfers.retrieve(String(charge.transfer));
    expect(transfer.amount_reversed).toBe(3_400);
    expect((await stripe.applicationFees.retrieve(String(charge.application_fee))).amount_refunded).toBe(600);
    // 9,680 − 8,500 − 4,000 + 3,400
    expect(simulator.balance().available).toEqual({ usd: 580 });
    expect(simulator.allEvents().map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'refund.created',
        'charge.refunded',
        'transfer.reversed',
        'application_fee.refunded',
      ]),
    );

    // The rest, with nothing said about the amount: the whole remaining transfer comes back.
    await stripe.refunds.create({ charge: charge.id, reverse_transfer: true });
    expect(await stripe.charges.retrieve(charge.id)).toMatchObject({
      amount_refunded: 10_000,
      refunded: true,
    });
    expect((await stripe.transfers.retrieve(String(charge.transfer))).amount_reversed).toBe(8_500);
    const again = await rejection(stripe.refunds.create({ charge: charge.id }));
    expect(again.code).toBe('charge_already_refunded');
  });

  it('withdraws a disputed amount plus the 15.00 fee, and gives both back when the dispute is won', async () => {
    const intent = await destinationCharge(5_000, 500);
    const chargeId = String(intent.latest_charge);

    const dispute = simulator.createDispute(chargeId);

    expect(dispute.id).toMatch(/^dp_/);
    expect(dispute).toMatchObject({ status: 'needs_response', amount: 5_000, charge: chargeId });
    expect(dispute.balance_transactions[0]).toMatchObject({
      type: 'adjustment',
      amount: -5_000,
      fee: 1_500,
      net: -6_500,
      source: dispute.id,
    });
    expect((await stripe.charges.retrieve(chargeId)).disputed).toBe(true);
    // 5,000 − 175 − 4,500 − 6,500
    expect(simulator.balance().available).toEqual({ usd: -6_175 });

    const won = simulator.closeDispute(dispute.id, 'won');

    expect(won.status).toBe('won');
    expect(won.balance_transactions[1]).toMatchObject({
      type: 'adjustment',
      amount: 5_000,
      fee: -1_500,
      net: 6_500,
    });
    expect(simulator.balance().available).toEqual({ usd: 325 });
    expect(simulator.allEvents().map((event) => event.type)).toEqual(
      expect.arrayContaining([
        'charge.dispute.created',
        'charge.dispute.funds_withdrawn',
        'charge.dispute.funds_reinstated',
        'charge.dispute.closed',
      ]),
    );
  });

  it('keeps the money of a lost dispute', async () => {
    const intent = await destinationCharge(5_000, 500);
    const dispute = simulator.createDispute(String(intent.latest_charge));

    expect(simulator.closeDispute(dispute.id, 'lost')).toMatchObject({ status: 'lost' });
    expect(simulator.balanceTransactions().filter((t) => t.type === 'adjustment')).toHaveLength(1);
    expect(simulator.balance().available).toEqual({ usd: -6_175 });
  });

  it('sweeps the available balance into a payout that reconciles line by line; a failed payout returns', async () => {
    await destinationCharge(10_000, 1_500);

    const [payout] = simulator.createPayouts();

    expect(payout.id).toMatch(/^po_/);
    expect(payout).toMatchObject({ amount: 1_180, currency: 'usd', status: 'pending', automatic: true });
    const lines = await stripe.balanceTransactions.list({ payout: payout.id });
    expect(lines.data.map((line) => [line.type, line.net])).toEqual([
      ['payout', -1_180],
      ['transfer', -8_500],
      ['charge', 9_680],
    ]);
    expect(simulator.balance().available).toEqual({ usd: 0 });
    expect(simulator.settlePayout(payout.id, 'paid').status).toBe('paid');
    expect((await stripe.payouts.retrieve(payout.id)).status).toBe('paid');

    now += DAY;
    await destinationCharge(10_000, 1_500);
    const [second] = simulator.createPayouts();
    const failed = simulator.settlePayout(second.id, 'failed');

    expect(failed).toMatchObject({ status: 'failed', failure_code: 'account_closed' });
    const failure = await stripe.balanceTransactions.retrieve(String(failed.failure_balance_transaction));
    expect(failure).toMatchObject({ type: 'payout_failure', amount: 1_180, source: second.id });
    expect(simulator.balance().available).toEqual({ usd: 1_180 });
    const [third] = simulator.createPayouts();
    expect(third.amount).toBe(1_180);
    const thirdLines = await stripe.balanceTransactions.list({ payout: third.id });
    expect(thirdLines.data.map((line) => line.type)).toEqual(['payout', 'payout_failure']);
    expect(
      simulator
        .allEvents()
        .filter((event) => event.type.startsWith('payout.'))
        .map((e) => e.type),
    ).toEqual(['payout.created', 'payout.paid', 'payout.created', 'payout.failed', 'payout.created']);
    const payouts = await stripe.payouts.list({ created: { gte: START + DAY } });
    expect(payouts.data.map((p) => p.id)).toEqual([third.id, second.id]);
  });

  it('holds charges back from payouts until their funds are available', async () => {
    const delayed = await startStripeSimulator({
      stripeMockUrl: String(process.env.USEFIRST_TEST_STRIPE_API_URL),
      webhookSecret: WEBHOOK_SECRET,
      now: () => now,
      availabilityDelaySeconds: 2 * DAY,
    });
    try {
      const client = new Stripe('sk_test_simulator', {
        host: delayed.host,
        port: delayed.port,
        protocol: 'http',
      });
      const customer = await client.customers.create({});
      await client.paymentIntents.create({
        amount: 1_000,
        currency: 'usd',
        customer: customer.id,
        payment_method: 'pm_card_visa',
        confirm: true,
      });
      expect(delayed.balance()).toEqual({ available: { usd: 0 }, pending: { usd: 941 } });
      expect(delayed.createPayouts()).toEqual([]);
      now += 2 * DAY;
      expect(delayed.createPayouts().map((payout) => payout.amount)).toEqual([941]);
    } finally {
      await delayed.stop();
    }
  });
});

describe('control routes over HTTP', () => {
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${simulator.url}/__simulator/${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as unknown };
  };

  it('injects faults, disputes a charge and pays out for a process that has no handle', async () => {
    expect(await control('POST', 'faults', { kind: 'rate-limit', pathPrefix: '/v1/customers' })).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect((await rejection(stripe.customers.create({}))).statusCode).toBe(429);

    const intent = await destinationCharge(5_000, 500);
    const dispute = await control('POST', `charges/${String(intent.latest_charge)}/dispute`, {});
    expect(dispute.body).toMatchObject({ object: 'dispute', status: 'needs_response', amount: 5_000 });
    const lost = await control('POST', `disputes/${(dispute.body as { id: string }).id}/lost`);
    expect(lost.body).toMatchObject({ status: 'lost' });
    expect(await control('POST', 'payouts', {})).toEqual({ status: 200, body: [] });
    expect(await control('POST', 'nothing-here')).toMatchObject({ status: 404 });
    expect(await control('POST', 'disputes/dp_unknown/won')).toMatchObject({ status: 400 });
  });
});

describe('lists', () => {
  it('pages newest first with limit, starting_after, ending_before and created filters', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      now = START + i;
      ids.push((await stripe.customers.create({ email: `c${i}@sme.example` })).id);
    }
    const [c0, c1, c2, c3, c4] = ids;

    const first = await stripe.customers.list({ limit: 2 });
    expect(first).toMatchObject({ object: 'list', url: '/v1/customers', has_more: true });
    expect(first.data.map((c) => c.id)).toEqual([c4, c3]);
    const second = await stripe.customers.list({ limit: 2, starting_after: c3 });
    expect([second.data.map((c) => c.id), second.has_more]).toEqual([[c2, c1], true]);
    const last = await stripe.customers.list({ limit: 2, starting_after: c1 });
    expect([last.data.map((c) => c.id), last.has_more]).toEqual([[c0], false]);
    const back = await stripe.customers.list({ limit: 2, ending_before: c2 });
    expect([back.data.map((c) => c.id), back.has_more]).toEqual([[c4, c3], false]);
    const window = await stripe.customers.list({ created: { gte: START + 1, lte: START + 3 } });
    expect(window.data.map((c) => c.id)).toEqual([c3, c2, c1]);
  });

  it('lists events newest first, in creation order within one second, filtered by type', async () => {
    await stripe.customers.create({ email: 'a@sme.example' });
    await stripe.customers.create({ email: 'b@sme.example' });

    const events = await stripe.events.list({ type: 'customer.created' });

    const all = simulator.allEvents();
    expect(events.data.map((event) => event.id)).toEqual([all[1].id, all[0].id]);
    expect(events.data[0].data.object).toMatchObject({ object: 'customer', email: 'b@sme.example' });
  });
});

describe('webhooks', () => {
  type Received = { id: string; type: string; signatureValid: boolean };
  let receiver: http.Server;
  let received: Received[];
  let failType: string | undefined;

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks);
        try {
          const event = stripe.webhooks.constructEvent(
            raw,
            String(req.headers['stripe-signature']),
            WEBHOOK_SECRET,
          );
          received.push({ id: event.id, type: event.type, signatureValid: true });
          res.writeHead(event.type === failType ? 500 : 200).end();
        } catch {
          received.push({ id: '', type: '', signatureValid: false });
          res.writeHead(400).end();
        }
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  });

  beforeEach(() => {
    received = [];
    failType = undefined;
    simulator.setWebhookUrl(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stripe`);
  });

  afterAll(async () => {
    simulator.setWebhookUrl(undefined);
    await new Promise((resolve) => receiver.close(resolve));
  });

  it('delivers pending events in order, signed so that constructEvent accepts them, only when asked', async () => {
    await destinationCharge(2_000, 200);
    const events = simulator.allEvents();
    expect(received).toEqual([]);
    expect(simulator.pendingEvents().map((event) => event.id)).toEqual(events.map((event) => event.id));

    const deliveries = await simulator.deliverPendingEvents();

    expect(deliveries.map((delivery) => delivery.status)).toEqual(events.map(() => 200));
    expect(received).toEqual(
      events.map((event) => ({ id: event.id, type: event.type, signatureValid: true })),
    );
    expect(simulator.pendingEvents()).toEqual([]);
    expect(await simulator.deliverPendingEvents()).toEqual([]);
  });

  it('snapshots the object as it was when the event happened', async () => {
    const intent = await destinationCharge(2_000, 200);
    await stripe.refunds.create({ payment_intent: intent.id });

    const succeeded = simulator.allEvents().find((event) => event.type === 'charge.succeeded');
    const refunded = simulator.allEvents().find((event) => event.type === 'charge.refunded');
    expect(succeeded?.data.object).toMatchObject({ amount_refunded: 0, refunded: false });
    expect(refunded?.data.object).toMatchObject({ amount_refunded: 2_000, refunded: true });
  });

  it('duplicates and shuffles deliveries from a seeded generator', async () => {
    await stripe.customers.create({ email: 'a@sme.example' });
    await stripe.customers.create({ email: 'b@sme.example' });
    await onboardedAccount();
    const chronological = simulator.allEvents().map((event) => event.id);

    const deliveries = await simulator.deliverPendingEvents({
      duplicate: true,
      shuffle: true,
      rng: mulberry32(7),
    });

    const delivered = deliveries.map((delivery) => delivery.eventId);
    expect([...delivered].sort()).toEqual([...chronological, ...chronological].sort());
    expect(delivered).not.toEqual(chronological.flatMap((id) => [id, id]));
    expect(received.every((event) => event.signatureValid)).toBe(true);
    expect(simulator.pendingEvents()).toEqual([]);
  });

  it('keeps an event pending while the endpoint fails it, and can redeliver any event', async () => {
    await stripe.customers.create({ email: 'a@sme.example' });
    await onboardedAccount();
    failType = 'account.updated';

    const deliveries = await simulator.deliverPendingEvents();

    expect(deliveries.map((delivery) => [delivery.type, delivery.status])).toEqual([
      ['customer.created', 200],
      ['account.updated', 500],
    ]);
    expect(simulator.pendingEvents().map((event) => event.type)).toEqual(['account.updated']);
    failType = undefined;
    await simulator.deliverPendingEvents();
    expect(simulator.pendingEvents()).toEqual([]);

    const [customerCreated] = simulator.allEvents();
    expect(await simulator.redeliverEvent(customerCreated.id)).toMatchObject({ status: 200 });
    expect(received.filter((event) => event.id === customerCreated.id)).toHaveLength(2);
  });
});

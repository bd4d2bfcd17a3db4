import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel, type ObligationRecord } from '../../server/src/modules/contracts/contract.model';
import { checkPaymentsInLedger } from '../../server/src/modules/billing/collection.service';
import { StripeEventModel } from '../../server/src/modules/billing/stripe-event.model';
import { JournalEntryModel } from '../../server/src/modules/ledger/journal-entry.model';
import {
  checkReceivablesMatchObligations,
  ledgerInvariants,
} from '../../server/src/modules/ledger/ledger-invariants';
import Stripe from 'stripe';
import type { StripeSimulator } from '../../server/src/integrations/stripe-simulator';
import { errorCode } from '../support/graphql-client';
import type { TestServer } from '../support/test-server';
import { founder, platformAdmin, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';
import {
  onboardLicensor,
  savePaymentMethod,
  sessionsAt,
  startSettlementStack,
  TEST_WEBHOOK_SECRET,
} from './fixtures/settlement';

type Run = {
  considered: number;
  attempted: number;
  succeeded: number;
  declined: number;
  unknown: number;
  recovered: number;
  requiresAction: number;
  waiting: { reason: string; count: number }[];
  requestsSent: number;
};
type Attempt = {
  attemptNumber: number;
  status: string;
  declineKind: string | null;
  nextRetryOn: string | null;
};

const clock = fixedClock('2026-12-01T09:00:00Z');
let server: TestServer;
let stripe: StripeSimulator;
let admin: Actor;
let tto: Actor;
const anonymousFetch = (body: string, headers: Record<string, string>) =>
  fetch(`${server.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

let fresh: (actor: Actor) => Promise<Actor>;
const as = async (actor: Actor) => (await fresh(actor)).client;

async function billAsOf(asOf: string): Promise<Run> {
  clock.set(`${asOf}T09:00:00Z`);
  await (await as(admin)).data('AdvanceContractEngine', { asOf });
  return (await (await as(admin)).data<{ runBilling: Run }>('RunBilling', { asOf })).runBilling;
}

/** A new SME with its own licence: ¥1,000.00 at signing (due at once), then nothing. */
async function licensee(
  label: string,
  paymentMethodId: string | null,
): Promise<{ sme: Actor; obligation: ObligationRecord }> {
  const sme = await founder(server.client(), label, smeInput(`${label} Ltd`));
  const { contractId } = await signedLicence(await fresh(tto), await fresh(sme), {
    freePeriod: null,
    upfrontFee: { amountMinor: 100_000, due: 'AT_SIGNING' },
    royalty: null,
    lateInterestBps: 0,
    graceDays: 30,
  });
  if (paymentMethodId) await savePaymentMethod(await fresh(sme), paymentMethodId);
  const obligation = (await ObligationModel.findOne({ contractId }).lean<ObligationRecord>())!;
  return { sme, obligation };
}

const attemptsOf = async (sme: Actor, obligation: ObligationRecord): Promise<Attempt[]> => {
  const { contract } = await (
    await as(sme)
  ).data<{
    contract: { obligations: { edges: { node: { id: string; paymentAttempts: Attempt[] } }[] } };
  }>('ContractPayments', { id: obligation.contractId.toHexString() });
  return contract.obligations.edges.find((e) => e.node.id === obligation._id.toHexString())!.node
    .paymentAttempts;
};
const statusOf = async (obligation: ObligationRecord) =>
  (await ObligationModel.findById(obligation._id).lean<ObligationRecord>())!.status;
const chargesFor = (obligation: ObligationRecord) =>
  stripe.succeededChargeCountsByObligation()[obligation._id.toHexString()] ?? 0;

async function expectLedgerConsistent(): Promise<void> {
  expect(await ledgerInvariants()).toEqual([]);
  expect(await checkReceivablesMatchObligations()).toEqual([]);
  expect(await checkPaymentsInLedger()).toEqual([]);
  // Every charge Stripe made is in the ledger, once.
  for (const charge of stripe.succeededCharges()) {
    const entries = await JournalEntryModel.find({
      idempotencyKey: `payment:${charge.payment_intent}`,
    }).lean();
    expect(entries).toHaveLength(1);
  }
}

beforeAll(async () => {
  ({ server, stripe } = await startSettlementStack(clock, {
    env: {
      SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: '1000',
      PLATFORM_FEE_BPS: '500',
    },
  }));
  fresh = sessionsAt(server, clock);
  const anonymous = server.client();
  tto = await founder(anonymous, 'settle-tto', universityInput('Settlement University'));
  admin = await platformAdmin(anonymous);
});

afterAll(async () => {
  await server?.stop();
  await stripe?.stop();
});

describe('collecting through Stripe', () => {
  let happy: { sme: Actor; obligation: ObligationRecord };

  it('waits for a payment method and for the licensor’s onboarding', async () => {
    happy = await licensee('settle-happy', null);
    const run = await billAsOf('2026-12-01');
    expect(run.attempted).toBe(0);
    expect(run.waiting).toEqual(expect.arrayContaining([{ reason: 'NO_PAYMENT_METHOD', count: 1 }]));
    await savePaymentMethod(await fresh(happy.sme), 'pm_card_visa');
    expect((await billAsOf('2026-12-01')).waiting).toEqual([{ reason: 'LICENSOR_NOT_ONBOARDED', count: 1 }]);
  });

  it('shows the licensor its Connect onboarding, kept current by account.updated', async () => {
    const before = await (
      await as(tto)
    ).data<{ billingAccount: { hasPayoutAccount: boolean } }>('BillingAccount', {
      organizationId: tto.organizationId,
    });
    expect(before.billingAccount.hasPayoutAccount).toBe(false);
    await onboardLicensor(await fresh(tto), stripe);
    const after = await (
      await as(tto)
    ).data<{ billingAccount: Record<string, boolean> }>('BillingAccount', {
      organizationId: tto.organizationId,
    });
    expect(after.billingAccount).toMatchObject({
      hasPayoutAccount: true,
      chargesEnabled: true,
      payoutsEnabled: true,
    });
  });

  it('charges a due obligation once, to the licensor less the 5 % fee, and posts it to the ledger', async () => {
    const run = await billAsOf('2026-12-01');
    expect(run).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(await statusOf(happy.obligation)).toBe('PAID');
    expect(chargesFor(happy.obligation)).toBe(1);
    const [intent] = stripe
      .paymentIntents()
      .filter((p) => p.metadata.obligationId === happy.obligation._id.toHexString());
    // ¥1,000.00 = 100,000 fen; the fee is 5 % = 5,000 fen (it has to cover Stripe's 2.9 % + ¥0.30 = 2,930 fen).
    expect(intent).toMatchObject({ amount: 100_000, currency: 'cny', application_fee_amount: 5_000 });
    // Again, the same day or later: nothing more to charge.
    expect((await billAsOf('2026-12-01')).attempted).toBe(0);
    expect((await billAsOf('2026-12-02')).attempted).toBe(0);
    expect(chargesFor(happy.obligation)).toBe(1);
    const keys = (
      await JournalEntryModel.find({ contractIds: happy.obligation.contractId.toHexString() }).lean()
    )
      .map((e) => e.idempotencyKey.split(':')[0])
      .sort();
    expect(keys).toEqual(['obligation-due', 'payment', 'platform-fee', 'stripe-fee', 'transfer']);
    await expectLedgerConsistent();
  });

  it('applies webhooks once, in any order, duplicated: the state does not move', async () => {
    const deliveries = await stripe.deliverPendingEvents({ duplicate: true, shuffle: true });
    expect(deliveries.length).toBeGreaterThan(0);
    expect(deliveries.every((d) => d.status === 200)).toBe(true);
    const failed = await (
      await as(admin)
    ).data<{ stripeEvents: { totalCount: number; edges: unknown[] } }>('StripeEvents', { status: 'FAILED' });
    expect(failed.stripeEvents).toMatchObject({ totalCount: 0, edges: [] });
    expect(chargesFor(happy.obligation)).toBe(1);
    await expectLedgerConsistent();
  });

  it('refuses unsigned and wrongly signed webhooks with 400, storing nothing', async () => {
    const before = await StripeEventModel.countDocuments();
    const payload = JSON.stringify({
      id: 'evt_forged',
      object: 'event',
      type: 'payment_intent.succeeded',
      data: { object: {} },
    });
    expect((await anonymousFetch(payload, {})).status).toBe(400);
    const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_notours' });
    expect((await anonymousFetch(payload, { 'stripe-signature': forged })).status).toBe(400);
    const stale = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: TEST_WEBHOOK_SECRET,
      timestamp: Math.floor(clock.now().getTime() / 1000) - 301,
    });
    expect((await anonymousFetch(payload, { 'stripe-signature': stale })).status).toBe(400);
    expect(await StripeEventModel.countDocuments()).toBe(before);
  });

  it('retries a soft decline on days 1, 3 and 7, then waits; a new card pays at once', async () => {
    clock.set('2026-12-03T09:00:00Z');
    const soft = await licensee('settle-soft', 'pm_card_chargeDeclinedInsufficientFunds');
    expect(await billAsOf('2026-12-03')).toMatchObject({ attempted: 1, declined: 1 });
    let attempts = await attemptsOf(soft.sme, soft.obligation);
    expect(attempts).toEqual([
      expect.objectContaining({ status: 'DECLINED', declineKind: 'SOFT', nextRetryOn: '2026-12-04' }),
    ]);
    expect((await billAsOf('2026-12-03')).attempted).toBe(0);
    expect(await billAsOf('2026-12-04')).toMatchObject({ attempted: 1, declined: 1 });
    expect((await billAsOf('2026-12-05')).attempted).toBe(0);
    expect((await billAsOf('2026-12-06')).attempted).toBe(1);
    expect((await billAsOf('2026-12-09')).attempted).toBe(0);
    expect((await billAsOf('2026-12-10')).attempted).toBe(1);
    const exhausted = await billAsOf('2026-12-20');
    expect(exhausted.waiting).toEqual(expect.arrayContaining([{ reason: 'RETRIES_EXHAUSTED', count: 1 }]));
    attempts = await attemptsOf(soft.sme, soft.obligation);
    expect(attempts.map((a) => a.status)).toEqual(['DECLINED', 'DECLINED', 'DECLINED', 'DECLINED']);
    expect(await statusOf(soft.obligation)).toBe('OVERDUE');

    await savePaymentMethod(await fresh(soft.sme), 'pm_card_visa');
    const paid = await (
      await as(soft.sme)
    ).data<{ payObligationNow: Attempt }>('PayObligationNow', {
      obligationId: soft.obligation._id.toHexString(),
    });
    expect(paid.payObligationNow).toMatchObject({ attemptNumber: 5, status: 'SUCCEEDED' });
    expect(await statusOf(soft.obligation)).toBe('PAID');
    expect(
      errorCode(
        await (
          await as(soft.sme)
        ).run('PayObligationNow', { obligationId: soft.obligation._id.toHexString() }),
      ),
    ).toBe('CONFLICT');
    await expectLedgerConsistent();
  });

  it('stops at a hard decline and asks for another method', async () => {
    clock.set('2026-12-21T09:00:00Z');
    const hard = await licensee('settle-hard', 'pm_card_chargeDeclinedLostCard');
    expect(await billAsOf('2026-12-21')).toMatchObject({ attempted: 1, declined: 1 });
    expect((await billAsOf('2026-12-22')).waiting).toEqual(
      expect.arrayContaining([{ reason: 'NEEDS_PAYMENT_METHOD', count: 1 }]),
    );
    const account = await (
      await as(hard.sme)
    ).data<{ billingAccount: { paymentMethodProblem: string | null } }>('BillingAccount', {
      organizationId: hard.sme.organizationId,
    });
    expect(account.billingAccount.paymentMethodProblem).toBeTruthy();
    expect(chargesFor(hard.obligation)).toBe(0);
    // The licensee is told, in the language it reads in.
    const failures = async (headers: Record<string, string>) => {
      const client = (await as(hard.sme)).withHeaders(headers);
      const { notifications } = await client.data<{
        notifications: { edges: { node: { kind: string; message: string } }[] };
      }>('Notifications', { organizationId: hard.sme.organizationId });
      return notifications.edges
        .filter(({ node }) => node.kind === 'PAYMENT_FAILED')
        .map(({ node }) => node.message);
    };
    expect(await failures({})).toEqual([
      'The card was declined for the upfront fee. Save another payment method.',
    ]);
    expect(await failures({ 'accept-language': 'zh-CN' })).toEqual([
      '入门费扣款时银行卡被拒。请保存其他支付方式。',
    ]);
  });

  it('asks the licensee to authenticate and does not retry meanwhile', async () => {
    clock.set('2026-12-23T09:00:00Z');
    const sca = await licensee('settle-sca', 'pm_card_authenticationRequired');
    expect(await billAsOf('2026-12-23')).toMatchObject({ attempted: 1, requiresAction: 1 });
    expect((await billAsOf('2026-12-24')).waiting).toEqual(
      expect.arrayContaining([{ reason: 'NEEDS_AUTHENTICATION', count: 1 }]),
    );
    expect(chargesFor(sca.obligation)).toBe(0);
  });

  it('recovers a charge whose answer was lost, with the same idempotency key, charging once', async () => {
    clock.set('2026-12-26T09:00:00Z');
    const lost = await licensee('settle-lost', 'pm_card_visa');
    // stripe-node retries a reset connection once by itself: drop both answers.
    stripe.injectFault({
      kind: 'drop-after-work',
      method: 'POST',
      pathPrefix: '/v1/payment_intents',
      times: 2,
    });
    expect(await billAsOf('2026-12-26')).toMatchObject({ attempted: 1, unknown: 1 });
    expect(chargesFor(lost.obligation)).toBe(1);
    expect(await statusOf(lost.obligation)).toBe('DUE');
    // The next run asks Stripe again with the same key and learns that it was paid.
    const next = await billAsOf('2026-12-26');
    expect(next).toMatchObject({ recovered: 1, attempted: 0 });
    expect(await statusOf(lost.obligation)).toBe('PAID');
    expect(chargesFor(lost.obligation)).toBe(1);
    await expectLedgerConsistent();
  });

  it('slows down on 429 and still charges once', async () => {
    clock.set('2026-12-27T09:00:00Z');
    const slow = await licensee('settle-429', 'pm_card_visa');
    stripe.injectFault({ kind: 'rate-limit', method: 'POST', pathPrefix: '/v1/payment_intents', times: 2 });
    const run = await billAsOf('2026-12-27');
    expect(run).toMatchObject({ attempted: 1, succeeded: 1 });
    expect(chargesFor(slow.obligation)).toBe(1);
  });

  it('never charges twice when two billing runs race', async () => {
    clock.set('2026-12-28T09:00:00Z');
    const many = await Promise.all([1, 2, 3, 4].map((n) => licensee(`settle-race-${n}`, 'pm_card_visa')));
    clock.set('2026-12-28T09:00:00Z');
    await (await as(admin)).data('AdvanceContractEngine', { asOf: '2026-12-28' });
    const adminClient = await as(admin);
    const runs = await Promise.all(
      [1, 2].map(() => adminClient.data<{ runBilling: Run }>('RunBilling', { asOf: '2026-12-28' })),
    );
    expect(runs.reduce((sum, r) => sum + r.runBilling.succeeded, 0)).toBeGreaterThanOrEqual(1);
    await billAsOf('2026-12-28');
    for (const { obligation } of many) {
      expect(chargesFor(obligation)).toBe(1);
      expect(await statusOf(obligation)).toBe('PAID');
    }
    await expectLedgerConsistent();
  });
});

describe('reconciling with Stripe', () => {
  it('matches every balance transaction and payout to the ledger, leaving no exception', async () => {
    await stripe.deliverPendingEvents();
    const [payout] = stripe.createPayouts({ currency: 'cny' });
    stripe.settlePayout(payout.id, 'paid');
    await stripe.deliverPendingEvents({ duplicate: true, shuffle: true });
    const run = await (
      await as(admin)
    ).data<{ reconcileWithStripe: Record<string, number> }>('ReconcileWithStripe');
    expect(run.reconcileWithStripe.imported).toBe(stripe.balanceTransactions().length);
    const open = await (
      await as(admin)
    ).data<{ reconciliationExceptions: unknown[] }>('ReconciliationExceptions', {
      status: 'OPEN',
    });
    expect(open.reconciliationExceptions).toEqual([]);
    const payouts = await (
      await as(admin)
    ).data<{ payoutReconciliation: { payoutId: string; state: string }[] }>('PayoutReconciliation');
    expect(payouts.payoutReconciliation).toEqual([
      expect.objectContaining({ payoutId: payout.id, state: 'RECONCILED' }),
    ]);
    const [state] = payouts.payoutReconciliation as unknown as { transactions: number; matched: number }[];
    // Every charge and transfer so far went into this one payout, and each matched the ledger.
    expect(state.transactions).toBeGreaterThan(10);
    expect(state.matched).toBe(state.transactions);
    // Finance downloads the same as CSV.
    const csv = await fetch(`${server.url}/reports/payouts.csv?from=2026-01-01&to=2027-12-31`, {
      headers: { authorization: `Bearer ${(await fresh(admin)).token}` },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const body = await csv.text();
    expect(body).toContain(payout.id);
    expect(body).toContain('RECONCILED');
    const forbidden = await fetch(`${server.url}/reports/payouts.csv?from=2026-01-01&to=2027-12-31`, {
      headers: { authorization: `Bearer ${(await fresh(tto)).token}` },
    });
    expect(forbidden.status).toBe(403);
    // Again: nothing new, nothing changes.
    const again = await (
      await as(admin)
    ).data<{ reconcileWithStripe: Record<string, number> }>('ReconcileWithStripe');
    expect(again.reconcileWithStripe).toMatchObject({ imported: 0, exceptionsOpened: 0 });
    await expectLedgerConsistent();
  });

  it('unwinds a refund and a dispute in the ledger, and they reconcile too', async () => {
    const charge = stripe.succeededCharges()[0];
    const client = new Stripe('sk_test_usefirsttests', {
      host: stripe.host,
      port: stripe.port,
      protocol: 'http',
    });
    await client.refunds.create({
      charge: charge.id,
      amount: 40_000,
      reverse_transfer: true,
      refund_application_fee: true,
    });
    const disputed = stripe.succeededCharges()[1];
    const dispute = stripe.createDispute(disputed.id);
    stripe.closeDispute(dispute.id, 'won');
    await stripe.deliverPendingEvents({ shuffle: true });
    const refundEntries = await JournalEntryModel.find({ stripeIds: charge.payment_intent as string }).lean();
    expect(refundEntries.map((e) => e.idempotencyKey.split(':')[0])).toEqual(
      expect.arrayContaining(['refund', 'refund-recovery']),
    );
    await (await as(admin)).data('ReconcileWithStripe');
    const open = await (
      await as(admin)
    ).data<{ reconciliationExceptions: { description: string }[] }>('ReconciliationExceptions', {
      status: 'OPEN',
    });
    expect(open.reconciliationExceptions).toEqual([]);
    expect(await ledgerInvariants()).toEqual([]);
  });

  it('raises an exception for money the ledger does not know, which finance resolves with a note', async () => {
    // A charge made outside UseFirst (say, by hand in Stripe's dashboard).
    const client = new Stripe('sk_test_usefirsttests', {
      host: stripe.host,
      port: stripe.port,
      protocol: 'http',
    });
    const account = stripe.objects('account')[0];
    const customer = stripe.objects('customer')[0];
    await client.paymentIntents.create({
      amount: 5_000,
      currency: 'cny',
      customer: customer.id,
      payment_method: 'pm_card_visa',
      confirm: true,
      off_session: true,
      transfer_data: { destination: account.id },
    });
    await (await as(admin)).data('ReconcileWithStripe');
    const { reconciliationExceptions } = await (
      await as(admin)
    ).data<{
      reconciliationExceptions: { id: string; reason: string; expectedMinor: number }[];
    }>('ReconciliationExceptions', { status: 'OPEN' });
    expect(reconciliationExceptions.map((e) => e.reason).sort()).toEqual([
      'MISSING_IN_LEDGER',
      'MISSING_IN_LEDGER',
    ]);
    const tto_ = errorCode(
      await (
        await as(tto)
      ).run('ResolveReconciliationException', {
        id: reconciliationExceptions[0].id,
        note: 'x',
      }),
    );
    expect(tto_).toBe('FORBIDDEN');
    expect(
      errorCode(
        await (
          await as(admin)
        ).run('ResolveReconciliationException', {
          id: reconciliationExceptions[0].id,
          note: ' ',
        }),
      ),
    ).toBe('BAD_USER_INPUT');
    for (const exception of reconciliationExceptions) {
      const resolved = await (
        await as(admin)
      ).data<{
        resolveReconciliationException: { status: string; notes: { text: string }[] };
      }>('ResolveReconciliationException', {
        id: exception.id,
        note: 'Manual test charge, refunded by hand.',
      });
      expect(resolved.resolveReconciliationException).toMatchObject({
        status: 'RESOLVED',
        notes: [{ text: 'Manual test charge, refunded by hand.' }],
      });
    }
    const open = await (
      await as(admin)
    ).data<{ reconciliationExceptions: unknown[] }>('ReconciliationExceptions', {
      status: 'OPEN',
    });
    expect(open.reconciliationExceptions).toEqual([]);
  });
});

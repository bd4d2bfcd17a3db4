import Stripe from 'stripe';
import { fixedClock } from '../../server/src/common/clock';
import { addDays, type CalendarDate } from '../../server/src/common/calendar-date';
import { systemContext } from '../../server/src/common/request-context';
import { checkPaymentsInLedger } from '../../server/src/modules/billing/collection.service';
import {
  PaymentAttemptModel,
  type PaymentAttemptRecord,
} from '../../server/src/modules/billing/payment-attempt.model';
import { StripeGateway } from '../../server/src/modules/billing/stripe-gateway';
import { ObligationModel, type ObligationRecord } from '../../server/src/modules/contracts/contract.model';
import { JournalEntryModel } from '../../server/src/modules/ledger/journal-entry.model';
import {
  checkReceivablesMatchObligations,
  ledgerInvariants,
} from '../../server/src/modules/ledger/ledger-invariants';
import { ReconciliationExceptionModel } from '../../server/src/modules/reconciliation/reconciliation.model';
import { mulberry32, type Rng, type StripeSimulator } from '../../server/src/integrations/stripe-simulator';
import { founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';
import { onboardLicensor, sessionsAt, startSettlementStack } from './fixtures/settlement';

/**
 * The randomised settlement simulation (issue #4): for each seed, a licensor and a few licensees with monthly
 * installments, then thousands of random steps (billing runs, runs that crash at any point, two runs at once, webhook
 * storms with duplicates in any order, refunds, disputes, payouts, new cards, "pay now", days passing) against the
 * stateful Stripe simulator, with the invariants checked after every step. A failing seed replays exactly:
 * `npm run simulate -- --seed <n>`.
 */
const SEEDS = (process.env.SIMULATION_SEED ? [Number(process.env.SIMULATION_SEED)] : [])
  .concat(Array.from({ length: Number(process.env.SIMULATION_SEEDS ?? 2) }, (_, i) => 1001 + i))
  .slice(0, process.env.SIMULATION_SEED ? 1 : undefined);
const STEPS = Number(process.env.SIMULATION_STEPS ?? 120);

/** Throws where a process could die: before a request reaches Stripe, or after Stripe did the work. */
class CrashingGateway extends StripeGateway {
  constructor(
    stripe: Stripe,
    private readonly rng: Rng,
    private readonly probability: number,
  ) {
    super(stripe, 1_000);
  }

  override async call<T>(request: (stripe: Stripe) => Promise<T>): Promise<T> {
    if (this.rng() < this.probability) throw new Error('simulated crash before the request');
    const result = await super.call(request);
    if (this.rng() < this.probability) throw new Error('simulated crash after Stripe answered');
    return result;
  }
}

const PAYMENT_METHODS = [
  'pm_card_visa',
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_chargeDeclinedInsufficientFunds',
  'pm_card_chargeDeclined',
  'pm_card_chargeDeclinedLostCard',
  'pm_card_authenticationRequired',
];

async function simulate(seed: number): Promise<{ steps: number; charges: number; log: string[] }> {
  const rng = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rng() * items.length)];
  const clock = fixedClock('2027-01-04T09:00:00Z');
  const { server, stripe } = await startSettlementStack(clock, {
    seed,
    env: {
      SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000',
      SIGN_IN_ATTEMPTS_PER_ACCOUNT: '1000',
      PLATFORM_FEE_BPS: '500',
    },
  });
  const log: string[] = [];
  try {
    const fresh = sessionsAt(server, clock);
    const anonymous = server.client();
    const tto = await founder(anonymous, `sim-${seed}-tto`, universityInput(`Simulation University ${seed}`));
    await onboardLicensor(tto, stripe);
    const smes: Actor[] = [];
    for (let i = 0; i < 5; i++) {
      const sme = await founder(anonymous, `sim-${seed}-sme-${i}`, smeInput(`Simulation SME ${seed}-${i}`));
      await signedLicence(tto, sme, {
        freePeriod: null,
        upfrontFee: { amountMinor: 50_000 + 10_000 * i, due: 'AT_SIGNING' },
        installments: {
          totalMinor: 120_001 + i,
          count: 6,
          frequency: 'MONTHLY',
          firstDue: 'AFTER_EFFECTIVE_DATE',
          remainder: 'FIRST',
        },
        royalty: null,
        lateInterestBps: 1_000,
        graceDays: 60,
      });
      await server.services.stripeAccounts.saveTestPaymentMethod(
        systemContext(clock),
        sme.organizationId!,
        pick(PAYMENT_METHODS),
      );
      smes.push(sme);
    }
    const system = () => systemContext(clock, `sim-${seed}`);
    const today = () => clock.now().toISOString().slice(0, 10) as CalendarDate;
    const bill = (gateway?: StripeGateway) =>
      server.services.collection.runBilling(system(), today(), gateway ? { gateway } : {});

    const steps: [number, string, () => Promise<void>][] = [
      [
        14,
        'days pass',
        async () => {
          clock.set(`${addDays(today(), 1 + Math.floor(rng() * 9))}T09:00:00Z`);
          await server.services.contractEngine.advanceTo(system(), today());
        },
      ],
      [14, 'billing run', async () => void (await bill())],
      [
        8,
        'billing run with Stripe faults',
        async () => {
          stripe.setRandomFaults({
            seed: Math.floor(rng() * 1e9),
            probabilities: {
              'drop-after-work': 0.1,
              'error-500-after-work': 0.1,
              'error-500-before-work': 0.1,
              'rate-limit': 0.1,
            },
          });
          try {
            await bill();
          } finally {
            stripe.clearFaults();
          }
        },
      ],
      [
        8,
        'billing run that crashes',
        async () => void (await bill(new CrashingGateway(server.services.stripe, rng, 0.3))),
      ],
      [5, 'two billing runs at once', async () => void (await Promise.all([bill(), bill()]))],
      [
        10,
        'webhook storm',
        async () => void (await stripe.deliverPendingEvents({ duplicate: 0.5, shuffle: true })),
      ],
      [
        4,
        'a licensee saves another card',
        async () =>
          void (await server.services.stripeAccounts.saveTestPaymentMethod(
            system(),
            pick(smes).organizationId!,
            pick(PAYMENT_METHODS),
          )),
      ],
      [
        4,
        'a licensee pays now',
        async () => {
          const sme = pick(smes);
          const due = await ObligationModel.find({ licenseeId: sme.organizationId, status: 'DUE' }).lean<
            ObligationRecord[]
          >();
          if (due.length === 0) return;
          await (
            await fresh(sme)
          ).client.run('PayObligationNow', { obligationId: pick(due)._id.toHexString() });
        },
      ],
      [
        2,
        'a refund',
        async () => {
          const charge = pick([...stripe.succeededCharges().filter((c) => !c.refunded && !c.disputed), null]);
          if (!charge) return;
          const client = new Stripe('sk_test_simulation', {
            host: stripe.host,
            port: stripe.port,
            protocol: 'http',
          });
          await client.refunds.create({
            charge: charge.id,
            amount: Math.max(1, Math.floor((charge.amount - charge.amount_refunded) * rng())),
            reverse_transfer: true,
            refund_application_fee: true,
          });
        },
      ],
      [
        2,
        'a dispute',
        async () => {
          const charge = pick([...stripe.succeededCharges().filter((c) => !c.disputed && !c.refunded), null]);
          if (!charge) return;
          const dispute = stripe.createDispute(charge.id);
          if (rng() < 0.7) stripe.closeDispute(dispute.id, rng() < 0.5 ? 'won' : 'lost');
        },
      ],
      [
        3,
        'a payout',
        async () => {
          for (const payout of stripe.createPayouts({ currency: 'cny' })) {
            if (rng() < 0.1) continue; // still in transit
            const outcome = rng() < 0.85 ? 'paid' : 'failed';
            stripe.settlePayout(payout.id, outcome);
          }
        },
      ],
      [3, 'reconciliation', async () => void (await server.services.reconciliation.reconcile(system()))],
      [
        2,
        'a licensee authenticates',
        async () => {
          const waiting = stripe
            .paymentIntents()
            .filter((p) => p.status === 'requires_action' || p.status === 'processing');
          if (waiting.length > 0)
            stripe.settlePaymentIntent(pick(waiting).id, rng() < 0.7 ? 'succeeded' : 'failed');
        },
      ],
    ];
    const totalWeight = steps.reduce((sum, [w]) => sum + w, 0);

    for (let step = 0; step < STEPS; step++) {
      let roll = rng() * totalWeight;
      const [, name, run] = steps.find(([w]) => (roll -= w) < 0) ?? steps[0];
      log.push(`${step} ${today()} ${name}`);
      await run();
      await checkAlways(stripe, `seed ${seed}, step ${step} (${name})`);
    }

    // Quiet: no more faults; every event delivered; recovery and billing; then everything must add up exactly.
    stripe.clearFaults();
    for (let i = 0; i < 3; i++) {
      await stripe.deliverPendingEvents();
      await bill();
    }
    await stripe.deliverPendingEvents();
    await server.services.reconciliation.reconcile(system());
    await checkSettled(stripe, `seed ${seed}, at the end`);
    return { steps: STEPS, charges: stripe.succeededCharges().length, log };
  } catch (error) {
    throw new Error(
      `${(error as Error).message}\n(replay: npm run simulate -- --seed ${seed}; last steps:\n${log.slice(-8).join('\n')})`,
      { cause: error },
    );
  } finally {
    await server.stop();
    await stripe.stop();
  }
}

/**
 * After every step: never a double charge, never an unbalanced entry, never a payment lost (a charge is in the
 * ledger, or its attempt still waits for recovery: a crash may stop us between Stripe's answer and the ledger).
 */
async function checkAlways(stripe: StripeSimulator, where: string): Promise<void> {
  const doubles = Object.entries(stripe.succeededChargeCountsByObligation()).filter(([, n]) => n > 1);
  if (doubles.length > 0) throw new Error(`${where}: charged twice: ${JSON.stringify(doubles)}`);
  const broken = await ledgerInvariants();
  if (broken.length > 0) throw new Error(`${where}: ledger: ${JSON.stringify(broken.slice(0, 3))}`);
  // A charge Stripe made is either in the ledger or belongs to an attempt still waiting for its outcome.
  for (const charge of stripe.succeededCharges()) {
    const inLedger = await JournalEntryModel.exists({ idempotencyKey: `payment:${charge.payment_intent}` });
    if (inLedger) continue;
    const obligationId = charge.metadata?.obligationId;
    if (!obligationId) continue;
    const attempts = await PaymentAttemptModel.find({ obligationId }).lean<PaymentAttemptRecord[]>();
    const pending = attempts.some((a) =>
      ['STARTED', 'UNKNOWN', 'PROCESSING', 'REQUIRES_ACTION', 'SUCCEEDED'].includes(a.status),
    );
    if (!pending)
      throw new Error(`${where}: Stripe charged ${charge.id} but we neither know it nor wait for it`);
  }
}

/** Once quiet: every charge in the ledger, receivables equal to what is unpaid, nothing left to reconcile. */
async function checkSettled(stripe: StripeSimulator, where: string): Promise<void> {
  await checkAlways(stripe, where);
  const unposted = await checkPaymentsInLedger();
  if (unposted.length > 0) throw new Error(`${where}: ${JSON.stringify(unposted.slice(0, 3))}`);
  for (const charge of stripe.succeededCharges()) {
    if (!charge.metadata?.obligationId) continue;
    const inLedger = await JournalEntryModel.exists({ idempotencyKey: `payment:${charge.payment_intent}` });
    if (!inLedger) throw new Error(`${where}: the charge ${charge.id} never reached the ledger`);
  }
  const receivables = await checkReceivablesMatchObligations();
  if (receivables.length > 0) throw new Error(`${where}: ${JSON.stringify(receivables.slice(0, 3))}`);
  const open = await ReconciliationExceptionModel.find({ status: 'OPEN' }).lean();
  if (open.length > 0)
    throw new Error(`${where}: reconciliation exceptions: ${JSON.stringify(open.slice(0, 3))}`);
}

describe('the settlement simulation', () => {
  it.each(SEEDS)(
    'runs seed %i clean',
    async (seed) => {
      const result = await simulate(seed);
      expect(result.steps).toBe(STEPS);
      console.log(`seed ${seed}: ${STEPS} steps, ${result.charges} charges, clean`);
    },
    Math.max(600_000, STEPS * 3_000),
  );
});

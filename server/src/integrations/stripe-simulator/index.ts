/**
 * A stateful Stripe for tests (issue #4, "Testing money without the internet"): an HTTP server that stripe-node is
 * pointed at (`new Stripe(key, { host, port, protocol: 'http' })`). Every API request goes first to stripe-mock,
 * which checks it against Stripe's OpenAPI spec (a 4xx from it is returned unchanged and nothing happens); the
 * answer then comes from the simulator's own state. Use it when a test needs Stripe to remember, decline, fail
 * in transit or send webhooks; plain stripe-mock is enough when a shape check is all a test needs.
 *
 * Simulated:
 * - customers; SetupIntents (create, `confirm=true`, `/confirm`) saving a test payment method on a customer;
 * - Stripe's test payment method ids (test-payment-methods.ts): successes, soft and hard declines (402
 *   `card_declined` with `decline_code`), `pm_card_authenticationRequired` (`requires_action` on session; 402
 *   `authentication_required` off session, as Stripe), and the simulator's own `pm_usBankAccount_processing`
 *   (`processing` until `settlePaymentIntent`);
 * - Connect express accounts, account links, onboarding completed by `completeOnboarding` or by opening the link;
 * - PaymentIntents (create, confirm, cancel, retrieve, list) with destination charges: charge, Stripe fee
 *   (fees.ts), transfer, application fee, each with its balance transaction on the platform;
 * - refunds (`reverse_transfer`, `refund_application_fee`), disputes and their outcome, automatic payouts that
 *   sweep the available balance, paid or failed;
 * - lists with Stripe's pagination and `created` filters; `expand[]` on any id the simulator keeps;
 * - idempotency keys on POST (replay, 400 on other parameters, 409 while in progress), per API key and account;
 * - faults on the next matching requests or at random from a seed (faults.ts);
 * - events for every state change, delivered signed to a webhook URL when the test asks, optionally duplicated
 *   and shuffled; a delivery not answered with a 2xx stays pending, as Stripe retries it.
 *
 * Not simulated: any other endpoint (501 `api_error` naming it), updates (`POST /v1/customers/:id` …), manual
 * capture, Checkout, invoices and subscriptions, direct charges and separate transfers, the connected accounts' own
 * balances and payouts (state is the platform's; `Stripe-Account` only scopes idempotency keys), `on_behalf_of`,
 * currencies conversion, Radar, 3-D Secure pages, the SetupIntent declines Stripe gives for some cards, dispute
 * evidence, payout schedules and instant payouts, search endpoints, API versions (one shape for all),
 * `auto_paging`, test clocks, and rate limits other than injected ones.
 *
 * Determinism: ids are a counter with the seed in them, the clock is `now`, and the random faults and webhook
 * shuffles come from seeded streams; the same seed, clock and sequence of requests give the same state.
 */
import type http from 'node:http';
import { platformBalance, type PlatformBalance } from './balance';
import { completeOnboarding } from './connect';
import { controlRoutes } from './control-routes';
import { closeDispute, createDispute, type DisputeOptions } from './disputes';
import { FaultInjector, type FaultRule, type InjectedFault, type RandomFaultOptions } from './faults';
import { STRIPE_STANDARD_FEES, type FeeRule } from './fees';
import { startHttpServer } from './http-server';
import { IdempotencyKeys } from './idempotency';
import { settlePaymentIntent } from './payment-intents';
import { createPayouts, settlePayout, type PayoutFailureCode } from './payouts';
import { deriveSeed } from './prng';
import { SimulatorStore } from './store';
import type {
  Account,
  BalanceTransaction,
  Charge,
  Dispute,
  ObjectName,
  ObjectOf,
  PaymentIntent,
  Payout,
  StoredObject,
  StripeEvent,
} from './stripe-objects.types';
import { WebhookDispatcher, type DeliveryOptions, type WebhookDelivery } from './webhooks';

export type { FeeRule } from './fees';
export { STRIPE_STANDARD_FEES, currencyExponent } from './fees';
export type { FaultKind, FaultRule, InjectedFault, RandomFaultOptions } from './faults';
export type { DeliveryOptions, WebhookDelivery } from './webhooks';
export type { PlatformBalance } from './balance';
export type { PayoutFailureCode } from './payouts';
export type { DisputeOptions } from './disputes';
export { TEST_PAYMENT_METHODS, type TestPaymentMethod, type PaymentOutcome } from './test-payment-methods';
export { mulberry32, type Rng } from './prng';
export type * from './stripe-objects.types';

export type StripeSimulatorOptions = {
  /** stripe-mock's base URL, e.g. `process.env.USEFIRST_TEST_STRIPE_API_URL`. */
  stripeMockUrl: string;
  /** Where events go (our server's `POST /webhooks/stripe`); can be set later with `setWebhookUrl`. */
  webhookUrl?: string;
  /** The endpoint's signing secret (`whsec_…`) that the receiver verifies with. */
  webhookSecret: string;
  /** Seeds the ids, the random faults and the webhook shuffles; 1 when absent. */
  seed?: number;
  /** The simulator's clock in epoch seconds: `created` on every object and event. The real clock when absent. */
  now?: () => number;
  /** Stripe's fees; `STRIPE_STANDARD_FEES` (2.9% + 0.30, dispute fee 15.00) when absent. */
  feeRule?: FeeRule;
  /** Seconds before a charge's funds are available for a payout; 0 when absent. */
  availabilityDelaySeconds?: number;
  /** The clock for webhook signature timestamps; the real clock when absent, as receivers check against theirs. */
  signatureNow?: () => number;
};

/** Everything a test (or the HTTP control routes) can do beyond the Stripe API. Objects returned are copies. */
export type StripeSimulatorControls = {
  // Connect
  completeOnboarding(accountId: string): Account;
  // Payments that wait: `processing` (pm_usBankAccount_processing) or `requires_action` (authentication)
  settlePaymentIntent(paymentIntentId: string, outcome: 'succeeded' | 'failed'): PaymentIntent;
  // Disputes
  createDispute(chargeId: string, options?: DisputeOptions): Dispute;
  closeDispute(disputeId: string, outcome: 'won' | 'lost'): Dispute;
  // Payouts
  createPayouts(options?: { currency?: string }): Payout[];
  settlePayout(payoutId: string, outcome: 'paid' | 'failed', failureCode?: PayoutFailureCode): Payout;
  // Faults
  injectFault(rule: FaultRule): void;
  setRandomFaults(options: RandomFaultOptions | null): void;
  clearFaults(): void;
  injectedFaults(): InjectedFault[];
  // Webhooks
  pendingEvents(): StripeEvent[];
  allEvents(): StripeEvent[];
  deliverPendingEvents(options?: DeliveryOptions): Promise<WebhookDelivery[]>;
  redeliverEvent(eventId: string): Promise<WebhookDelivery>;
  // Inspection, oldest first
  objects<Name extends ObjectName>(name: Name): ObjectOf<Name>[];
  paymentIntents(): PaymentIntent[];
  charges(): Charge[];
  succeededCharges(): Charge[];
  /** How many succeeded charges carry each `metadata.obligationId`: more than 1 is a double charge. */
  succeededChargeCountsByObligation(): { [obligationId: string]: number };
  balanceTransactions(): BalanceTransaction[];
  balance(): PlatformBalance;
  /** Forgets all state, keys, faults and events; the URL, webhook URL and options stay. */
  reset(): void;
};

export type StripeSimulator = StripeSimulatorControls & {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  readonly seed: number;
  setWebhookUrl(url: string | undefined): void;
  stop(): Promise<void>;
};

const WEBHOOK_STREAM = 1;

export async function startStripeSimulator(options: StripeSimulatorOptions): Promise<StripeSimulator> {
  const seed = options.seed ?? 1;
  const realNow = () => Math.floor(Date.now() / 1000);
  const store = new SimulatorStore({
    seed,
    now: options.now ?? realNow,
    fees: options.feeRule ?? STRIPE_STANDARD_FEES,
    availabilityDelaySeconds: options.availabilityDelaySeconds ?? 0,
  });
  const idempotency = new IdempotencyKeys(() => store.now());
  const faults = new FaultInjector();
  const webhooks = new WebhookDispatcher(
    store,
    options.webhookSecret,
    deriveSeed(seed, WEBHOOK_STREAM),
    options.signatureNow ?? realNow,
    options.webhookUrl,
  );
  const copy = <T extends StoredObject>(object: T): T => store.render(object) as T;
  const copies = <T extends StoredObject>(objects: T[]): T[] => objects.map(copy);
  const controlCall = <T extends StoredObject>(change: () => T): T => {
    store.origin = { id: null, idempotencyKey: null };
    return copy(change());
  };

  const controls: StripeSimulatorControls = {
    completeOnboarding: (accountId) => controlCall(() => completeOnboarding(store, accountId)),
    settlePaymentIntent: (id, outcome) => controlCall(() => settlePaymentIntent(store, id, outcome)),
    createDispute: (chargeId, disputeOptions) =>
      controlCall(() => createDispute(store, chargeId, disputeOptions)),
    closeDispute: (disputeId, outcome) => controlCall(() => closeDispute(store, disputeId, outcome)),
    createPayouts: (payoutOptions) => copies(createPayouts(store, payoutOptions)),
    settlePayout: (payoutId, outcome, failureCode) =>
      controlCall(() => settlePayout(store, payoutId, outcome, failureCode)),
    injectFault: (rule) => faults.inject(rule),
    setRandomFaults: (randomOptions) => faults.setRandom(randomOptions),
    clearFaults: () => faults.clear(),
    injectedFaults: () => [...faults.log],
    pendingEvents: () => copies(webhooks.pending()),
    allEvents: () => copies(store.all('event')),
    deliverPendingEvents: (deliveryOptions) => webhooks.deliverPending(deliveryOptions),
    redeliverEvent: (eventId) => webhooks.redeliver(eventId),
    objects: (name) => copies(store.all(name)),
    paymentIntents: () => copies(store.all('payment_intent')),
    charges: () => copies(store.all('charge')),
    succeededCharges: () => copies(store.all('charge').filter((charge) => charge.status === 'succeeded')),
    succeededChargeCountsByObligation: () => {
      const counts: { [obligationId: string]: number } = {};
      for (const charge of store.all('charge')) {
        const obligationId = charge.metadata.obligationId;
        if (charge.status === 'succeeded' && obligationId)
          counts[obligationId] = (counts[obligationId] ?? 0) + 1;
      }
      return counts;
    },
    balanceTransactions: () => copies(store.all('balance_transaction')),
    balance: () => platformBalance(store),
    reset: () => {
      store.reset();
      idempotency.reset();
      faults.clear();
      faults.log.length = 0;
      webhooks.reset();
    },
  };

  const { server, port } = await startHttpServer({
    store,
    idempotency,
    faults,
    stripeMockUrl: options.stripeMockUrl.replace(/\/$/, ''),
    control: controlRoutes(controls),
  });
  const host = '127.0.0.1';
  return {
    ...controls,
    url: `http://${host}:${port}`,
    host,
    port,
    seed,
    setWebhookUrl: (url) => {
      webhooks.url = url;
    },
    stop: () => closeServer(server),
  };
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });
}

import { noSuch } from './errors';
import type { PaymentMethod } from './stripe-objects.types';
import type { SimulatorStore } from './store';

/** What a payment with this method does when confirmed. */
export type PaymentOutcome =
  | { kind: 'succeed' }
  | { kind: 'decline'; declineCode: string; severity: 'soft' | 'hard'; message: string }
  | { kind: 'authentication_required' }
  | { kind: 'processing' };

export type TestPaymentMethod = {
  token: string;
  type: 'card' | 'us_bank_account';
  brand: string;
  last4: string;
  outcome: PaymentOutcome;
};

const card = (token: string, brand: string, last4: string, outcome: PaymentOutcome): TestPaymentMethod => ({
  token,
  type: 'card',
  brand,
  last4,
  outcome,
});
const decline = (declineCode: string, severity: 'soft' | 'hard', message: string): PaymentOutcome => ({
  kind: 'decline',
  declineCode,
  severity,
  message,
});

/**
 * Stripe's test payment method ids (https://docs.stripe.com/testing), plus one of the simulator's own.
 *
 * Soft declines may succeed when retried later; hard ones never will (the card is lost, stolen or fraud is
 * suspected), so billing should stop retrying and ask for another card.
 *
 * Unlike Stripe, where several of these cards are refused already when saved with a SetupIntent, the simulator
 * lets every one be saved, so that a test can save a card and see its decline on a later off-session charge.
 */
const TEST_PAYMENT_METHOD_LIST: TestPaymentMethod[] = [
  card('pm_card_visa', 'visa', '4242', { kind: 'succeed' }),
  card('pm_card_mastercard', 'mastercard', '4444', { kind: 'succeed' }),
  card(
    'pm_card_chargeDeclined',
    'visa',
    '0002',
    decline('generic_decline', 'soft', 'Your card was declined.'),
  ),
  card(
    'pm_card_chargeDeclinedInsufficientFunds',
    'visa',
    '9995',
    decline('insufficient_funds', 'soft', 'Your card has insufficient funds.'),
  ),
  card(
    'pm_card_chargeCustomerFail',
    'visa',
    '0341',
    decline('generic_decline', 'soft', 'Your card was declined.'),
  ),
  card(
    'pm_card_chargeDeclinedLostCard',
    'visa',
    '9987',
    decline('lost_card', 'hard', 'Your card was declined.'),
  ),
  card(
    'pm_card_chargeDeclinedStolenCard',
    'visa',
    '9979',
    decline('stolen_card', 'hard', 'Your card was declined.'),
  ),
  card(
    'pm_card_chargeDeclinedFraudulent',
    'visa',
    '0019',
    decline('fraudulent', 'hard', 'Your card was declined.'),
  ),
  card('pm_card_authenticationRequired', 'visa', '3184', { kind: 'authentication_required' }),
  // The simulator's own: an ACH debit that stays `processing` until the test calls
  // `settlePaymentIntent(id, 'succeeded' | 'failed')`. Stripe has no test id that waits for the test.
  {
    token: 'pm_usBankAccount_processing',
    type: 'us_bank_account',
    brand: 'STRIPE TEST BANK',
    last4: '6789',
    outcome: { kind: 'processing' },
  },
];

/** The table above by id. */
export const TEST_PAYMENT_METHODS: { [token: string]: TestPaymentMethod } = Object.fromEntries(
  TEST_PAYMENT_METHOD_LIST.map((method) => [method.token, method]),
);

/**
 * The payment method a request names: a test id creates a new `pm_` as Stripe does (each use of `pm_card_visa`
 * is a new PaymentMethod); a `pm_` the simulator made is looked up.
 */
export function resolvePaymentMethod(
  store: SimulatorStore,
  id: string,
  param = 'payment_method',
): PaymentMethod {
  const existing = store.get('payment_method', id);
  if (existing) return existing;
  const test = TEST_PAYMENT_METHODS[id];
  if (!test) throw noSuch('PaymentMethod', id, param);
  const method: PaymentMethod = {
    id: store.nextId('pm'),
    object: 'payment_method',
    created: store.now(),
    livemode: false,
    type: test.type,
    customer: null,
    billing_details: { address: null, email: null, name: null, phone: null },
    card:
      test.type === 'card'
        ? {
            brand: test.brand,
            last4: test.last4,
            exp_month: 12,
            exp_year: 2034,
            funding: 'credit',
            country: 'US',
          }
        : null,
    us_bank_account:
      test.type === 'us_bank_account'
        ? { bank_name: test.brand, last4: test.last4, routing_number: '110000000', account_type: 'checking' }
        : null,
    metadata: {},
  };
  store.insert(method);
  store.behaviourOfPaymentMethod.set(method.id, test);
  return method;
}

export function behaviourOf(store: SimulatorStore, paymentMethodId: string): TestPaymentMethod {
  const behaviour = store.behaviourOfPaymentMethod.get(paymentMethodId);
  if (!behaviour) throw noSuch('PaymentMethod', paymentMethodId, 'payment_method');
  return behaviour;
}

import { recordSucceededPayment } from './destination-charges';
import { docUrl, invalidRequest, noSuch, StripeApiError, unexpectedState } from './errors';
import type { Params } from './params';
import { paymentMethodTypes } from './customers';
import type { Charge, PaymentIntent, PaymentMethod, StripeErrorObject } from './stripe-objects.types';
import type { SimulatorStore } from './store';
import { behaviourOf, resolvePaymentMethod } from './test-payment-methods';

const CANCELABLE: PaymentIntent['status'][] = [
  'requires_payment_method',
  'requires_confirmation',
  'requires_action',
];

/**
 * PaymentIntents with automatic capture, confirmed on creation or later. What a confirmation does depends on the
 * payment method's test id (see test-payment-methods.ts); a decline answers 402 like Stripe, after recording the
 * failed charge and the events.
 */
export function createPaymentIntent(store: SimulatorStore, params: Params): PaymentIntent {
  const amount = params.requiredInteger('amount');
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  const currency = params.requiredString('currency').toLowerCase();
  const customerId = params.string('customer');
  if (customerId) store.getOrThrow('customer', customerId, 'customer', 'customer');
  const destination = destinationOf(store, params);
  const applicationFeeAmount = params.integer('application_fee_amount') ?? null;
  if (applicationFeeAmount !== null) {
    if (!destination) {
      throw invalidRequest(
        'Can only apply an application_fee_amount when the PaymentIntent is attempting a direct payment (using an OAuth key or Stripe-Account header) or destination payment (using `transfer_data[destination]`).',
        { param: 'application_fee_amount' },
      );
    }
    if (applicationFeeAmount < 0 || applicationFeeAmount > amount) {
      throw invalidRequest(
        'The application fee amount must be between 0 and the amount of the PaymentIntent.',
        {
          param: 'application_fee_amount',
        },
      );
    }
  }
  const paymentMethodId = params.string('payment_method');
  const paymentMethod = paymentMethodId ? resolvePaymentMethod(store, paymentMethodId) : undefined;
  const id = store.nextId('pi');
  const intent = store.insert<PaymentIntent>({
    id,
    object: 'payment_intent',
    created: store.now(),
    livemode: false,
    amount,
    amount_capturable: 0,
    amount_received: 0,
    currency,
    customer: customerId ?? null,
    description: params.string('description') ?? null,
    payment_method: paymentMethod?.id ?? null,
    payment_method_types: paymentMethodTypes(params, paymentMethod?.type),
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    capture_method: 'automatic',
    confirmation_method: 'automatic',
    client_secret: `${id}_secret_simulated`,
    latest_charge: null,
    last_payment_error: null,
    next_action: null,
    application_fee_amount: applicationFeeAmount,
    transfer_data: destination ? { destination } : null,
    transfer_group: params.string('transfer_group') ?? null,
    on_behalf_of: null,
    setup_future_usage: params.string('setup_future_usage') ?? null,
    canceled_at: null,
    cancellation_reason: null,
    receipt_email: null,
    metadata: params.metadata(),
  });
  store.emit('payment_intent.created', intent);
  return params.boolean('confirm') ? confirmPaymentIntent(store, intent, params) : intent;
}

function destinationOf(store: SimulatorStore, params: Params): string | undefined {
  const destination = params.object('transfer_data')?.string('destination');
  if (!destination) return undefined;
  const account = store.get('account', destination);
  if (!account) throw noSuch('destination', destination, 'transfer_data[destination]');
  if (account.capabilities.transfers !== 'active') {
    throw invalidRequest(
      'Your destination account needs to have at least one of the following capabilities enabled: transfers, crypto_transfers, legacy_payments',
      { code: 'insufficient_capabilities_for_transfer', param: 'transfer_data[destination]' },
    );
  }
  return destination;
}

export function confirmPaymentIntent(
  store: SimulatorStore,
  intent: PaymentIntent,
  params: Params,
): PaymentIntent {
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      `You cannot confirm this PaymentIntent because it has a status of ${intent.status}.`,
    );
  }
  const override = params.string('payment_method');
  if (override) intent.payment_method = resolvePaymentMethod(store, override).id;
  if (!intent.payment_method) {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      'You cannot confirm this PaymentIntent because it is missing a payment method. You can either update the PaymentIntent with a payment method and then confirm it again, or confirm it again directly with a payment method.',
    );
  }
  const paymentMethod = store.getOrThrow(
    'payment_method',
    intent.payment_method,
    'PaymentMethod',
    'payment_method',
  );
  // Stripe accepts `true` or the strings `one_off` / `recurring`.
  const offSession = params.boolean('off_session');
  const outcome = behaviourOf(store, paymentMethod.id).outcome;
  switch (outcome.kind) {
    case 'succeed':
      return succeed(store, intent, newCharge(store, intent, paymentMethod, 'succeeded'));
    case 'processing': {
      const charge = newCharge(store, intent, paymentMethod, 'pending');
      intent.status = 'processing';
      intent.latest_charge = charge.id;
      store.emit('charge.pending', charge);
      store.emit('payment_intent.processing', intent);
      return intent;
    }
    case 'authentication_required':
      if (offSession) {
        return fail(store, intent, paymentMethod, {
          code: 'authentication_required',
          declineCode: 'authentication_required',
          message: 'Your card was declined. This transaction requires authentication.',
        });
      }
      intent.status = 'requires_action';
      intent.next_action = { type: 'use_stripe_sdk', use_stripe_sdk: { type: 'three_d_secure_redirect' } };
      store.emit('payment_intent.requires_action', intent);
      return intent;
    case 'decline':
      return fail(store, intent, paymentMethod, {
        code: 'card_declined',
        declineCode: outcome.declineCode,
        message: outcome.message,
      });
  }
}

export function cancelPaymentIntent(
  store: SimulatorStore,
  intent: PaymentIntent,
  params: Params,
): PaymentIntent {
  if (!CANCELABLE.includes(intent.status)) {
    throw unexpectedState(
      'payment_intent_unexpected_state',
      `You cannot cancel this PaymentIntent because it has a status of ${intent.status}. Only a PaymentIntent with one of the following statuses may be canceled: requires_payment_method, requires_capture, requires_confirmation, requires_action, processing.`,
    );
  }
  intent.status = 'canceled';
  intent.canceled_at = store.now();
  intent.cancellation_reason = params.string('cancellation_reason') ?? null;
  intent.next_action = null;
  store.emit('payment_intent.canceled', intent);
  return intent;
}

/**
 * What happens later to a payment that waits: a `processing` bank debit clears or bounces, a `requires_action`
 * card is authenticated or not. Control call only; Stripe does this on its own.
 */
export function settlePaymentIntent(
  store: SimulatorStore,
  paymentIntentId: string,
  outcome: 'succeeded' | 'failed',
): PaymentIntent {
  const intent = store.getOrThrow('payment_intent', paymentIntentId, 'payment_intent');
  const paymentMethod = store.getOrThrow('payment_method', intent.payment_method ?? '', 'PaymentMethod');
  if (intent.status === 'processing') {
    const charge = store.getOrThrow('charge', intent.latest_charge ?? '', 'charge');
    if (outcome === 'succeeded') {
      charge.status = 'succeeded';
      charge.paid = true;
      charge.captured = true;
      charge.amount_captured = charge.amount;
      return succeed(store, intent, charge);
    }
    failCharge(
      charge,
      'insufficient_funds',
      "The customer's account has insufficient funds to cover this payment.",
    );
    intent.status = 'requires_payment_method';
    intent.last_payment_error = paymentError(store, charge, paymentMethod, {
      code: 'insufficient_funds',
      message: "The customer's account has insufficient funds to cover this payment.",
    });
    store.emit('charge.failed', charge);
    store.emit('payment_intent.payment_failed', intent);
    return intent;
  }
  if (intent.status === 'requires_action') {
    intent.next_action = null;
    if (outcome === 'succeeded')
      return succeed(store, intent, newCharge(store, intent, paymentMethod, 'succeeded'));
    intent.status = 'requires_payment_method';
    intent.last_payment_error = {
      type: 'invalid_request_error',
      code: 'payment_intent_authentication_failure',
      message:
        'The provided PaymentMethod has failed authentication. You can provide payment_method_data or a new PaymentMethod to attempt to fulfill this PaymentIntent again.',
      payment_method: store.render(paymentMethod),
      ...docUrl('payment_intent_authentication_failure'),
    };
    store.emit('payment_intent.payment_failed', intent);
    return intent;
  }
  throw new Error(
    `PaymentIntent ${intent.id} is ${intent.status}: only processing or requires_action can settle`,
  );
}

function succeed(store: SimulatorStore, intent: PaymentIntent, charge: Charge): PaymentIntent {
  intent.status = 'succeeded';
  intent.amount_received = intent.amount;
  intent.latest_charge = charge.id;
  intent.last_payment_error = null;
  const { transfer, applicationFee } = recordSucceededPayment(store, intent, charge);
  // Stripe's order: the charge and the PaymentIntent first, then the Connect side.
  store.emit('charge.succeeded', charge);
  store.emit('payment_intent.succeeded', intent);
  if (transfer) store.emit('transfer.created', transfer);
  if (applicationFee) store.emit('application_fee.created', applicationFee);
  return intent;
}

type Failure = { code: string; declineCode?: string; message: string };

/** Records the failed attempt, then answers as Stripe does: 402 with the PaymentIntent inside the error. */
function fail(
  store: SimulatorStore,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  failure: Failure,
): never {
  const charge = newCharge(store, intent, paymentMethod, 'failed');
  failCharge(charge, failure.code, failure.message, failure.declineCode);
  intent.status = 'requires_payment_method';
  intent.latest_charge = charge.id;
  intent.last_payment_error = paymentError(store, charge, paymentMethod, failure);
  store.emit('charge.failed', charge);
  store.emit('payment_intent.payment_failed', intent);
  const { payment_method: _omit, ...error } = intent.last_payment_error;
  throw new StripeApiError(
    402,
    { ...error, payment_intent: store.render(intent), payment_method: store.render(paymentMethod) },
    true,
  );
}

function paymentError(
  store: SimulatorStore,
  charge: Charge,
  paymentMethod: PaymentMethod,
  failure: Failure,
): StripeErrorObject {
  return {
    type: 'card_error',
    charge: charge.id,
    code: failure.code,
    ...(failure.declineCode ? { decline_code: failure.declineCode } : {}),
    message: failure.message,
    payment_method: store.render(paymentMethod),
    ...docUrl(failure.code),
  };
}

function failCharge(charge: Charge, code: string, message: string, declineCode?: string): void {
  charge.status = 'failed';
  charge.paid = false;
  charge.captured = false;
  charge.amount_captured = 0;
  charge.failure_code = code;
  charge.failure_message = message;
  charge.outcome = {
    network_status: 'declined_by_network',
    reason: declineCode ?? code,
    risk_level: 'normal',
    seller_message: 'The bank did not return any further details with this decline.',
    type: 'issuer_declined',
  };
}

function newCharge(
  store: SimulatorStore,
  intent: PaymentIntent,
  paymentMethod: PaymentMethod,
  status: Charge['status'],
): Charge {
  const succeeded = status === 'succeeded';
  return store.insert<Charge>({
    id: store.nextId('ch'),
    object: 'charge',
    created: store.now(),
    livemode: false,
    amount: intent.amount,
    amount_captured: succeeded ? intent.amount : 0,
    amount_refunded: 0,
    currency: intent.currency,
    customer: intent.customer,
    description: intent.description,
    status,
    paid: succeeded,
    captured: succeeded,
    refunded: false,
    disputed: false,
    balance_transaction: null,
    payment_intent: intent.id,
    payment_method: paymentMethod.id,
    failure_code: null,
    failure_message: null,
    outcome: {
      network_status: 'approved_by_network',
      reason: null,
      risk_level: 'normal',
      seller_message: 'Payment complete.',
      type: 'authorized',
    },
    application_fee: null,
    application_fee_amount: intent.application_fee_amount,
    destination: intent.transfer_data?.destination ?? null,
    transfer: null,
    transfer_data: intent.transfer_data
      ? { destination: intent.transfer_data.destination, amount: null }
      : null,
    transfer_group: intent.transfer_group,
    on_behalf_of: null,
    metadata: { ...intent.metadata },
  });
}

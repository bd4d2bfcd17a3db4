import { unexpectedState } from './errors';
import type { Params } from './params';
import type { Customer, SetupIntent } from './stripe-objects.types';
import type { SimulatorStore } from './store';
import { resolvePaymentMethod } from './test-payment-methods';

/** Customers and the SetupIntents that save a payment method on them for later off-session payments. */
export function createCustomer(store: SimulatorStore, params: Params): Customer {
  const customer = store.insert<Customer>({
    id: store.nextId('cus'),
    object: 'customer',
    created: store.now(),
    livemode: false,
    email: params.string('email') ?? null,
    name: params.string('name') ?? null,
    description: params.string('description') ?? null,
    balance: 0,
    currency: null,
    delinquent: false,
    default_source: null,
    invoice_settings: { default_payment_method: null, custom_fields: null, footer: null },
    metadata: params.metadata(),
  });
  store.emit('customer.created', customer);
  return customer;
}

export function createSetupIntent(store: SimulatorStore, params: Params): SetupIntent {
  const customerId = params.string('customer');
  if (customerId) store.getOrThrow('customer', customerId, 'customer', 'customer');
  const paymentMethodId = params.string('payment_method');
  const paymentMethod = paymentMethodId ? resolvePaymentMethod(store, paymentMethodId) : undefined;
  const id = store.nextId('seti');
  const intent = store.insert<SetupIntent>({
    id,
    object: 'setup_intent',
    created: store.now(),
    livemode: false,
    customer: customerId ?? null,
    payment_method: paymentMethod?.id ?? null,
    payment_method_types: paymentMethodTypes(params, paymentMethod?.type),
    status: paymentMethod ? 'requires_confirmation' : 'requires_payment_method',
    usage: params.string('usage') ?? 'off_session',
    client_secret: `${id}_secret_simulated`,
    description: params.string('description') ?? null,
    last_setup_error: null,
    latest_attempt: null,
    next_action: null,
    cancellation_reason: null,
    metadata: params.metadata(),
  });
  store.emit('setup_intent.created', intent);
  return params.boolean('confirm') ? confirmSetupIntent(store, intent, params) : intent;
}

export function confirmSetupIntent(store: SimulatorStore, intent: SetupIntent, params: Params): SetupIntent {
  if (intent.status !== 'requires_payment_method' && intent.status !== 'requires_confirmation') {
    throw unexpectedState(
      'setup_intent_unexpected_state',
      `You cannot confirm this SetupIntent because it has a status of ${intent.status}.`,
    );
  }
  const override = params.string('payment_method');
  if (override) intent.payment_method = resolvePaymentMethod(store, override).id;
  if (!intent.payment_method) {
    throw unexpectedState(
      'setup_intent_unexpected_state',
      'You cannot confirm this SetupIntent because it is missing a payment method. Update the SetupIntent with a payment method and then confirm it again.',
    );
  }
  const paymentMethod = store.getOrThrow(
    'payment_method',
    intent.payment_method,
    'PaymentMethod',
    'payment_method',
  );
  if (intent.customer && paymentMethod.customer !== intent.customer) {
    paymentMethod.customer = intent.customer;
    store.emit('payment_method.attached', paymentMethod);
  }
  intent.status = 'succeeded';
  store.emit('setup_intent.succeeded', intent);
  return intent;
}

export function paymentMethodTypes(params: Params, used: string | undefined): string[] {
  const asked = params.strings('payment_method_types');
  if (asked.length > 0) return asked;
  return [used ?? 'card'];
}

import { platformBalance } from './balance';
import { createAccount, createAccountLink } from './connect';
import { confirmSetupIntent, createCustomer, createSetupIntent } from './customers';
import { notImplemented } from './errors';
import { expandPaths } from './expand';
import { listObjects } from './lists';
import { Params } from './params';
import { cancelPaymentIntent, confirmPaymentIntent, createPaymentIntent } from './payment-intents';
import { createRefund } from './refunds';
import type { JsonObject, ObjectName, StoredObject } from './stripe-objects.types';
import type { SimulatorStore } from './store';

export type ApiRequest = { method: string; path: string; params: JsonObject; baseUrl: string };

type Collection = { object: ObjectName; label: string; filters: string[] };

/** Collections readable by id and as lists, with the equality filters Stripe offers on each. */
const COLLECTIONS: { [segment: string]: Collection } = {
  customers: { object: 'customer', label: 'customer', filters: ['email'] },
  setup_intents: { object: 'setup_intent', label: 'setupintent', filters: ['customer', 'payment_method'] },
  payment_methods: { object: 'payment_method', label: 'PaymentMethod', filters: ['customer', 'type'] },
  accounts: { object: 'account', label: 'account', filters: [] },
  payment_intents: { object: 'payment_intent', label: 'payment_intent', filters: ['customer'] },
  charges: { object: 'charge', label: 'charge', filters: ['customer', 'payment_intent', 'transfer_group'] },
  refunds: { object: 'refund', label: 'refund', filters: ['charge', 'payment_intent'] },
  transfers: { object: 'transfer', label: 'transfer', filters: ['destination', 'transfer_group'] },
  application_fees: { object: 'application_fee', label: 'application fee', filters: ['charge'] },
  disputes: { object: 'dispute', label: 'dispute', filters: ['charge', 'payment_intent'] },
  payouts: { object: 'payout', label: 'payout', filters: ['status', 'destination'] },
  balance_transactions: {
    object: 'balance_transaction',
    label: 'balance transaction',
    filters: ['type', 'source', 'currency'],
  },
  events: { object: 'event', label: 'event', filters: ['type'] },
};

/** Answers one API request from the simulator's state: the body of a 200, or a thrown `StripeApiError`. */
export function handleApiRequest(store: SimulatorStore, request: ApiRequest): JsonObject {
  const params = new Params(request.params);
  const body = route(store, request, params);
  return expandPaths(store, body, params.expand());
}

function route(store: SimulatorStore, request: ApiRequest, params: Params): JsonObject {
  const { method, path } = request;
  const [, version, segment, id, action, ...extra] = path.split('/');
  if (version !== 'v1' || extra.length > 0) throw notImplemented(method, path);
  const one = (object: StoredObject) => store.render(object);

  if (method === 'POST') {
    switch (`${segment}${id ? '/:id' : ''}${action ? `/${action}` : ''}`) {
      case 'customers':
        return one(createCustomer(store, params));
      case 'setup_intents':
        return one(createSetupIntent(store, params));
      case 'setup_intents/:id/confirm':
        return one(confirmSetupIntent(store, store.getOrThrow('setup_intent', id, 'setupintent'), params));
      case 'accounts':
        return one(createAccount(store, params));
      case 'account_links':
        return createAccountLink(store, params, request.baseUrl);
      case 'payment_intents':
        return one(createPaymentIntent(store, params));
      case 'payment_intents/:id/confirm':
        return one(
          confirmPaymentIntent(store, store.getOrThrow('payment_intent', id, 'payment_intent'), params),
        );
      case 'payment_intents/:id/cancel':
        return one(
          cancelPaymentIntent(store, store.getOrThrow('payment_intent', id, 'payment_intent'), params),
        );
      case 'refunds':
        return one(createRefund(store, params));
    }
    throw notImplemented(method, path);
  }

  if (method !== 'GET' || action) throw notImplemented(method, path);
  if (segment === 'balance' && !id) return balanceObject(store);
  const collection = COLLECTIONS[segment];
  if (!collection) throw notImplemented(method, path);
  if (id) return one(store.getOrThrow(collection.object, id, collection.label));
  return listObjects(store, select(store, collection, params), params, path);
}

function select(store: SimulatorStore, collection: Collection, params: Params): StoredObject[] {
  let objects: StoredObject[] = store.all(collection.object);
  for (const filter of collection.filters) {
    const wanted = params.string(filter);
    if (wanted !== undefined) objects = objects.filter((object) => (object as JsonObject)[filter] === wanted);
  }
  if (collection.object === 'balance_transaction') {
    const payout = params.string('payout');
    if (payout) objects = objects.filter((object) => store.payoutOfTransaction.get(object.id) === payout);
  }
  if (collection.object === 'event') {
    const types = params.strings('types');
    if (types.length > 0)
      objects = objects.filter((object) => object.object === 'event' && types.includes(object.type));
  }
  return objects;
}

function balanceObject(store: SimulatorStore): JsonObject {
  const { available, pending } = platformBalance(store);
  const side = (amounts: { [currency: string]: number }) =>
    Object.entries(amounts).map(([currency, amount]) => ({
      amount,
      currency,
      source_types: { card: amount },
    }));
  return { object: 'balance', livemode: false, available: side(available), pending: side(pending) };
}

import Stripe from 'stripe';
import { noSuch } from './errors';
import type { FeeRule } from './fees';
import { IdFactory } from './ids';
import type {
  BalanceTransaction,
  Dispute,
  JsonObject,
  ObjectName,
  ObjectOf,
  StoredObject,
  StripeEvent,
  StripeList,
} from './stripe-objects.types';
import type { TestPaymentMethod } from './test-payment-methods';

export type StoreOptions = {
  seed: number;
  now: () => number;
  fees: FeeRule;
  /** Seconds from a charge to its funds being available for a payout; Stripe's is days, 0 keeps tests simple. */
  availabilityDelaySeconds: number;
};

/** Who caused the next state changes: copied into each event's `request`. Control calls have no request. */
export type RequestOrigin = { id: string | null; idempotencyKey: string | null };

/**
 * All simulated state, in memory: objects by id in creation order, the events recorded, and the simulator's own
 * bookkeeping that Stripe keeps out of its objects (which payout swept a transaction, what a test card does).
 */
export class SimulatorStore {
  readonly ids: IdFactory;
  private objects = new Map<string, StoredObject>();
  /** Transaction id → the payout that swept it (Stripe answers `GET /v1/balance_transactions?payout=` from this). */
  readonly payoutOfTransaction = new Map<string, string>();
  /** Payment method id → the test card or account behind it. */
  readonly behaviourOfPaymentMethod = new Map<string, TestPaymentMethod>();
  /** Events not yet acknowledged with a 2xx by the webhook endpoint, oldest first. */
  pendingEventIds: string[] = [];
  origin: RequestOrigin = { id: null, idempotencyKey: null };

  constructor(readonly options: StoreOptions) {
    this.ids = new IdFactory(options.seed);
  }

  now(): number {
    return this.options.now();
  }

  get fees(): FeeRule {
    return this.options.fees;
  }

  nextId(prefix: string): string {
    return this.ids.next(prefix);
  }

  insert<T extends StoredObject>(object: T): T {
    this.objects.set(object.id, object);
    return object;
  }

  find(id: string): StoredObject | undefined {
    return this.objects.get(id);
  }

  get<Name extends ObjectName>(name: Name, id: string): ObjectOf<Name> | undefined {
    const found = this.objects.get(id);
    return found && found.object === name ? (found as ObjectOf<Name>) : undefined;
  }

  getOrThrow<Name extends ObjectName>(name: Name, id: string, label: string, param?: string): ObjectOf<Name> {
    const found = this.get(name, id);
    if (!found) throw noSuch(label, id, param);
    return found;
  }

  /** Every object of a kind, oldest first (ids are counter-based, and a Map keeps insertion order). */
  all<Name extends ObjectName>(name: Name): ObjectOf<Name>[] {
    const result: ObjectOf<Name>[] = [];
    for (const object of this.objects.values())
      if (object.object === name) result.push(object as ObjectOf<Name>);
    return result;
  }

  /** A copy as the API shows it now: a balance transaction's status follows the clock. */
  render(object: StoredObject): JsonObject {
    const copy = structuredClone(object) as JsonObject;
    if (object.object === 'balance_transaction') copy.status = this.transactionStatus(object);
    if (object.object === 'dispute') copy.balance_transactions = this.renderDisputeTransactions(object);
    // Stripe embeds these sub-lists as objects; the simulator keeps their ids.
    if (object.object === 'transfer') copy.reversals = this.renderSubList(object.reversals);
    if (object.object === 'application_fee') copy.refunds = this.renderSubList(object.refunds);
    return copy;
  }

  transactionStatus(transaction: BalanceTransaction): 'available' | 'pending' {
    return this.now() >= transaction.available_on ? 'available' : 'pending';
  }

  private renderSubList(list: StripeList<string>): JsonObject {
    const data: JsonObject[] = [];
    for (const id of list.data) {
      const found = this.find(id);
      if (found) data.push(this.render(found));
    }
    return { ...list, data };
  }

  private renderDisputeTransactions(dispute: Dispute): JsonObject[] {
    return dispute.balance_transactions.map((transaction) =>
      this.render(this.get('balance_transaction', transaction.id) ?? transaction),
    );
  }

  /** Records that `object` changed, with a snapshot of it as it is now. */
  emit(
    type: string,
    object: StoredObject,
    options: { previousAttributes?: JsonObject; account?: string } = {},
  ): StripeEvent {
    const event: StripeEvent = {
      id: this.nextId('evt'),
      object: 'event',
      api_version: Stripe.API_VERSION,
      created: this.now(),
      livemode: false,
      type,
      ...(options.account ? { account: options.account } : {}),
      data: {
        object: this.render(object),
        ...(options.previousAttributes ? { previous_attributes: options.previousAttributes } : {}),
      },
      pending_webhooks: 1,
      request: { id: this.origin.id, idempotency_key: this.origin.idempotencyKey },
    };
    this.insert(event);
    this.pendingEventIds.push(event.id);
    return event;
  }

  reset(): void {
    this.objects.clear();
    this.payoutOfTransaction.clear();
    this.behaviourOfPaymentMethod.clear();
    this.pendingEventIds = [];
    this.origin = { id: null, idempotencyKey: null };
    this.ids.reset();
  }
}

import Stripe from 'stripe';
import { mulberry32, shuffleInPlace, type Rng } from './prng';
import type { StripeEvent } from './stripe-objects.types';
import type { SimulatorStore } from './store';

export type DeliveryOptions = {
  /** Deliver each event a second time: always (`true`) or with this probability. */
  duplicate?: boolean | number;
  /** Deliver in a random order instead of the order the events happened. */
  shuffle?: boolean;
  /** The randomness for `duplicate` and `shuffle`; the simulator's seeded webhook stream when absent. */
  rng?: Rng;
};

/** One POST to the webhook endpoint; `status` 0 when the connection failed. */
export type WebhookDelivery = { eventId: string; type: string; status: number };

/**
 * Sends recorded events to the webhook URL only when a test asks, signed like Stripe's (`Stripe-Signature`, checked
 * by `stripe.webhooks.constructEvent`). An event stays pending until the endpoint answers it with a 2xx, as Stripe
 * retries failed deliveries. Deliveries go one at a time, so their order is the order chosen here.
 */
export class WebhookDispatcher {
  url: string | undefined;
  private rng: Rng;

  constructor(
    private readonly store: SimulatorStore,
    private readonly secret: string,
    private readonly seed: number,
    /** Signature timestamps: the real clock by default, since the receiver checks them against its own. */
    private readonly signatureNow: () => number,
    url: string | undefined,
  ) {
    this.url = url;
    this.rng = mulberry32(seed);
  }

  pending(): StripeEvent[] {
    return this.store.pendingEventIds.map((id) => this.store.getOrThrow('event', id, 'event'));
  }

  async deliverPending(options: DeliveryOptions = {}): Promise<WebhookDelivery[]> {
    const rng = options.rng ?? this.rng;
    const events = this.pending();
    const queue: StripeEvent[] = [];
    for (const event of events) {
      queue.push(event);
      const duplicate = options.duplicate ?? false;
      if (duplicate === true || (typeof duplicate === 'number' && rng() < duplicate)) queue.push(event);
    }
    if (options.shuffle) shuffleInPlace(queue, rng);
    const deliveries: WebhookDelivery[] = [];
    for (const event of queue) deliveries.push(await this.deliver(event));
    return deliveries;
  }

  async redeliver(eventId: string): Promise<WebhookDelivery> {
    return this.deliver(this.store.getOrThrow('event', eventId, 'event'));
  }

  reset(): void {
    this.rng = mulberry32(this.seed);
  }

  private async deliver(event: StripeEvent): Promise<WebhookDelivery> {
    if (!this.url) throw new Error('No webhook URL: pass webhookUrl or call setWebhookUrl() first');
    const payload = JSON.stringify(event, null, 2);
    const signature = Stripe.webhooks.generateTestHeaderString({
      payload,
      secret: this.secret,
      timestamp: this.signatureNow(),
    });
    let status: number;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Stripe-Signature': signature,
          'User-Agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
        },
        body: payload,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch {
      status = 0;
    }
    if (status >= 200 && status < 300) this.acknowledge(event);
    return { eventId: event.id, type: event.type, status };
  }

  private acknowledge(event: StripeEvent): void {
    this.store.pendingEventIds = this.store.pendingEventIds.filter((id) => id !== event.id);
    event.pending_webhooks = 0;
  }
}

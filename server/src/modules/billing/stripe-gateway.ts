import Stripe from 'stripe';
import { logger } from '../../common/logger';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Every call the billing run makes to Stripe goes through here, for two of Stripe's rules: stay under the rate
 * limit (requests are spaced 1/rate seconds apart, so no second ever holds more than `requestsPerSecond` of them),
 * and answer a 429 by slowing down: the whole gateway pauses with exponential backoff and jitter, then the same
 * request is sent again (it carries its idempotency key, so sending it again is safe).
 *
 * A small pacer rather than a general rate-limiting library: what is needed is exact spacing plus a shared pause,
 * which is a dozen lines here and a configuration puzzle in the libraries we looked at.
 */
export class StripeGateway {
  private nextSlot = 0;
  private pausedUntil = 0;
  requestsSent = 0;
  rateLimited = 0;

  constructor(
    readonly stripe: Stripe,
    private readonly requestsPerSecond: number,
    private readonly maxRateLimitRetries = 5,
  ) {}

  async call<T>(request: (stripe: Stripe) => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      await this.waitForSlot();
      this.requestsSent++;
      try {
        return await request(this.stripe);
      } catch (error) {
        if (!(error instanceof Stripe.errors.StripeRateLimitError) || retry >= this.maxRateLimitRetries)
          throw error;
        this.rateLimited++;
        const backoff = Math.min(8_000, 250 * 2 ** retry) * (0.5 + Math.random() / 2);
        this.pausedUntil = Math.max(this.pausedUntil, Date.now() + backoff);
        logger.warn({ retry, backoffMs: Math.round(backoff) }, 'Stripe asked us to slow down (429)');
      }
    }
  }

  private async waitForSlot(): Promise<void> {
    const interval = 1_000 / this.requestsPerSecond;
    const slot = Math.max(Date.now(), this.nextSlot, this.pausedUntil);
    this.nextSlot = slot + interval;
    const wait = slot - Date.now();
    if (wait > 0) await sleep(wait);
  }
}

import type { StripeErrorObject } from './stripe-objects.types';

/** An answer as it went out, to be replayed byte for byte. */
export type RecordedResponse = { status: number; body: string };

type Entry =
  | { state: 'in-progress' }
  | {
      state: 'done';
      method: string;
      path: string;
      fingerprint: string;
      response: RecordedResponse;
      at: number;
    };

export type IdempotencyDecision =
  | { kind: 'proceed' }
  | { kind: 'replay'; response: RecordedResponse }
  | { kind: 'refuse'; status: 400 | 409; error: StripeErrorObject };

// Stripe forgets a key after 24 hours; the simulator's clock decides when that is.
const KEY_LIFETIME_SECONDS = 24 * 60 * 60;

/**
 * Stripe's idempotency keys on POST, scoped to the API key and the `Stripe-Account` the request acts for:
 * the first answer is kept and replayed for the same parameters; other parameters or another endpoint are refused
 * (400); a key whose first request is still running is refused with 409. A request refused by validation keeps no
 * answer, so its key may be used again.
 */
export class IdempotencyKeys {
  private entries = new Map<string, Entry>();

  constructor(private readonly now: () => number) {}

  begin(scope: string, key: string, method: string, path: string, fingerprint: string): IdempotencyDecision {
    const id = `${scope}\u0000${key}`;
    const entry = this.entries.get(id);
    if (entry?.state === 'in-progress') {
      return {
        kind: 'refuse',
        status: 409,
        error: {
          type: 'idempotency_error',
          message: `There is currently another in-progress request using this Idempotent Key (that probably means you submitted twice, and the other request is still going through): ${key}. Please try again later.`,
        },
      };
    }
    if (entry?.state === 'done' && this.now() - entry.at < KEY_LIFETIME_SECONDS) {
      if (entry.method !== method || entry.path !== path) {
        return {
          kind: 'refuse',
          status: 400,
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.method} ${entry.path}' vs '${method} ${path}'). Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        };
      }
      if (entry.fingerprint !== fingerprint) {
        return {
          kind: 'refuse',
          status: 400,
          error: {
            type: 'idempotency_error',
            message: `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`,
          },
        };
      }
      return { kind: 'replay', response: entry.response };
    }
    this.entries.set(id, { state: 'in-progress' });
    return { kind: 'proceed' };
  }

  complete(
    scope: string,
    key: string,
    request: { method: string; path: string; fingerprint: string },
    response: RecordedResponse,
  ): void {
    this.entries.set(`${scope}\u0000${key}`, { state: 'done', ...request, response, at: this.now() });
  }

  abandon(scope: string, key: string): void {
    this.entries.delete(`${scope}\u0000${key}`);
  }

  reset(): void {
    this.entries.clear();
  }
}

/** The parameters as a canonical string: the same parameters in another order are the same request. */
export function fingerprintOf(params: unknown): string {
  return JSON.stringify(params, (_key, value: unknown) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}

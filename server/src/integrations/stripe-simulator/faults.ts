import { mulberry32, type Rng } from './prng';

/**
 * - `drop-after-work`: the request is carried out and kept under its idempotency key, then the connection is
 *   destroyed without an answer (the client cannot know whether it happened).
 * - `error-500-before-work`: 500 `api_error`, nothing done, nothing kept under the key.
 * - `error-500-after-work`: carried out and kept under the key (a retry with the key gets the real answer), then
 *   500 `api_error`, as when a failure hits between Stripe's API and the client.
 * - `rate-limit`: 429 `rate_limit`, nothing done.
 * - `delay`: the request waits `delayMs` after claiming its idempotency key, then runs normally.
 */
export type FaultKind =
  'drop-after-work' | 'error-500-before-work' | 'error-500-after-work' | 'rate-limit' | 'delay';

export type FaultRule = {
  kind: FaultKind;
  /** Any method when absent. */
  method?: string;
  /** Matches the request's path (without query) by prefix, e.g. `/v1/payment_intents`; any path when absent. */
  pathPrefix?: string;
  /** How many matching requests get the fault; 1 when absent. */
  times?: number;
  /** For `delay`; 100 ms when absent. */
  delayMs?: number;
};

export type RandomFaultOptions = {
  seed: number;
  /** Probability of each fault per matching request; they must add up to at most 1. */
  probabilities: Partial<{ [kind in FaultKind]: number }>;
  method?: string;
  pathPrefix?: string;
  /** `delay` faults wait a whole number of ms drawn up to this; 200 when absent. */
  maxDelayMs?: number;
};

export type Fault = { kind: FaultKind; delayMs: number };
export type InjectedFault = Fault & { method: string; path: string; source: 'rule' | 'random' };

const KINDS: FaultKind[] = [
  'drop-after-work',
  'error-500-before-work',
  'error-500-after-work',
  'rate-limit',
  'delay',
];

/**
 * Chooses the fault, if any, for each API request: queued rules first (in the order given), then the seeded random
 * mode. The random mode draws one number per matching request, so the same seed and the same sequence of requests
 * give the same faults; concurrent requests arrive in an order the simulator does not control.
 */
export class FaultInjector {
  private rules: (FaultRule & { remaining: number })[] = [];
  private random: { options: RandomFaultOptions; rng: Rng } | null = null;
  readonly log: InjectedFault[] = [];

  inject(rule: FaultRule): void {
    this.rules.push({ ...rule, remaining: rule.times ?? 1 });
  }

  setRandom(options: RandomFaultOptions | null): void {
    if (options) {
      const total = Object.values(options.probabilities).reduce((sum, p) => sum + (p ?? 0), 0);
      if (total > 1) throw new Error(`Fault probabilities add up to ${total}, more than 1`);
    }
    this.random = options ? { options, rng: mulberry32(options.seed) } : null;
  }

  clear(): void {
    this.rules = [];
    this.random = null;
  }

  take(method: string, path: string): Fault | null {
    const index = this.rules.findIndex((rule) => matches(rule, method, path));
    if (index >= 0) {
      const rule = this.rules[index];
      rule.remaining -= 1;
      if (rule.remaining <= 0) this.rules.splice(index, 1);
      return this.record({ kind: rule.kind, delayMs: rule.delayMs ?? 100 }, method, path, 'rule');
    }
    if (!this.random || !matches(this.random.options, method, path)) return null;
    const { options, rng } = this.random;
    const draw = rng();
    let threshold = 0;
    for (const kind of KINDS) {
      threshold += options.probabilities[kind] ?? 0;
      if (draw < threshold) {
        const delayMs = kind === 'delay' ? Math.floor(rng() * ((options.maxDelayMs ?? 200) + 1)) : 0;
        return this.record({ kind, delayMs }, method, path, 'random');
      }
    }
    return null;
  }

  private record(fault: Fault, method: string, path: string, source: 'rule' | 'random'): Fault {
    this.log.push({ ...fault, method, path, source });
    return fault;
  }
}

function matches(filter: { method?: string; pathPrefix?: string }, method: string, path: string): boolean {
  return (
    (!filter.method || filter.method.toUpperCase() === method) &&
    (!filter.pathPrefix || path.startsWith(filter.pathPrefix))
  );
}

/**
 * Counter-based ids carrying the seed, e.g. `pi_16z000012` for seed 42: the same seed and the same requests give the
 * same ids, so a failing randomised run replays exactly. One counter for every prefix keeps the creation order
 * visible in the ids themselves.
 */
export class IdFactory {
  private counter = 0;
  private readonly tag: string;

  constructor(seed: number) {
    this.tag = `${(seed >>> 0).toString(36)}z`;
  }

  next(prefix: string): string {
    this.counter += 1;
    return `${prefix}_${this.tag}${String(this.counter).padStart(6, '0')}`;
  }

  /** The position of the last id handed out: the tie-breaker for objects created in the same second. */
  get sequence(): number {
    return this.counter;
  }

  reset(): void {
    this.counter = 0;
  }
}

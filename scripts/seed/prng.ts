/**
 * A seeded pseudo-random generator for demo data. The catalogue has to come out the same on every machine and in
 * every run (screenshots, tests and bug reports refer to `p-000123`), so nothing in `scripts/seed/` may read the
 * clock or `Math.random()`.
 */

// Module-level aliases: under Jest every global lookup (Math, …) goes through the vm context's interceptor, which
// made these hot loops about ten times slower than in plain Node.
const { floor, imul, min, round } = Math;
export type Rng = {
  /** A float in [0, 1). */
  next(): number;
  /** Restarts the sequence from another seed, reusing the generator (one per record would be 100,000 objects). */
  reseed(seed: number): void;
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number;
  /** A float in [min, max) rounded to `decimals` places. */
  decimal(min: number, max: number, decimals: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight; weights need not add up to 1. */
  pickWeighted<T>(choices: readonly (readonly [T, number])[]): T;
  /** Like pickWeighted, from a table prepared once with `weightedTable` (for hot loops). */
  pickFrom<T>(table: WeightedTable<T>): T;
  /** `count` distinct items in random order (all of them when `count` exceeds the list). */
  sample<T>(items: readonly T[], count: number): T[];
};

export type WeightedTable<T> = { items: readonly T[]; cumulative: readonly number[]; total: number };

export function weightedTable<T>(choices: readonly (readonly [T, number])[]): WeightedTable<T> {
  if (choices.length === 0) throw new RangeError('weightedTable() needs at least one choice');
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of choices) {
    if (!(weight >= 0)) throw new RangeError(`Weights must be non-negative, got ${weight}`);
    total += weight;
    cumulative.push(total);
  }
  return { items: choices.map(([item]) => item), cumulative, total };
}

/** mulberry32: 32 bits of state, fast, and good enough for picking words; not for anything secret. */
export function mulberry32(seed: number): () => number {
  return createRng(seed).next;
}

/**
 * Mixes a seed with a stream number (murmur3's finaliser), so that record n draws from its own stream: adding a
 * word to one record's template never shifts the words of the records after it.
 */
export function deriveSeed(seed: number, stream: number): number {
  let h = (seed ^ imul(stream + 1, 0x9e3779b1)) >>> 0;
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a, to turn a label such as a number-space name into a seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h = imul(h ^ text.charCodeAt(i), 0x01000193);
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  // The mulberry32 step.
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = imul(t ^ (t >>> 15), t | 1);
    t ^= t + imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    reseed(newSeed) {
      state = newSeed >>> 0;
    },
    int: (low, high) => low + floor(next() * (high - low + 1)),
    decimal(low, high, decimals) {
      const factor = 10 ** decimals;
      return round((low + next() * (high - low)) * factor) / factor;
    },
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs at least one item');
      return items[floor(next() * items.length)];
    },
    pickWeighted<T>(choices: readonly (readonly [T, number])[]): T {
      let total = 0;
      for (const [, weight] of choices) total += weight;
      let point = next() * total;
      for (const [item, weight] of choices) {
        point -= weight;
        if (point < 0) return item;
      }
      return choices[choices.length - 1][0];
    },
    pickFrom<T>({ items, cumulative, total }: WeightedTable<T>): T {
      const point = next() * total;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (cumulative[middle] > point) high = middle;
        else low = middle + 1;
      }
      return items[low];
    },
    sample<T>(items: readonly T[], count: number): T[] {
      // Drawing indices until enough are distinct: cheap for the short word lists used here, and it does not copy
      // the list, which matters when 100,000 records each draw a dozen samples.
      const size = items.length;
      const wanted = min(count, size);
      const picked: number[] = [];
      const chosen: T[] = [];
      while (chosen.length < wanted) {
        const index = floor(next() * size);
        if (!picked.includes(index)) {
          picked.push(index);
          chosen.push(items[index]);
        }
      }
      return chosen;
    },
  };
}

/**
 * Every rule that depends on "now" asks a clock, never `new Date()`, so that the contract engine and the billing run
 * can be replayed as of any date and tests can stand still in time.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  instant: Date | string,
): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(instant);
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

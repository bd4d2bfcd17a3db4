import fc from 'fast-check';
import { royaltyAmendmentDelta } from './royalty';
import { sublicenseShare } from './sublicense-share';

const line = (incomeMinor: number, sublicensee = 'Shenzhen Cells Ltd') => ({ sublicensee, incomeMinor });

describe('sublicenseShare', () => {
  it('takes the share of the period total, rounded once half up at the minor unit', () => {
    // ¥10,000.00 at 25 %: 1,000,000 × 2,500 / 10,000 = 250,000 exactly.
    expect(sublicenseShare([line(1_000_000)], 2500)).toBe(250_000);
    // 333 × 1,250 / 10,000 = 41.625 → 42 (above half).
    expect(sublicenseShare([line(333)], 1250)).toBe(42);
    // 1 × 5,000 / 10,000 = 0.5 → 1 (half goes up).
    expect(sublicenseShare([line(1)], 5000)).toBe(1);
    // 3 × 1,500 / 10,000 = 0.45 → 0 (below half).
    expect(sublicenseShare([line(3)], 1500)).toBe(0);
    // JPY has no minor unit: ¥12,345 at 33.33 % = 4,114.5885 → 4,115 yen.
    expect(sublicenseShare([line(12_345)], 3333)).toBe(4115);
  });

  it('rounds the total, not each sublicensee: 1 + 1 at 50 % owes 1, where per line it would owe 2', () => {
    // Per line: 0.5 → 1 and 0.5 → 1, total 2. On the total: 2 × 50 % = 1.
    expect(sublicenseShare([line(1, 'A'), line(1, 'B')], 5000)).toBe(1);
  });

  it('owes nothing for no income, a zero share or an empty report', () => {
    expect(sublicenseShare([], 2500)).toBe(0);
    expect(sublicenseShare([line(0)], 2500)).toBe(0);
    expect(sublicenseShare([line(1_000_000)], 0)).toBe(0);
    expect(sublicenseShare([line(1_000_000)], 10_000)).toBe(1_000_000);
  });

  it('refuses negative or fractional income and a share outside 0..10000', () => {
    expect(() => sublicenseShare([line(-1)], 2500)).toThrow(RangeError);
    expect(() => sublicenseShare([line(1.5)], 2500)).toThrow(RangeError);
    expect(() => sublicenseShare([line(1)], 10_001)).toThrow(RangeError);
    expect(() => sublicenseShare([line(1)], -1)).toThrow(RangeError);
  });

  it('does not depend on how the income is split over sublicensees', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { maxLength: 8 }),
        fc.integer({ min: 0, max: 10_000 }),
        (amounts, bps) => {
          const total = amounts.reduce((sum, a) => sum + a, 0);
          expect(
            sublicenseShare(
              amounts.map((a) => line(a)),
              bps,
            ),
          ).toBe(sublicenseShare([line(total)], bps));
        },
      ),
    );
  });

  it('makes a period’s first charge plus its amendment differences add up to the share of the latest report', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 ** 10 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 10_000 }),
        (revisions, bps) => {
          let charged = 0;
          let previous: number | null = null;
          for (const income of revisions) {
            const share = sublicenseShare([line(income)], bps);
            if (previous === null) charged += share;
            else {
              const delta = royaltyAmendmentDelta(previous, share);
              charged += delta.kind === 'CREDIT' ? -delta.amountMinor : delta.amountMinor;
            }
            previous = share;
          }
          expect(charged).toBe(sublicenseShare([line(revisions[revisions.length - 1])], bps));
        },
      ),
    );
  });
});

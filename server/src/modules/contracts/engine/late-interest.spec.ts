import fc from 'fast-check';

import { addDays, parseCalendarDate } from '../../../common/calendar-date';
import { daysLate, lateInterest } from './late-interest';

const d = parseCalendarDate;

describe('daysLate', () => {
  it('counts calendar days after the due date, never below 0', () => {
    expect(daysLate(d('2026-01-01'), d('2026-01-31'))).toBe(30);
    expect(daysLate(d('2026-01-31'), d('2026-01-31'))).toBe(0);
    expect(daysLate(d('2026-01-31'), d('2026-01-15'))).toBe(0);
  });
});

describe('lateInterest (simple, actual/365, rounded once HALF_UP)', () => {
  it('charges 30 days at 12 % a year', () => {
    // 100 000 × 1200 × 30 / (10 000 × 365) = 3 600 000 000 / 3 650 000 = 986.30 → 986
    expect(
      lateInterest({
        amountMinor: 100_000,
        rateBpsPerYear: 1200,
        dueDate: d('2026-01-01'),
        paidOrAsOf: d('2026-01-31'),
      }),
    ).toBe(986);
  });

  it('rounds once, not day by day', () => {
    // one day: 100 000 × 1200 × 1 / 3 650 000 = 32.88 → 33; thirty rounded days would make 990, not 986
    expect(
      lateInterest({
        amountMinor: 100_000,
        rateBpsPerYear: 1200,
        dueDate: d('2026-01-01'),
        paidOrAsOf: d('2026-01-02'),
      }),
    ).toBe(33);
  });

  it('rounds an exact half up', () => {
    // 1825 × 1000 × 1 / 3 650 000 = 0.5 → 1
    expect(
      lateInterest({
        amountMinor: 1825,
        rateBpsPerYear: 1000,
        dueDate: d('2026-01-01'),
        paidOrAsOf: d('2026-01-02'),
      }),
    ).toBe(1);
    // 1824 × 1000 × 1 / 3 650 000 = 0.4997 → 0
    expect(
      lateInterest({
        amountMinor: 1824,
        rateBpsPerYear: 1000,
        dueDate: d('2026-01-01'),
        paidOrAsOf: d('2026-01-02'),
      }),
    ).toBe(0);
  });

  it('is 0 when paid on time or early, or when the rate is 0', () => {
    const base = { amountMinor: 100_000, rateBpsPerYear: 1200, dueDate: d('2026-01-31') };
    expect(lateInterest({ ...base, paidOrAsOf: d('2026-01-31') })).toBe(0);
    expect(lateInterest({ ...base, paidOrAsOf: d('2026-01-10') })).toBe(0);
    expect(lateInterest({ ...base, rateBpsPerYear: 0, paidOrAsOf: d('2026-06-30') })).toBe(0);
  });

  it('counts Feb 29 as a day late but keeps a 365-day year', () => {
    // Feb 2028 has 29 days: 1 000 000 × 1000 × 29 / 3 650 000 = 7945.21 → 7945
    expect(
      lateInterest({
        amountMinor: 1_000_000,
        rateBpsPerYear: 1000,
        dueDate: d('2028-02-01'),
        paidOrAsOf: d('2028-03-01'),
      }),
    ).toBe(7945);
    // Feb 2027 has 28: 1 000 000 × 1000 × 28 / 3 650 000 = 7671.23 → 7671
    expect(
      lateInterest({
        amountMinor: 1_000_000,
        rateBpsPerYear: 1000,
        dueDate: d('2027-02-01'),
        paidOrAsOf: d('2027-03-01'),
      }),
    ).toBe(7671);
    // all of 2028 is 366 days: 1 000 000 × 1000 × 366 / 3 650 000 = 100 273.97 → 100 274, a little over 10 %
    expect(
      lateInterest({
        amountMinor: 1_000_000,
        rateBpsPerYear: 1000,
        dueDate: d('2028-01-01'),
        paidOrAsOf: d('2029-01-01'),
      }),
    ).toBe(100_274);
  });

  it('charges JPY (exponent 0) and KWD (exponent 3) in their own minor units', () => {
    // ¥1 000 000 × 1460 × 10 / 3 650 000 = 14 600 000 000 / 3 650 000 = ¥4000 exactly
    expect(
      lateInterest({
        amountMinor: 1_000_000,
        rateBpsPerYear: 1460,
        dueDate: d('2026-03-01'),
        paidOrAsOf: d('2026-03-11'),
      }),
    ).toBe(4000);
    // 2500.000 KWD = 2 500 000 fils × 800 × 45 / 3 650 000 = 90 000 000 000 / 3 650 000 = 24 657.53 → 24 658 fils
    expect(
      lateInterest({
        amountMinor: 2_500_000,
        rateBpsPerYear: 800,
        dueDate: d('2026-03-01'),
        paidOrAsOf: d('2026-04-15'),
      }),
    ).toBe(24_658);
  });

  it('forgives payment within the grace period, then charges from the due date', () => {
    const base = { amountMinor: 100_000, rateBpsPerYear: 1200, dueDate: d('2026-01-01'), graceDays: 10 };
    expect(lateInterest({ ...base, paidOrAsOf: d('2026-01-11') })).toBe(0); // 10 days late: within grace
    // 11 days late: 100 000 × 1200 × 11 / 3 650 000 = 361.64 → 362, counted from the due date
    expect(lateInterest({ ...base, paidOrAsOf: d('2026-01-12') })).toBe(362);
  });

  it('stays exact for amounts where a float product would not', () => {
    // (2^53 − 1) × 1 × 1 / 3 650 000 = 2 467 725 823 r 790 991; 2 × 790 991 < 3 650 000 → rounds down
    expect(
      lateInterest({
        amountMinor: Number.MAX_SAFE_INTEGER,
        rateBpsPerYear: 1,
        dueDate: d('2026-01-01'),
        paidOrAsOf: d('2026-01-02'),
      }),
    ).toBe(2_467_725_823);
  });

  it('refuses negative or fractional inputs', () => {
    const base = {
      amountMinor: 100_000,
      rateBpsPerYear: 1200,
      dueDate: d('2026-01-01'),
      paidOrAsOf: d('2026-02-01'),
    };
    expect(() => lateInterest({ ...base, amountMinor: -1 })).toThrow(RangeError);
    expect(() => lateInterest({ ...base, rateBpsPerYear: 12.5 })).toThrow(RangeError);
    expect(() => lateInterest({ ...base, graceDays: -1 })).toThrow(RangeError);
  });

  it('grows with the days late and never exceeds the exact value by more than half a unit (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 3650 }),
        (amountMinor, rateBpsPerYear, days) => {
          const dueDate = d('2026-01-01');
          const interest = lateInterest({
            amountMinor,
            rateBpsPerYear,
            dueDate,
            paidOrAsOf: addDays(dueDate, days),
          });
          const exactTimes3650000 = BigInt(amountMinor) * BigInt(rateBpsPerYear) * BigInt(days);
          const error = BigInt(interest) * 3_650_000n - exactTimes3650000;
          expect(error * 2n <= 3_650_000n && error * 2n > -3_650_000n).toBe(true);
          const oneMore = lateInterest({
            amountMinor,
            rateBpsPerYear,
            dueDate,
            paidOrAsOf: addDays(dueDate, days + 1),
          });
          expect(oneMore).toBeGreaterThanOrEqual(interest);
        },
      ),
    );
  });
});

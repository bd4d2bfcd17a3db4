import fc from 'fast-check';

import type { PaymentPlan, RoyaltyTerms } from './payment-plan';
import {
  computeRoyalty,
  minimumForContractYear,
  minimumRoyaltyTrueUp,
  type RoyaltyInput,
  royaltyAmendmentDelta,
} from './royalty';

/** 5 % up to CNY 10 000.00, 3 % up to CNY 50 000.00, 1 % above. */
const threeTiers: RoyaltyTerms = {
  tiers: [
    { fromMinor: 0, toMinor: 1_000_000, rateBps: 500 },
    { fromMinor: 1_000_000, toMinor: 5_000_000, rateBps: 300 },
    { fromMinor: 5_000_000, toMinor: null, rateBps: 100 },
  ],
  tierBasis: 'CUMULATIVE',
};

const plan: PaymentPlan = {
  currency: 'CNY',
  termMonths: 120,
  royalty: threeTiers,
  lateInterestBps: 0,
  reportDueDays: 30,
  graceDays: 0,
};

function royalty(
  netSalesMinor: number,
  priorNetSalesInBasisMinor = 0,
  overrides: Partial<RoyaltyInput> = {},
) {
  return computeRoyalty({
    plan,
    netSalesMinor,
    priorNetSalesInBasisMinor,
    royaltiesAlreadyChargedThisYearMinor: 0,
    royaltiesAlreadyChargedTotalMinor: 0,
    ...overrides,
  });
}

describe('computeRoyalty: marginal tiers', () => {
  it('charges sales inside the first tier at its rate', () => {
    // 200 000 × 5 % = 10 000
    expect(royalty(200_000)).toEqual({
      earnedMinor: 10_000,
      cappedMinor: 10_000,
      limitedBy: null,
      tierBreakdown: [
        {
          tierIndex: 0,
          fromMinor: 0,
          toMinor: 1_000_000,
          rateBps: 500,
          salesMinor: 200_000,
          royaltyMinor: 10_000,
        },
      ],
    });
  });

  it('keeps sales ending exactly on a boundary in the lower tier', () => {
    // 1 000 000 × 5 % = 50 000; the second tier starts at 1 000 000 and gets nothing
    const result = royalty(1_000_000);
    expect(result.earnedMinor).toBe(50_000);
    expect(result.tierBreakdown.map((slice) => slice.tierIndex)).toEqual([0]);
  });

  it('charges a report starting exactly on a boundary at the upper rate', () => {
    // 100 × 3 % = 3
    const result = royalty(100, 1_000_000);
    expect(result.earnedMinor).toBe(3);
    expect(result.tierBreakdown).toEqual([
      {
        tierIndex: 1,
        fromMinor: 1_000_000,
        toMinor: 5_000_000,
        rateBps: 300,
        salesMinor: 100,
        royaltyMinor: 3,
      },
    ]);
  });

  it('splits a report that crosses a boundary', () => {
    // basis 800 000 → 1 300 000: 200 000 × 5 % = 10 000, 300 000 × 3 % = 9 000
    const result = royalty(500_000, 800_000);
    expect(result.tierBreakdown.map(({ salesMinor, royaltyMinor }) => [salesMinor, royaltyMinor])).toEqual([
      [200_000, 10_000],
      [300_000, 9_000],
    ]);
    expect(result.earnedMinor).toBe(19_000);
  });

  it('crosses every tier in one report', () => {
    // 1 000 000 × 5 % = 50 000; 4 000 000 × 3 % = 120 000; 1 000 000 × 1 % = 10 000; total 180 000
    expect(royalty(6_000_000).earnedMinor).toBe(180_000);
  });

  it('rounds each slice HALF_UP at the minor unit', () => {
    expect(royalty(30).earnedMinor).toBe(2); // 30 × 5 % = 1.5 → 2
    expect(royalty(29).earnedMinor).toBe(1); // 29 × 5 % = 1.45 → 1
    // basis 999 990 → 1 000 015: 10 × 5 % = 0.5 → 1, and 15 × 3 % = 0.45 → 0
    expect(royalty(25, 999_990).tierBreakdown.map((slice) => slice.royaltyMinor)).toEqual([1, 0]);
  });

  it('charges JPY (exponent 0) and KWD (exponent 3) in their own minor units', () => {
    const flat = (rateBps: number, currency: PaymentPlan['currency']): PaymentPlan => ({
      ...plan,
      currency,
      royalty: { tiers: [{ fromMinor: 0, toMinor: null, rateBps }], tierBasis: 'CUMULATIVE' },
    });
    const input = {
      priorNetSalesInBasisMinor: 0,
      royaltiesAlreadyChargedThisYearMinor: 0,
      royaltiesAlreadyChargedTotalMinor: 0,
    };
    // ¥1 234 567 × 2.5 % = ¥30 864.175 → ¥30 864
    expect(computeRoyalty({ ...input, plan: flat(250, 'JPY'), netSalesMinor: 1_234_567 }).earnedMinor).toBe(
      30_864,
    );
    // 123.457 KWD = 123 457 fils × 5 % = 6172.85 fils → 6173 fils (6.173 KWD)
    expect(computeRoyalty({ ...input, plan: flat(500, 'KWD'), netSalesMinor: 123_457 }).earnedMinor).toBe(
      6_173,
    );
  });

  it('restarts the tiers with the contract year when the caller passes a CONTRACT_YEAR basis', () => {
    // Year 2's first report: the prior basis is 0 again, so 200 000 pays 5 % (10 000), not 1 % as in a cumulative basis
    const yearly: PaymentPlan = { ...plan, royalty: { ...threeTiers, tierBasis: 'CONTRACT_YEAR' } };
    const result = computeRoyalty({
      plan: yearly,
      netSalesMinor: 200_000,
      priorNetSalesInBasisMinor: 0,
      royaltiesAlreadyChargedThisYearMinor: 0,
      royaltiesAlreadyChargedTotalMinor: 180_000,
    });
    expect(result.earnedMinor).toBe(10_000);
    expect(royalty(200_000, 6_000_000).earnedMinor).toBe(2_000); // cumulative: 200 000 × 1 %
  });

  it('charges nothing without a royalty or without sales', () => {
    expect(computeRoyalty({ ...royaltyInput(), plan: { ...plan, royalty: null } })).toEqual({
      earnedMinor: 0,
      cappedMinor: 0,
      limitedBy: null,
      tierBreakdown: [],
    });
    expect(royalty(0, 1_000_000)).toEqual({
      earnedMinor: 0,
      cappedMinor: 0,
      limitedBy: null,
      tierBreakdown: [],
    });
  });

  it('refuses negative figures and tiers that do not cover the sales', () => {
    expect(() => royalty(-1)).toThrow(RangeError);
    expect(() => royalty(100, -1)).toThrow(RangeError);
    expect(() => royalty(100, 0, { royaltiesAlreadyChargedThisYearMinor: -5 })).toThrow(RangeError);
    const gapped: PaymentPlan = {
      ...plan,
      royalty: {
        tiers: [
          { fromMinor: 0, toMinor: 1_000, rateBps: 500 },
          { fromMinor: 2_000, toMinor: null, rateBps: 300 },
        ],
        tierBasis: 'CUMULATIVE',
      },
    };
    expect(() => computeRoyalty({ ...royaltyInput(), plan: gapped, netSalesMinor: 1_500 })).toThrow(
      RangeError,
    );
  });

  function royaltyInput(): RoyaltyInput {
    return {
      plan,
      netSalesMinor: 500_000,
      priorNetSalesInBasisMinor: 0,
      royaltiesAlreadyChargedThisYearMinor: 0,
      royaltiesAlreadyChargedTotalMinor: 0,
    };
  }

  describe('properties', () => {
    const amounts = fc.integer({ min: 0, max: 1_000_000_000_000 });

    it('puts every unit of sales in exactly one tier, and more sales never cost less', () => {
      fc.assert(
        fc.property(amounts, amounts, (sales, prior) => {
          const result = royalty(sales, prior);
          expect(result.tierBreakdown.reduce((sum, slice) => sum + slice.salesMinor, 0)).toBe(sales);
          expect(result.earnedMinor).toBe(
            result.tierBreakdown.reduce((sum, slice) => sum + slice.royaltyMinor, 0),
          );
          expect(royalty(sales + 1, prior).earnedMinor).toBeGreaterThanOrEqual(result.earnedMinor);
        }),
      );
    });

    it('differs from one combined report by at most half a unit per rounded slice when split in two', () => {
      fc.assert(
        fc.property(amounts, amounts, amounts, (prior, first, second) => {
          const a = royalty(first, prior);
          const b = royalty(second, prior + first);
          const whole = royalty(first + second, prior);
          const slices = a.tierBreakdown.length + b.tierBreakdown.length + whole.tierBreakdown.length;
          expect(Math.abs(a.earnedMinor + b.earnedMinor - whole.earnedMinor) * 2).toBeLessThanOrEqual(slices);
        }),
      );
    });
  });
});

describe('computeRoyalty: caps', () => {
  const capped: PaymentPlan = { ...plan, caps: { perYearMinor: 100_000, totalMinor: 250_000 } };
  const run = (netSalesMinor: number, thisYear: number, total: number) =>
    computeRoyalty({
      plan: capped,
      netSalesMinor,
      priorNetSalesInBasisMinor: 0,
      royaltiesAlreadyChargedThisYearMinor: thisYear,
      royaltiesAlreadyChargedTotalMinor: total,
    });

  it('limits a report to the room left under the per-year cap', () => {
    // earned 180 000 (all three tiers), room 100 000 − 0
    expect(run(6_000_000, 0, 0)).toMatchObject({
      earnedMinor: 180_000,
      cappedMinor: 100_000,
      limitedBy: 'PER_YEAR_CAP',
    });
    // earned 1 000 000 × 5 % = 50 000; room 100 000 − 30 000 = 70 000: not reached
    expect(run(1_000_000, 30_000, 30_000)).toMatchObject({
      earnedMinor: 50_000,
      cappedMinor: 50_000,
      limitedBy: null,
    });
    // room 100 000 − 60 000 = 40 000
    expect(run(1_000_000, 60_000, 60_000)).toMatchObject({
      earnedMinor: 50_000,
      cappedMinor: 40_000,
      limitedBy: 'PER_YEAR_CAP',
    });
    // exactly at the room: 100 000 − 50 000 = 50 000 is not a cut
    expect(run(1_000_000, 50_000, 50_000)).toMatchObject({ cappedMinor: 50_000, limitedBy: null });
  });

  it('limits a report to the room left under the total cap', () => {
    // room this year 100 000; in total 250 000 − 220 000 = 30 000
    expect(run(1_000_000, 0, 220_000)).toMatchObject({
      earnedMinor: 50_000,
      cappedMinor: 30_000,
      limitedBy: 'TOTAL_CAP',
    });
    // total cap already paid: nothing more
    expect(run(1_000_000, 0, 250_000)).toMatchObject({ cappedMinor: 0, limitedBy: 'TOTAL_CAP' });
  });

  it('charges nothing once the year is over its cap, and names the per-year cap on a tie', () => {
    expect(run(1_000_000, 120_000, 120_000)).toMatchObject({ cappedMinor: 0, limitedBy: 'PER_YEAR_CAP' });
    // room 100 000 − 70 000 = 30 000 and 250 000 − 220 000 = 30 000
    expect(run(1_000_000, 70_000, 220_000)).toMatchObject({ cappedMinor: 30_000, limitedBy: 'PER_YEAR_CAP' });
  });
});

describe('minimum annual royalty', () => {
  const withMinimum: PaymentPlan = {
    ...plan,
    minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 2 },
  };

  it('applies from its first contract year', () => {
    expect(minimumForContractYear(withMinimum, 1)).toBe(0);
    expect(minimumForContractYear(withMinimum, 2)).toBe(2_000_000);
    expect(minimumForContractYear(withMinimum, 10)).toBe(2_000_000);
    expect(minimumForContractYear(plan, 3)).toBe(0);
  });

  it('tops up a short year to the minimum', () => {
    // 2 000 000 − 1 250 000 = 750 000
    expect(minimumRoyaltyTrueUp({ minimumMinor: 2_000_000, earnedInYearMinor: 1_250_000 })).toEqual({
      shortfallMinor: 750_000,
      owedMinor: 750_000,
    });
    expect(minimumRoyaltyTrueUp({ minimumMinor: 2_000_000, earnedInYearMinor: 2_000_000 })).toEqual({
      shortfallMinor: 0,
      owedMinor: 0,
    });
    expect(minimumRoyaltyTrueUp({ minimumMinor: 2_000_000, earnedInYearMinor: 2_500_000 })).toEqual({
      shortfallMinor: 0,
      owedMinor: 0,
    });
    expect(minimumRoyaltyTrueUp({ minimumMinor: 0, earnedInYearMinor: 0 })).toEqual({
      shortfallMinor: 0,
      owedMinor: 0,
    });
  });

  it('never tops up past the total cap', () => {
    // shortfall 750 000; room under the total cap 10 000 000 − 9 600 000 = 400 000
    expect(
      minimumRoyaltyTrueUp({
        minimumMinor: 2_000_000,
        earnedInYearMinor: 1_250_000,
        totalCapMinor: 10_000_000,
        royaltiesAlreadyChargedTotalMinor: 9_600_000,
      }),
    ).toEqual({ shortfallMinor: 750_000, owedMinor: 400_000 });
    expect(
      minimumRoyaltyTrueUp({
        minimumMinor: 2_000_000,
        earnedInYearMinor: 0,
        totalCapMinor: 10_000_000,
        royaltiesAlreadyChargedTotalMinor: 10_000_000,
      }),
    ).toEqual({ shortfallMinor: 2_000_000, owedMinor: 0 });
  });

  it('works with caps over three contract years', () => {
    // Flat 5 %, per-year cap 3 000 000, total cap 5 000 000, minimum 2 000 000 from year 1.
    const contract: PaymentPlan = {
      ...plan,
      royalty: { tiers: [{ fromMinor: 0, toMinor: null, rateBps: 500 }], tierBasis: 'CUMULATIVE' },
      caps: { perYearMinor: 3_000_000, totalMinor: 5_000_000 },
      minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 1 },
    };
    let basis = 0;
    let chargedTotal = 0;
    const chargeYear = (quarterlySales: number[]) => {
      let chargedThisYear = 0;
      for (const netSalesMinor of quarterlySales) {
        const { cappedMinor } = computeRoyalty({
          plan: contract,
          netSalesMinor,
          priorNetSalesInBasisMinor: basis,
          royaltiesAlreadyChargedThisYearMinor: chargedThisYear,
          royaltiesAlreadyChargedTotalMinor: chargedTotal,
        });
        basis += netSalesMinor;
        chargedThisYear += cappedMinor;
        chargedTotal += cappedMinor;
      }
      const trueUp = minimumRoyaltyTrueUp({
        minimumMinor: minimumForContractYear(contract, 1),
        earnedInYearMinor: chargedThisYear,
        totalCapMinor: contract.caps?.totalMinor,
        royaltiesAlreadyChargedTotalMinor: chargedTotal,
      });
      chargedTotal += trueUp.owedMinor;
      return { chargedThisYear, trueUp: trueUp.owedMinor, chargedTotal };
    };

    // Year 1: 5 % of 10M, 10M, 20M, 30M = 500k, 500k, 1M, 1.5M = 3.5M earned; the per-year cap cuts Q4 to 1M
    expect(chargeYear([10_000_000, 10_000_000, 20_000_000, 30_000_000])).toEqual({
      chargedThisYear: 3_000_000,
      trueUp: 0,
      chargedTotal: 3_000_000,
    });
    // Year 2: 5 % of 4M = 200k; shortfall 1.8M fits exactly in the total cap room 5M − 3.2M
    expect(chargeYear([4_000_000])).toEqual({
      chargedThisYear: 200_000,
      trueUp: 1_800_000,
      chargedTotal: 5_000_000,
    });
    // Year 3: total cap reached; 500k earned but nothing charged, and no top-up
    expect(chargeYear([10_000_000])).toEqual({ chargedThisYear: 0, trueUp: 0, chargedTotal: 5_000_000 });
  });
});

describe('royaltyAmendmentDelta', () => {
  it('charges the difference when an amended report raises the royalty', () => {
    // Originally 500 000 from basis 800 000 = 19 000. Amended to 600 000:
    // 200 000 × 5 % + 400 000 × 3 % = 10 000 + 12 000 = 22 000, so 3 000 more
    const recomputed = royalty(600_000, 800_000).earnedMinor;
    expect(recomputed).toBe(22_000);
    expect(royaltyAmendmentDelta(19_000, recomputed)).toEqual({
      kind: 'ADDITIONAL_CHARGE',
      amountMinor: 3_000,
    });
  });

  it('credits the licensee when it falls, and does nothing when unchanged', () => {
    // 19 000 − 15 500 = 3 500 back
    expect(royaltyAmendmentDelta(19_000, 15_500)).toEqual({ kind: 'CREDIT', amountMinor: 3_500 });
    expect(royaltyAmendmentDelta(19_000, 19_000)).toEqual({ kind: 'NO_CHANGE', amountMinor: 0 });
    expect(() => royaltyAmendmentDelta(-1, 0)).toThrow(RangeError);
  });
});

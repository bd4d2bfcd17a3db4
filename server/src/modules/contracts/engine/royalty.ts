/**
 * Royalty arithmetic for one sales report: marginal tiers, then caps; the year-end minimum top-up; and the delta when
 * an amended report replaces one already charged.
 *
 * Rounding: each tier slice is `salesInTier × rateBps / 10 000`, rounded HALF_UP (half away from zero) at the minor
 * unit, and the report's royalty is the sum of its rounded slices. A licensee can redo every line by hand; the price
 * is that splitting the same sales over two reports may differ by at most half a minor unit per slice.
 */
import { applyBasisPoints } from '../../../common/money';
import type { PaymentPlan } from './payment-plan';

export type RoyaltyInput = {
  plan: PaymentPlan;
  /** Net sales of the report being charged; not negative (correct an earlier report by amending it). */
  netSalesMinor: number;
  /**
   * Net sales already counted in the tier basis before this report: since the effective date for a CUMULATIVE basis,
   * since the start of the current contract year for CONTRACT_YEAR.
   */
  priorNetSalesInBasisMinor: number;
  /** Royalties charged earlier in the same contract year (after caps), for the per-year cap. */
  royaltiesAlreadyChargedThisYearMinor: number;
  /** Royalties charged since the effective date (after caps), for the total cap. */
  royaltiesAlreadyChargedTotalMinor: number;
};

export type TierSlice = {
  tierIndex: number;
  fromMinor: number;
  toMinor: number | null;
  rateBps: number;
  /** The part of this report's net sales that falls in the tier. */
  salesMinor: number;
  royaltyMinor: number;
};

export type RoyaltyResult = {
  /** Royalty before caps: the sum of `tierBreakdown[].royaltyMinor`. */
  earnedMinor: number;
  /** What to charge: `earnedMinor` limited by what is left under the per-year and total caps. */
  cappedMinor: number;
  /** Which cap cut the charge, if one did (the tighter one when both would). */
  limitedBy: 'PER_YEAR_CAP' | 'TOTAL_CAP' | null;
  /** One slice per tier this report's sales touch, in tier order. */
  tierBreakdown: TierSlice[];
};

/**
 * The royalty for one report: the report's sales occupy the basis from `priorNetSalesInBasisMinor` to
 * `prior + netSalesMinor`, and each tier charges its rate on the part of that range it covers. With tiers
 * [0, 1 000 000) at 5 % and [1 000 000, ∞) at 3 %, prior 800 000 and sales 500 000 pay 5 % on 200 000 and 3 % on
 * 300 000. Caps then limit the sum to what remains under `perYearMinor` and `totalMinor`.
 *
 * When recomputing an amended report, pass the "already charged" amounts without the report being amended.
 */
export function computeRoyalty(input: RoyaltyInput): RoyaltyResult {
  const { plan, netSalesMinor, priorNetSalesInBasisMinor } = input;
  assertNonNegative(netSalesMinor, 'netSalesMinor');
  assertNonNegative(priorNetSalesInBasisMinor, 'priorNetSalesInBasisMinor');
  assertNonNegative(input.royaltiesAlreadyChargedThisYearMinor, 'royaltiesAlreadyChargedThisYearMinor');
  assertNonNegative(input.royaltiesAlreadyChargedTotalMinor, 'royaltiesAlreadyChargedTotalMinor');
  const basisEnd = priorNetSalesInBasisMinor + netSalesMinor;
  assertNonNegative(basisEnd, 'priorNetSalesInBasisMinor + netSalesMinor');

  const tierBreakdown: TierSlice[] = [];
  (plan.royalty?.tiers ?? []).forEach((tier, tierIndex) => {
    const sliceStart = Math.max(priorNetSalesInBasisMinor, tier.fromMinor);
    const sliceEnd = tier.toMinor === null ? basisEnd : Math.min(basisEnd, tier.toMinor);
    if (sliceEnd <= sliceStart) return;
    const salesMinor = sliceEnd - sliceStart;
    tierBreakdown.push({
      tierIndex,
      fromMinor: tier.fromMinor,
      toMinor: tier.toMinor,
      rateBps: tier.rateBps,
      salesMinor,
      royaltyMinor: applyBasisPoints(salesMinor, tier.rateBps, 'HALF_UP'),
    });
  });
  const coveredSales = tierBreakdown.reduce((sum, slice) => sum + slice.salesMinor, 0);
  if (plan.royalty && coveredSales !== netSalesMinor) {
    // Only a plan that validatePaymentPlan refuses (gapped or overlapping tiers) gets here; charging it would be a guess.
    throw new RangeError(
      `Royalty tiers cover ${coveredSales} of ${netSalesMinor} in net sales; validate the plan`,
    );
  }

  const earnedMinor = tierBreakdown.reduce((sum, slice) => sum + slice.royaltyMinor, 0);
  const perYearRoom = roomUnder(plan.caps?.perYearMinor, input.royaltiesAlreadyChargedThisYearMinor);
  const totalRoom = roomUnder(plan.caps?.totalMinor, input.royaltiesAlreadyChargedTotalMinor);
  const cappedMinor = Math.min(earnedMinor, perYearRoom, totalRoom);
  const limitedBy =
    cappedMinor === earnedMinor ? null : perYearRoom <= totalRoom ? 'PER_YEAR_CAP' : 'TOTAL_CAP';
  return { earnedMinor, cappedMinor, limitedBy, tierBreakdown };
}

/** The minimum annual royalty that applies to `contractYear` (1-based), or 0 before `fromContractYear`. */
export function minimumForContractYear(plan: PaymentPlan, contractYear: number): number {
  const minimum = plan.minimumAnnualRoyalty;
  return minimum && contractYear >= minimum.fromContractYear ? minimum.amountMinor : 0;
}

export type MinimumTrueUpInput = {
  /** From `minimumForContractYear`. */
  minimumMinor: number;
  /** Royalties charged for the contract year (after caps). */
  earnedInYearMinor: number;
  /** The plan's total cap, if any. The per-year cap needs no check: validation keeps it at or above the minimum. */
  totalCapMinor?: number | null;
  /** Royalties charged since the effective date, this year's included. */
  royaltiesAlreadyChargedTotalMinor?: number;
};

export type MinimumTrueUp = {
  /** How far the year's royalties fell short of the minimum. */
  shortfallMinor: number;
  /** What to charge at year end: the shortfall, limited by what is left under the total cap. */
  owedMinor: number;
};

/**
 * The year-end top-up to the minimum annual royalty. A licensee who has already paid the total cap owes no further
 * royalty of any kind, minimum included.
 */
export function minimumRoyaltyTrueUp(input: MinimumTrueUpInput): MinimumTrueUp {
  assertNonNegative(input.minimumMinor, 'minimumMinor');
  assertNonNegative(input.earnedInYearMinor, 'earnedInYearMinor');
  const shortfallMinor = Math.max(0, input.minimumMinor - input.earnedInYearMinor);
  const owedMinor = Math.min(
    shortfallMinor,
    roomUnder(input.totalCapMinor, input.royaltiesAlreadyChargedTotalMinor ?? 0),
  );
  return { shortfallMinor, owedMinor };
}

export type RoyaltyAmendmentDelta =
  | { kind: 'ADDITIONAL_CHARGE'; amountMinor: number }
  | { kind: 'CREDIT'; amountMinor: number }
  | { kind: 'NO_CHANGE'; amountMinor: 0 };

/**
 * What an amended report changes: the recomputed royalty minus the one already charged, as a positive obligation
 * (ADDITIONAL_CHARGE) or a positive credit to the licensee (CREDIT). Amounts are always positive; the kind says which way.
 */
export function royaltyAmendmentDelta(
  previousChargedMinor: number,
  recomputedMinor: number,
): RoyaltyAmendmentDelta {
  assertNonNegative(previousChargedMinor, 'previousChargedMinor');
  assertNonNegative(recomputedMinor, 'recomputedMinor');
  const delta = recomputedMinor - previousChargedMinor;
  if (delta > 0) return { kind: 'ADDITIONAL_CHARGE', amountMinor: delta };
  if (delta < 0) return { kind: 'CREDIT', amountMinor: -delta };
  return { kind: 'NO_CHANGE', amountMinor: 0 };
}

function roomUnder(cap: number | null | undefined, alreadyCharged: number): number {
  return cap == null ? Number.POSITIVE_INFINITY : Math.max(0, cap - alreadyCharged);
}

function assertNonNegative(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${value}`);
  }
}

/**
 * The licensor's share of what the licensee earns from sublicences, for one reporting period.
 *
 * Rounding: the share is `total sublicensing income of the period × sublicenseShareBps / 10 000`, computed in integers
 * and rounded once, HALF_UP (half away from zero), at the minor unit. It is taken on the period's total, not per
 * sublicensee, so how the licensee splits its income over lines never changes what it owes; and an amendment owes the
 * difference of two shares rounded the same way, so a period's obligations always add up to the share of its latest
 * total.
 */
import { applyBasisPoints } from '../../../common/money';

export type SublicenseIncomeLine = { sublicensee: string; incomeMinor: number };

export function sublicenseShare(lines: readonly SublicenseIncomeLine[], shareBps: number): number {
  if (!Number.isSafeInteger(shareBps) || shareBps < 0 || shareBps > 10_000)
    throw new RangeError(`shareBps must be whole basis points from 0 to 10000, got ${shareBps}`);
  let total = 0;
  for (const line of lines) {
    if (!Number.isSafeInteger(line.incomeMinor) || line.incomeMinor < 0)
      throw new RangeError(`incomeMinor must be a non-negative safe integer, got ${line.incomeMinor}`);
    total += line.incomeMinor;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('The period’s sublicensing income is too large');
  return applyBasisPoints(total, shareBps, 'HALF_UP');
}

/**
 * Stripe's fees as the simulator charges them. Stripe's real prices vary by country and card; tests need one rule
 * they can compute by hand, so the default is the US card price applied to every currency:
 *
 * - processing fee = 2.9% of the amount, rounded half-up to the minor unit, plus 0.30 of the currency's major
 *   unit rounded half-up to the minor unit: USD 100.00 → 2.90 + 0.30 = 3.20; USD 0.50 → 0.01 + 0.30 = 0.31;
 *   JPY 10,000 → 290 + 0 (0.30 yen rounds to 0); KWD 10.000 → 0.290 + 0.300.
 * - dispute fee = 15.00 of the major unit (USD 1500 minor units, JPY 15, KWD 15000), withdrawn with the disputed
 *   amount and returned when the dispute is won (`disputeFeeReturnedWhenWon`).
 *
 * Pass another `FeeRule` to `startStripeSimulator` to change any of it.
 */
export type FeeRule = {
  processingFee(charge: { amount: number; currency: string }): number;
  disputeFee(currency: string): number;
  disputeFeeReturnedWhenWon: boolean;
};

// Stripe's own lists (https://docs.stripe.com/currencies): ours in server/src/common may differ, and the simulator
// stands for Stripe.
const ZERO_DECIMAL = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);
const THREE_DECIMAL = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

export function currencyExponent(currency: string): number {
  const code = currency.toLowerCase();
  if (ZERO_DECIMAL.has(code)) return 0;
  if (THREE_DECIMAL.has(code)) return 3;
  return 2;
}

/** `numerator / denominator` rounded half-up, for non-negative integers. */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** `hundredths` hundredths of the major unit, in minor units, rounded half-up (30 → USD 30, JPY 0, KWD 300). */
function majorHundredthsInMinor(hundredths: number, currency: string): number {
  const exponent = currencyExponent(currency);
  return exponent >= 2
    ? hundredths * 10 ** (exponent - 2)
    : divideRoundHalfUp(hundredths, 10 ** (2 - exponent));
}

export const STRIPE_STANDARD_FEES: FeeRule = {
  processingFee: ({ amount, currency }) =>
    divideRoundHalfUp(amount * 290, 10_000) + majorHundredthsInMinor(30, currency),
  disputeFee: (currency) => majorHundredthsInMinor(1500, currency),
  disputeFeeReturnedWhenWon: true,
};

import { currencyExponent, MoneyError, type CurrencyCode } from '../../common/money';

/**
 * Stripe counts amounts in "the smallest currency unit", but its idea of that unit differs from ISO 4217 for a few
 * codes, and for three-decimal currencies it only accepts amounts whose last digit is 0. Every amount that reaches
 * Stripe goes through `toStripeAmount`, and every amount that comes back through `fromStripeAmount`, so that the
 * rest of the code only ever sees our minor units.
 *
 * Stripe's rules (https://docs.stripe.com/currencies#special-cases):
 * - ISK is zero-decimal in ISO and at Stripe, but Stripe represents it with two decimals in the API: an amount of
 *   ISK 100 is sent as 10000.
 * - HUF and TWD are two-decimal in the API (like ISO), though payouts must be whole units: nothing to convert.
 * - KWD, BHD, OMR, JOD, TND: three decimals, and the amount must be divisible by 10 (rounded to the cent).
 */
const STRIPE_API_EXPONENT_OVERRIDES: Partial<Record<CurrencyCode, number>> = { ISK: 2 };
const THREE_DECIMAL_CURRENCIES = new Set<CurrencyCode>(['KWD', 'BHD', 'OMR', 'JOD', 'TND']);

function stripeExponent(currency: CurrencyCode): number {
  return STRIPE_API_EXPONENT_OVERRIDES[currency] ?? currencyExponent(currency);
}

/** Our minor units → the integer Stripe expects, refusing what Stripe would refuse or silently round. */
export function toStripeAmount(amountMinor: number, currency: CurrencyCode): number {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0)
    throw new MoneyError('MONEY_NOT_SAFE_INTEGER', `A Stripe amount must be a non-negative integer.`);
  if (THREE_DECIMAL_CURRENCIES.has(currency) && amountMinor % 10 !== 0)
    throw new MoneyError(
      'MONEY_TOO_MANY_DECIMALS',
      `Stripe charges ${currency} only in whole hundredths (the last of the three decimals must be 0).`,
    );
  const shift = stripeExponent(currency) - currencyExponent(currency);
  return amountMinor * 10 ** shift;
}

/** Stripe's integer → our minor units; an amount that does not convert exactly is an error, never rounded. */
export function fromStripeAmount(stripeAmount: number, currency: CurrencyCode): number {
  const shift = stripeExponent(currency) - currencyExponent(currency);
  const factor = 10 ** shift;
  if (!Number.isSafeInteger(stripeAmount) || stripeAmount % factor !== 0)
    throw new MoneyError(
      'MONEY_TOO_MANY_DECIMALS',
      `Stripe amount ${stripeAmount} ${currency} has a fraction.`,
    );
  return stripeAmount / factor;
}

/** Stripe spells currencies in lower case. */
export const toStripeCurrency = (currency: CurrencyCode): string => currency.toLowerCase();
export const fromStripeCurrency = (currency: string): CurrencyCode => currency.toUpperCase() as CurrencyCode;

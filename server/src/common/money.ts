/**
 * Money is an integer count of a currency's minor unit (cents, fen, yen, fils), never a float. Every function here
 * works in integers or BigInt and throws rather than lose a minor unit.
 */

/**
 * ISO 4217 minor-unit exponents. Stripe's "zero-decimal" list disagrees for a few codes (ISK, HUF, TWD, UGX), so the
 * conversion for Stripe lives in the Stripe integration, not here.
 */
const CURRENCY_EXPONENTS = {
  CNY: 2,
  HKD: 2,
  TWD: 2,
  USD: 2,
  EUR: 2,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  AUD: 2,
  SGD: 2,
  INR: 2,
  JPY: 0,
  KRW: 0,
  VND: 0,
  CLP: 0,
  ISK: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
} as const satisfies Record<string, 0 | 2 | 3>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;

export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as readonly CurrencyCode[];

export type Money = { readonly amountMinor: number; readonly currency: CurrencyCode };

/** How a fraction of a minor unit is settled. HALF_UP rounds halves away from zero; DOWN truncates toward zero. */
export type RoundingMode = 'HALF_UP' | 'HALF_EVEN' | 'DOWN';

/** Which parts receive the minor units left over when a total does not split exactly. */
export type RemainderPlacement = 'FIRST' | 'LAST';

export type MoneyErrorCode =
  | 'MONEY_NOT_SAFE_INTEGER'
  | 'MONEY_UNKNOWN_CURRENCY'
  | 'MONEY_CURRENCY_MISMATCH'
  | 'MONEY_INVALID_DECIMAL'
  | 'MONEY_TOO_MANY_DECIMALS'
  | 'MONEY_INVALID_ALLOCATION';

/** Carries a stable code so the API error mapper can turn it into an `AppError` without parsing messages. */
export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

export function isCurrencyCode(value: unknown): value is CurrencyCode {
  return typeof value === 'string' && Object.hasOwn(CURRENCY_EXPONENTS, value);
}

export function currencyExponent(currency: CurrencyCode): 0 | 2 | 3 {
  if (!isCurrencyCode(currency)) {
    throw new MoneyError('MONEY_UNKNOWN_CURRENCY', `Unknown currency ${String(currency)}`);
  }
  return CURRENCY_EXPONENTS[currency];
}

export function money(amountMinor: number, currency: CurrencyCode): Money {
  assertSafeInteger(amountMinor, 'amountMinor');
  currencyExponent(currency);
  return { amountMinor, currency };
}

export function addMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function subtractMoney(a: Money, b: Money): Money {
  assertSameCurrency(a, b);
  return money(a.amountMinor - b.amountMinor, a.currency);
}

/**
 * Splits an integer `total` into integer parts proportional to `weights`, by the largest-remainder method:
 * each part first gets the floor of its exact share `|total| × weight / Σweights`; the minor units still missing are
 * then handed out one each to the parts with the largest dropped fractions. Ties go to the earliest part for
 * `FIRST` and to the latest part for `LAST`, so with equal weights `FIRST` puts the extra units on the first parts.
 * A negative total is split as its magnitude and negated. Guarantees: the parts add up to `total` exactly, every
 * part is its exact share rounded down or up, and a zero weight gets 0.
 *
 * Use this for every split of an amount (installments, fee shares); never divide money yourself.
 */
export function allocate(total: number, weights: readonly number[], remainder: RemainderPlacement): number[] {
  assertSafeInteger(total, 'total');
  if (weights.length === 0) {
    throw new MoneyError('MONEY_INVALID_ALLOCATION', 'Cannot allocate over zero weights');
  }
  for (const weight of weights) {
    if (!Number.isSafeInteger(weight) || weight < 0) {
      throw new MoneyError('MONEY_INVALID_ALLOCATION', `Weight ${weight} is not a non-negative safe integer`);
    }
  }
  const weightSum = weights.reduce((sum, weight) => sum + BigInt(weight), 0n);
  if (weightSum === 0n) {
    throw new MoneyError('MONEY_INVALID_ALLOCATION', 'Weights must not all be 0');
  }

  const magnitude = BigInt(Math.abs(total));
  const parts = weights.map((weight) => (magnitude * BigInt(weight)) / weightSum);
  const dropped = weights.map((weight) => (magnitude * BigInt(weight)) % weightSum);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) => {
      if (dropped[a] !== dropped[b]) return dropped[a] > dropped[b] ? -1 : 1;
      return remainder === 'FIRST' ? a - b : b - a;
    });

  let unitsLeft = magnitude - parts.reduce((sum, part) => sum + part, 0n);
  for (let k = 0; unitsLeft > 0n; k++, unitsLeft--) {
    parts[order[k]] += 1n;
  }
  const sign = total < 0 ? -1n : 1n;
  return parts.map((part) => Number(sign * part));
}

/** Splits `total` into `count` parts that differ by at most one minor unit; see `allocate` for where the extra units go. */
export function splitEvenly(total: number, count: number, remainder: RemainderPlacement): number[] {
  if (!Number.isSafeInteger(count) || count < 1) {
    throw new MoneyError('MONEY_INVALID_ALLOCATION', `Cannot split into ${count} parts`);
  }
  return allocate(total, new Array<number>(count).fill(1), remainder);
}

/** `amountMinor × bps / 10 000`, rounded once at the minor unit. */
export function applyBasisPoints(amountMinor: number, bps: number, rounding: RoundingMode): number {
  assertSafeInteger(amountMinor, 'amountMinor');
  assertSafeInteger(bps, 'bps');
  return toSafeNumber(divideRounded(BigInt(amountMinor) * BigInt(bps), 10_000n, rounding));
}

/**
 * Exact integer division `numerator / denominator` rounded by `rounding`. Build the whole product first and divide
 * once, so that a calculation rounds a single time.
 */
export function divideRounded(numerator: bigint, denominator: bigint, rounding: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError('Division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const quotient = numerator / denominator; // truncates toward zero
  const rest = numerator % denominator; // has the sign of the numerator
  if (rest === 0n || rounding === 'DOWN') return quotient;

  const awayFromZero = quotient + (numerator < 0n ? -1n : 1n);
  const twiceRest = (rest < 0n ? -rest : rest) * 2n;
  if (twiceRest > denominator) return awayFromZero;
  if (twiceRest < denominator) return quotient;
  if (rounding === 'HALF_UP') return awayFromZero;
  return quotient % 2n === 0n ? quotient : awayFromZero;
}

/**
 * Parses a decimal string in major units ('12.34', '-0.5', '1000') into minor units, exactly. Refuses exponents,
 * signs other than a leading '-', separators, and more significant decimals than the currency has ('12.345' USD);
 * trailing zeros beyond the exponent are accepted ('100.00' JPY is 100).
 */
export function majorToMinor(decimal: string, currency: CurrencyCode): number {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal);
  if (!match) {
    throw new MoneyError('MONEY_INVALID_DECIMAL', `"${decimal}" is not a decimal amount`);
  }
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > exponent) {
    throw new MoneyError(
      'MONEY_TOO_MANY_DECIMALS',
      `${currency} allows ${exponent} decimal places; "${decimal}" has more`,
    );
  }
  const minor = BigInt(whole + fraction.padEnd(exponent, '0').slice(0, exponent));
  return toSafeNumber(sign === '-' ? -minor : minor);
}

/** The inverse of `majorToMinor`, for logs, CSV exports and tests; people see amounts formatted by the client. */
export function minorToMajor(amountMinor: number, currency: CurrencyCode): string {
  assertSafeInteger(amountMinor, 'amountMinor');
  const exponent = currencyExponent(currency);
  const digits = Math.abs(amountMinor)
    .toString()
    .padStart(exponent + 1, '0');
  const sign = amountMinor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

function assertSameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new MoneyError('MONEY_CURRENCY_MISMATCH', `Cannot combine ${a.currency} with ${b.currency}`);
  }
}

function assertSafeInteger(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new MoneyError('MONEY_NOT_SAFE_INTEGER', `${name} must be a safe integer, got ${value}`);
  }
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyError('MONEY_NOT_SAFE_INTEGER', `${value} minor units is beyond the safe integer range`);
  }
  return Number(value);
}

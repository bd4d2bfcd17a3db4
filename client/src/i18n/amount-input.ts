import { currencyExponent } from './format';

/**
 * Reads an amount typed in major units ("1,234.5", "１２３４", "1234.50") as minor units of the currency, or null
 * when it is not an amount with at most the currency's decimals. Computed on the digits, never in floating point,
 * so 0.29 CNY is 29 fen and not 28.999….
 */
export function parseAmountToMinor(raw: string, currency: string): number | null {
  const text = toAsciiDigits(raw).replace(/[\s,，_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const exponent = currencyExponent(currency);
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return null;
  const minor = Number(whole + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units written back as the plain major-unit text a form field holds: 123456 CNY is "1234.56". */
export function minorToAmountInput(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const text = `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`.replace(/\.?0+$/, '');
  return minor < 0 ? `-${text}` : text;
}

/** A percentage typed by a person ("5", "2.75") as basis points, or null: at most two decimals. */
export function parsePercentToBps(raw: string): number | null {
  const text = toAsciiDigits(raw).replace(/[\s%％]/g, '');
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(text);
  if (!match) return null;
  return Number((match[1] ?? '0') + (match[2] ?? '').padEnd(2, '0'));
}

export function bpsToPercentInput(bps: number): string {
  return minorToAmountInputWithExponent(bps, 2);
}

/** A whole number typed by a person, or null. */
export function parseWholeNumber(raw: string): number | null {
  const text = toAsciiDigits(raw).trim();
  if (!/^\d+$/.test(text)) return null;
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : null;
}

function minorToAmountInputWithExponent(value: number, exponent: number): string {
  const digits = String(value).padStart(exponent + 1, '0');
  return `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`.replace(/\.?0+$/, '');
}

// Chinese input methods type full-width digits and points.
function toAsciiDigits(raw: string): string {
  return raw.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

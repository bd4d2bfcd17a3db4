import { addDays, type CalendarDate } from '../../common/calendar-date';
import { applyBasisPoints } from '../../common/money';

/**
 * The platform's fee on a payment, in basis points of the amount. Rounding rule: half up to the minor unit, so the
 * fee on ¥333.33 at 250 bps is 833.325 fen → 833 fen and on ¥333.40 it is 833.5 → 834 fen. The licensor receives
 * the rest, so fee + licensor share is always exactly the amount.
 */
export function splitPayment(
  amountMinor: number,
  platformFeeBps: number,
): { feeMinor: number; licensorMinor: number } {
  const feeMinor = applyBasisPoints(amountMinor, platformFeeBps, 'HALF_UP');
  return { feeMinor, licensorMinor: amountMinor - feeMinor };
}

/**
 * Declines Stripe reports with a decline code that another try may cure (the card is fine, the moment was not) are
 * soft; codes that say the card will never work (lost, stolen, fraud, closed account) are hard and stop retries until
 * the licensee saves another method. Unknown codes count as soft: retrying a few times costs little, giving up on a
 * good card costs a payment.
 */
const HARD_DECLINE_CODES = new Set([
  'lost_card',
  'stolen_card',
  'fraudulent',
  'pickup_card',
  'restricted_card',
  'invalid_account',
  'card_not_supported',
  'currency_not_supported',
  'do_not_honor_permanent',
  'expired_card',
  'incorrect_number',
  'invalid_number',
  'new_account_information_available',
  'revocation_of_all_authorizations',
  'revocation_of_authorization',
  'security_violation',
  'stop_payment_order',
  'transaction_not_allowed',
]);

export type DeclineKind = 'SOFT' | 'HARD';

export function classifyDecline(
  declineCode: string | null | undefined,
  errorCode?: string | null,
): DeclineKind {
  if (declineCode && HARD_DECLINE_CODES.has(declineCode)) return 'HARD';
  if (errorCode && ['expired_card', 'incorrect_number', 'invalid_number'].includes(errorCode)) return 'HARD';
  return 'SOFT';
}

/**
 * After a soft decline on attempt n (1-based, counting the first charge), the next try is due this many days after
 * the first attempt's day; after the last one the obligation waits for the licensee (pay now, or a new method).
 */
export const SOFT_DECLINE_RETRY_DAYS = [1, 3, 7] as const;

export function nextRetryDate(firstAttemptOn: CalendarDate, attemptsMade: number): CalendarDate | null {
  const offset = SOFT_DECLINE_RETRY_DAYS[attemptsMade - 1];
  return offset === undefined ? null : addDays(firstAttemptOn, offset);
}

/** The idempotency key for one attempt on one obligation: the same attempt always sends the same key. */
export const attemptIdempotencyKey = (obligationId: string, attemptNumber: number): string =>
  `usefirst-obligation-${obligationId}-attempt-${attemptNumber}`;

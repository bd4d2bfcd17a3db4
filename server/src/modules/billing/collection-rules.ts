import type { CalendarDate } from '../../common/calendar-date';
import { BLOCKING_ATTEMPT_STATUSES, type AttemptStatus } from './payment-attempt.model';
import { nextRetryDate } from './settlement-rules';

export type AttemptFacts = {
  attemptNumber: number;
  status: AttemptStatus;
  declineKind: 'SOFT' | 'HARD' | null;
  firstAttemptOn: string;
  paymentMethodId: string;
};

export type NextAttempt =
  | { kind: 'CHARGE'; attemptNumber: number; firstAttemptOn: CalendarDate }
  | {
      kind: 'WAIT';
      reason:
        | 'IN_FLIGHT'
        | 'PAID'
        | 'RETRY_SCHEDULED'
        | 'RETRIES_EXHAUSTED'
        | 'NEEDS_PAYMENT_METHOD'
        | 'NEEDS_AUTHENTICATION'
        | 'NEEDS_OPERATOR';
      retryOn?: CalendarDate;
    };

/**
 * Whether to try collecting an obligation now, given its attempts so far (oldest first). The rules, in order:
 * - an attempt whose outcome is pending or known good blocks any new one (never two charges in flight);
 * - a new payment method, saved after a hard decline, a cancelled or unauthenticated attempt, starts a new cycle;
 * - a soft decline is retried 1, 3 and 7 days after the cycle's first attempt by the billing run, or at once when
 *   the licensee presses "pay now";
 * - a hard decline waits for another payment method; a request Stripe rejected waits for an operator.
 */
export function nextAttempt(
  attempts: readonly AttemptFacts[],
  asOf: CalendarDate,
  paymentMethodId: string,
  origin: 'BILLING_RUN' | 'PAY_NOW',
): NextAttempt {
  const last = attempts.at(-1);
  if (!last) return { kind: 'CHARGE', attemptNumber: 1, firstAttemptOn: asOf };
  const next = last.attemptNumber + 1;
  if (last.status === 'SUCCEEDED') return { kind: 'WAIT', reason: 'PAID' };
  if (last.status === 'REQUIRES_ACTION' && last.paymentMethodId === paymentMethodId)
    return { kind: 'WAIT', reason: 'NEEDS_AUTHENTICATION' };
  if (BLOCKING_ATTEMPT_STATUSES.includes(last.status) && last.status !== 'REQUIRES_ACTION')
    return { kind: 'WAIT', reason: 'IN_FLIGHT' };
  const newMethod = last.paymentMethodId !== paymentMethodId;
  if (last.status === 'REJECTED') return { kind: 'WAIT', reason: 'NEEDS_OPERATOR' };
  if (newMethod) return { kind: 'CHARGE', attemptNumber: next, firstAttemptOn: asOf };
  if (last.status === 'CANCELED' || last.declineKind === 'HARD')
    return { kind: 'WAIT', reason: 'NEEDS_PAYMENT_METHOD' };
  // A soft decline.
  const firstAttemptOn = last.firstAttemptOn as CalendarDate;
  if (origin === 'PAY_NOW') return { kind: 'CHARGE', attemptNumber: next, firstAttemptOn };
  const inCycle = attempts.filter((a) => a.firstAttemptOn === last.firstAttemptOn).length;
  const retryOn = nextRetryDate(firstAttemptOn, inCycle);
  if (!retryOn) return { kind: 'WAIT', reason: 'RETRIES_EXHAUSTED' };
  if (retryOn > asOf) return { kind: 'WAIT', reason: 'RETRY_SCHEDULED', retryOn };
  return { kind: 'CHARGE', attemptNumber: next, firstAttemptOn };
}

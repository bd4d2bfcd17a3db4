import type { StripeEventLog } from './billing.types';
import type { StripeEventSummary } from './stripe-event-log';

/** What finance sees of a stored event: its state, never Stripe's payload. */
export const toStripeEventLog = (event: StripeEventSummary): StripeEventLog => ({
  id: event._id,
  type: event.type,
  status: event.status,
  attempts: event.attempts,
  lastError: event.lastError,
  receivedAt: event.receivedAt,
});

/**
 * What became of a stored Stripe event. The API types the status as a string (RECEIVED, APPLIED, FAILED or
 * IGNORED); the page reads it, and the `?status=` of its address, through this list.
 */
export const STRIPE_EVENT_STATUSES = ['FAILED', 'RECEIVED', 'APPLIED', 'IGNORED'] as const;
export type StripeEventStatus = (typeof STRIPE_EVENT_STATUSES)[number];

/** A status from the address or the API; null for none or one this client does not know. */
export function parseStripeEventStatus(raw: string | null | undefined): StripeEventStatus | null {
  return STRIPE_EVENT_STATUSES.find((status) => status === raw) ?? null;
}

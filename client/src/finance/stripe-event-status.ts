import { appendConnectionPage } from '../graphql/connection-page';
import type { StripeEventsQuery, StripeEventsQueryVariables } from '../graphql/generated/graphql';

/**
 * What became of a stored Stripe event. The API types the status as a string (RECEIVED, APPLIED, FAILED or
 * IGNORED); the page reads it, and the `?status=` of its address, through this list.
 */
export const STRIPE_EVENT_STATUSES = ['FAILED', 'RECEIVED', 'APPLIED', 'IGNORED'] as const;
export type StripeEventStatus = (typeof STRIPE_EVENT_STATUSES)[number];

/** How many events a page of the log shows, and each "Load more" adds. */
export const STRIPE_EVENT_PAGE_SIZE = 20;

/** A status from the address or the API; null for none or one this client does not know. */
export function parseStripeEventStatus(raw: string | null | undefined): StripeEventStatus | null {
  return STRIPE_EVENT_STATUSES.find((status) => status === raw) ?? null;
}

/** The variables of StripeEvents' first page: every event, or those with the status in the address. */
export function stripeEventsVariables(status: StripeEventStatus | null): StripeEventsQueryVariables {
  return { ...(status ? { status } : {}), first: STRIPE_EVENT_PAGE_SIZE };
}

/** The next page of events after those already shown; the server's total and page info are the newest. */
export function appendStripeEventPage(shown: StripeEventsQuery, next: StripeEventsQuery): StripeEventsQuery {
  return { stripeEvents: appendConnectionPage(shown.stripeEvents, next.stripeEvents) };
}

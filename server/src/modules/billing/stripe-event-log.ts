import type { CursorKey } from '../../common/connection';
import type { StripeEventRecord } from './stripe-event.model';

/** What finance's event log reads of a stored event: everything but Stripe's payload, which it never shows. */
export type StripeEventSummary = Omit<StripeEventRecord, 'payload'>;

export const STRIPE_EVENT_STATUSES = ['RECEIVED', 'APPLIED', 'FAILED', 'IGNORED'] as const;

export function isStripeEventStatus(value: string): value is StripeEventRecord['status'] {
  return (STRIPE_EVENT_STATUSES as readonly string[]).includes(value);
}

/**
 * An event's place in the log: when it arrived, then its id, because one webhook delivery and a retry can store
 * events in the same millisecond (and a fixed test clock stores all of them at one instant).
 */
export const STRIPE_EVENT_KEY_SHAPE = ['number', 'string'] as const;

export const stripeEventKey = (event: Pick<StripeEventSummary, '_id' | 'receivedAt'>): CursorKey => [
  event.receivedAt.getTime(),
  event._id,
];

/** Newest received first; among events received at the same instant, the greater id first. */
export function newestReceivedFirst(a: CursorKey, b: CursorKey): number {
  const byTime = Number(b[0]) - Number(a[0]);
  if (byTime !== 0) return byTime;
  const [idA, idB] = [String(a[1]), String(b[1])];
  return idA === idB ? 0 : idA > idB ? -1 : 1;
}

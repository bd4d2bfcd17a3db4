import type { StripeEventsQuery } from '../graphql/generated/graphql';
import { appendStripeEventPage, stripeEventsVariables } from './stripe-event-status';

describe('the Stripe event log, a page at a time', () => {
  it('asks for the first 20 events, of the status in the address if there is one', () => {
    expect(stripeEventsVariables(null)).toEqual({ first: 20 });
    expect(stripeEventsVariables('FAILED')).toEqual({ status: 'FAILED', first: 20 });
  });

  it('adds the next page after the events shown, once each, with the newest total and page info', () => {
    const event = (id: string) => ({
      cursor: `c-${id}`,
      node: {
        id,
        type: 'account.updated',
        status: 'APPLIED',
        attempts: 1,
        lastError: null,
        receivedAt: '2026-06-01T09:00:00.000Z',
      },
    });
    const page = (ids: string[], totalCount: number, hasNextPage: boolean, endCursor: string | null) =>
      ({
        stripeEvents: { totalCount, edges: ids.map(event), pageInfo: { hasNextPage, endCursor } },
      }) satisfies StripeEventsQuery;

    // Given evt_3 and evt_2 shown, and the next page repeating evt_2 (it moved while finance paged)
    const merged = appendStripeEventPage(
      page(['evt_3', 'evt_2'], 3, true, 'c-evt_2'),
      page(['evt_2', 'evt_1'], 4, false, 'c-evt_1'),
    );

    // Then each is shown once, in order, and the total and end are the new page's
    expect(merged.stripeEvents.edges.map((edge) => edge.node.id)).toEqual(['evt_3', 'evt_2', 'evt_1']);
    expect(merged.stripeEvents.totalCount).toBe(4);
    expect(merged.stripeEvents.pageInfo).toEqual({ hasNextPage: false, endCursor: 'c-evt_1' });
  });
});

import { isStripeEventStatus, newestReceivedFirst, stripeEventKey } from './stripe-event-log';

describe('the Stripe event log order', () => {
  it('puts the newest received first, and of events received at one instant the greater id first', () => {
    const at = (iso: string, id: string) => ({ _id: id, receivedAt: new Date(iso) });
    const events = [
      at('2026-06-01T09:00:00.000Z', 'evt_A'),
      at('2026-06-01T09:00:00.001Z', 'evt_0'),
      at('2026-06-01T09:00:00.000Z', 'evt_B'),
      at('2026-05-31T23:59:59.999Z', 'evt_Z'),
    ];
    const sorted = [...events].sort((a, b) => newestReceivedFirst(stripeEventKey(a), stripeEventKey(b)));
    expect(sorted.map((e) => e._id)).toEqual(['evt_0', 'evt_B', 'evt_A', 'evt_Z']);
    expect(stripeEventKey(events[1])).toEqual([Date.parse('2026-06-01T09:00:00.001Z'), 'evt_0']);
  });

  it('knows the four statuses and no other spelling', () => {
    expect(['RECEIVED', 'APPLIED', 'FAILED', 'IGNORED'].every(isStripeEventStatus)).toBe(true);
    expect(['failed', 'Applied', '', 'DONE'].some(isStripeEventStatus)).toBe(false);
  });
});

import { fixedClock } from '../../server/src/common/clock';
import { BillingAccountModel } from '../../server/src/modules/billing/billing-account.model';
import {
  StripeEventModel,
  type StripeEventRecord,
} from '../../server/src/modules/billing/stripe-event.model';
import { UserModel } from '../../server/src/modules/identity/user.model';
import type { StripeSimulator } from '../../server/src/integrations/stripe-simulator';
import { errorCode } from '../support/graphql-client';
import type { TestServer } from '../support/test-server';
import { founder, platformAdmin, signUp, universityInput, type Actor } from './fixtures/actors';
import { onboardLicensor, startSettlementStack } from './fixtures/settlement';

/*
 * The Stripe event log as the platform's finance staff work it: the events the webhook stored, a page at a time, and
 * applying again, at once, one whose handling failed. A failed first try is stood in for by writing the stored event
 * back to FAILED (with the licensor's payout flags as they were before it), as an outage between storing and applying
 * leaves it; an event never tried, by storing it RECEIVED.
 */

type EventLog = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
};
type EventPage = {
  totalCount: number;
  edges: { cursor: string; node: EventLog }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
};

const clock = fixedClock('2026-06-01T09:00:00Z');
let server: TestServer;
let stripe: StripeSimulator;
let tto: Actor;
let ttoFinance: Actor;
let platformFinance: Actor;

beforeAll(async () => {
  ({ server, stripe } = await startSettlementStack(clock));
  const anonymous = server.client();
  tto = await founder(anonymous, 'events-tto', universityInput('Event University'));
  platformFinance = await platformAdmin(anonymous, 'platform-finance');
  await UserModel.updateOne(
    { _id: platformFinance.userId },
    { $set: { 'memberships.0.roles': ['FINANCE'] } },
  );
  const invitee = await signUp(anonymous, 'events-tto-finance');
  const { inviteMember } = await tto.client.data<{ inviteMember: { token: string } }>('InviteMember', {
    input: { organizationId: tto.organizationId, email: invitee.email, roles: ['FINANCE'] },
  });
  await invitee.client.data('AcceptInvitation', { token: inviteMember.token });
  ttoFinance = { ...invitee, organizationId: tto.organizationId };
  await onboardLicensor(tto, stripe);
});

afterAll(async () => {
  await server?.stop();
  await stripe?.stop();
});

async function accountUpdated(): Promise<StripeEventRecord> {
  const [event] = await StripeEventModel.find({ type: 'account.updated' })
    .sort({ receivedAt: -1 })
    .limit(1)
    .lean<StripeEventRecord[]>();
  if (!event) throw new Error('onboarding sent no account.updated');
  return event;
}

const listEvents = async (actor: Actor, variables: Record<string, unknown>): Promise<EventPage> =>
  (await actor.client.data<{ stripeEvents: EventPage }>('StripeEvents', variables)).stripeEvents;
const idsOf = (page: EventPage) => page.edges.map((e) => e.node.id);

/** A stored event as an outage right after storing it leaves it: RECEIVED, never tried. */
const storedUnapplied = (id: string, receivedAt: string): StripeEventRecord => ({
  _id: id,
  type: 'payment_intent.processing',
  objectId: `pi_${id}`,
  createdAtStripe: Date.parse(receivedAt) / 1000,
  payload: JSON.stringify({ id, object: 'event', type: 'payment_intent.processing' }),
  status: 'RECEIVED',
  attempts: 0,
  lastError: null,
  receivedAt: new Date(receivedAt),
  appliedAt: null,
});

const payoutsEnabled = async () =>
  (await BillingAccountModel.findById(tto.organizationId).lean())?.payoutsEnabled ?? null;

describe('the Stripe event log', () => {
  it('lists the events received, newest first, and by status', async () => {
    const all = await listEvents(platformFinance, { first: 100 });
    const applied = await listEvents(platformFinance, { status: 'APPLIED', first: 100 });

    expect(all.totalCount).toBe(await StripeEventModel.countDocuments());
    expect(all.edges).toHaveLength(all.totalCount);
    expect(all.pageInfo.hasNextPage).toBe(false);
    expect(all.edges.find((e) => e.node.type === 'account.updated')?.node).toMatchObject({
      status: 'APPLIED',
      attempts: 1,
      lastError: null,
    });
    const received = all.edges.map((e) => e.node.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    expect(applied.totalCount).toBe(await StripeEventModel.countDocuments({ status: 'APPLIED' }));
    expect(applied.edges.every((e) => e.node.status === 'APPLIED')).toBe(true);
  });

  it('pages newest first, each page right after the last event seen, even when a newer one arrives', async () => {
    // Given five events left RECEIVED (the only ones: every event of the onboarding was applied), two of them
    // received in the same millisecond
    expect(await StripeEventModel.countDocuments({ status: 'RECEIVED' })).toBe(0);
    await StripeEventModel.insertMany([
      storedUnapplied('evt_page_1', '2026-06-01T10:00:00.000Z'),
      storedUnapplied('evt_page_2', '2026-06-01T10:00:01.000Z'),
      storedUnapplied('evt_page_3', '2026-06-01T10:00:01.000Z'),
      storedUnapplied('evt_page_4', '2026-06-01T10:00:02.000Z'),
      storedUnapplied('evt_page_5', '2026-06-01T10:00:03.000Z'),
    ]);

    // When finance reads them two at a time
    const first = await listEvents(platformFinance, { status: 'RECEIVED', first: 2 });
    // (and meanwhile a newer event arrives at the head of the list)
    await StripeEventModel.create(storedUnapplied('evt_page_6', '2026-06-01T10:00:04.000Z'));
    const second = await listEvents(platformFinance, {
      status: 'RECEIVED',
      first: 2,
      after: first.pageInfo.endCursor,
    });
    const third = await listEvents(platformFinance, {
      status: 'RECEIVED',
      first: 2,
      after: second.pageInfo.endCursor,
    });

    // Then each page goes on after the last one, of two events received at once the greater id first, and
    // the newcomer neither repeats nor pushes down an event already seen
    expect(idsOf(first)).toEqual(['evt_page_5', 'evt_page_4']);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
    expect(first.edges[0].node).toEqual({
      id: 'evt_page_5',
      type: 'payment_intent.processing',
      status: 'RECEIVED',
      attempts: 0,
      lastError: null,
      receivedAt: '2026-06-01T10:00:03.000Z',
    });
    expect(idsOf(second)).toEqual(['evt_page_3', 'evt_page_2']);
    expect(second.totalCount).toBe(6);
    expect(second.pageInfo.hasNextPage).toBe(true);
    expect(idsOf(third)).toEqual(['evt_page_1']);
    expect(third.pageInfo).toEqual({ hasNextPage: false, endCursor: third.edges[0].cursor });
    // And the whole list, unfiltered, starts with the newcomer
    expect(idsOf(await listEvents(platformFinance, { first: 1 }))).toEqual(['evt_page_6']);
  });

  it('refuses a cursor from another status, a page size outside 1 to 100, an unknown status and anyone but platform finance, changing nothing', async () => {
    const before = await StripeEventModel.find().sort({ _id: 1 }).lean<StripeEventRecord[]>();
    const received = await listEvents(platformFinance, { status: 'RECEIVED', first: 1 });
    const refusal = async (actor: Actor, variables: Record<string, unknown>) => {
      const result = await actor.client.run('StripeEvents', variables);
      return { code: errorCode(result), field: result.errors?.[0]?.extensions?.field, data: result.data };
    };

    const otherStatus = await refusal(platformFinance, {
      status: 'APPLIED',
      after: received.pageInfo.endCursor,
    });
    const noStatus = await refusal(platformFinance, { after: received.pageInfo.endCursor });
    const notACursor = await refusal(platformFinance, { after: 'bm90IGEgY3Vyc29y' });
    const none = await refusal(platformFinance, { first: 0 });
    const tooMany = await refusal(platformFinance, { first: 101 });
    const lowerCase = await refusal(platformFinance, { status: 'failed' });
    const licensorFinance = await refusal(ttoFinance, {});
    const manager = await refusal(tto, {});

    expect(otherStatus).toEqual({ code: 'BAD_USER_INPUT', field: 'after', data: null });
    expect(noStatus).toEqual({ code: 'BAD_USER_INPUT', field: 'after', data: null });
    expect(notACursor).toEqual({ code: 'BAD_USER_INPUT', field: 'after', data: null });
    expect(none).toEqual({ code: 'BAD_USER_INPUT', field: 'first', data: null });
    expect(tooMany).toEqual({ code: 'BAD_USER_INPUT', field: 'first', data: null });
    expect(lowerCase).toEqual({ code: 'BAD_USER_INPUT', field: 'status', data: null });
    expect(licensorFinance).toMatchObject({ code: 'FORBIDDEN', data: null });
    expect(manager).toMatchObject({ code: 'FORBIDDEN', data: null });
    expect(await StripeEventModel.find().sort({ _id: 1 }).lean<StripeEventRecord[]>()).toEqual(before);
  });

  it('applies a failed event again at once: its effect lands and the log says APPLIED', async () => {
    // Given an account.updated whose first try failed before it reached the billing account
    const event = await accountUpdated();
    await StripeEventModel.updateOne(
      { _id: event._id },
      { $set: { status: 'FAILED', lastError: 'connect ETIMEDOUT', appliedAt: null } },
    );
    await BillingAccountModel.updateOne({ _id: tto.organizationId }, { $set: { payoutsEnabled: false } });
    const failed = await listEvents(platformFinance, { status: 'FAILED' });
    expect(failed.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ id: event._id, status: 'FAILED', lastError: 'connect ETIMEDOUT' }),
    ]);

    // When platform finance applies it again
    const { reapplyStripeEvent } = await platformFinance.client.data<{ reapplyStripeEvent: EventLog }>(
      'ReapplyStripeEvent',
      { id: event._id },
    );

    // Then it is applied, counted as one more try, and the licensor can be paid out again
    expect(reapplyStripeEvent).toMatchObject({
      id: event._id,
      type: 'account.updated',
      status: 'APPLIED',
      attempts: event.attempts + 1,
      lastError: null,
    });
    expect(await payoutsEnabled()).toBe(true);
  });

  it('refuses an event that did not fail, one that does not exist, and anyone but platform finance, changing nothing', async () => {
    const event = await accountUpdated();
    const before = await StripeEventModel.findById(event._id).lean<StripeEventRecord>();

    const notFailed = await platformFinance.client.run('ReapplyStripeEvent', { id: event._id });
    const missing = await platformFinance.client.run('ReapplyStripeEvent', { id: 'evt_never_sent' });
    const licensorFinance = await ttoFinance.client.run('ReapplyStripeEvent', { id: event._id });
    const manager = await tto.client.run('ReapplyStripeEvent', { id: event._id });

    expect(errorCode(notFailed)).toBe('INVALID_STATE_TRANSITION');
    expect(errorCode(missing)).toBe('NOT_FOUND');
    expect(errorCode(licensorFinance)).toBe('FORBIDDEN');
    expect(errorCode(manager)).toBe('FORBIDDEN');
    expect(await StripeEventModel.findById(event._id).lean<StripeEventRecord>()).toEqual(before);
  });
});

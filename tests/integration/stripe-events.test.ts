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
 * The Stripe event log as the platform's finance staff work it: the events the webhook stored, and applying again,
 * at once, one whose handling failed. A failed first try is stood in for by writing the stored event back to FAILED
 * (with the licensor's payout flags as they were before it), as an outage between storing and applying leaves it.
 */

type EventLog = {
  id: string;
  type: string;
  status: string;
  attempts: number;
  lastError: string | null;
  receivedAt: string;
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

const payoutsEnabled = async () =>
  (await BillingAccountModel.findById(tto.organizationId).lean())?.payoutsEnabled ?? null;

describe('the Stripe event log', () => {
  it('lists the events received, newest first, and by status', async () => {
    const all = await platformFinance.client.data<{ stripeEvents: EventLog[] }>('StripeEvents', {});
    const applied = await platformFinance.client.data<{ stripeEvents: EventLog[] }>('StripeEvents', {
      status: 'APPLIED',
    });

    expect(all.stripeEvents.length).toBeGreaterThan(0);
    expect(all.stripeEvents.find((e) => e.type === 'account.updated')).toMatchObject({
      status: 'APPLIED',
      attempts: 1,
      lastError: null,
    });
    const received = all.stripeEvents.map((e) => e.receivedAt);
    expect(received).toEqual([...received].sort().reverse());
    expect(applied.stripeEvents.every((e) => e.status === 'APPLIED')).toBe(true);
  });

  it('applies a failed event again at once: its effect lands and the log says APPLIED', async () => {
    // Given an account.updated whose first try failed before it reached the billing account
    const event = await accountUpdated();
    await StripeEventModel.updateOne(
      { _id: event._id },
      { $set: { status: 'FAILED', lastError: 'connect ETIMEDOUT', appliedAt: null } },
    );
    await BillingAccountModel.updateOne({ _id: tto.organizationId }, { $set: { payoutsEnabled: false } });
    const failed = await platformFinance.client.data<{ stripeEvents: EventLog[] }>('StripeEvents', {
      status: 'FAILED',
    });
    expect(failed.stripeEvents).toEqual([
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

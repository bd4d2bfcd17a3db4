import fc from 'fast-check';
import mongoose from 'mongoose';
import { addDays, type CalendarDate } from '../../server/src/common/calendar-date';
import { fixedClock } from '../../server/src/common/clock';
import { systemContext } from '../../server/src/common/request-context';
import type { GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

/*
 * "Advancing twice changes nothing", as a property. Four licences signed on 2027-01-31 (a month end) with reports
 * filed before the engine first runs:
 *   A  twelve monthly installments of a total with an odd remainder, 12 % late interest: it defaults in March;
 *   B  the express licence (free until first revenue), whose first report on 2027-04-02 ends the free period;
 *   C  a three-month term ending 2027-04-29 with a fee due 2027-04-05 and 10 grace days: it defaults on 2027-04-16,
 *      before it would complete on 2027-04-30, in the same month;
 *   D  tiered royalties with a minimum annual royalty, some quarters reported (one amended), others never.
 * For random sequences of as-of dates (out of order, repeated), the engine is advanced through each; the state is
 * fingerprinted (obligations, contracts with their state history, notifications, report deadlines, minimum checks).
 * Then:
 *   1. advancing again to any of those dates, or to an earlier one, changes nothing;
 *   2. a second process that read the engine's old watermark (deleted here) and advances to the maximum changes
 *      nothing either: every change is conditional or keyed, not just skipped by the watermark;
 *   3. from the same start, advancing through the dates in sorted order gives the same final state, except the
 *      PAYMENT_DUE_SOON reminders: by design one is sent only when the engine stops within the 14 days before a due
 *      date, and sorted order stops on every date of the sequence while random order stops only on its running
 *      maxima, so the random order's reminders are a subset of the sorted order's.
 */
let server: TestServer;
let anonymous: GraphQLTestClient;
let baseline: Map<string, Record<string, unknown>[]>;
const clock = fixedClock('2027-01-31T08:00:00Z');
const START = '2027-01-25' as CalendarDate;
const KEY_DATES = [
  '2027-02-14',
  '2027-02-28',
  '2027-03-01',
  '2027-03-11',
  '2027-03-12',
  '2027-04-02',
  '2027-04-15',
  '2027-04-16',
  '2027-04-20',
  '2027-04-30',
  '2027-05-01',
  '2028-01-30',
  '2028-03-01',
  '2029-01-31',
] as CalendarDate[];

const line = (netSalesMinor: number) => ({
  product: 'Cell pack',
  territory: 'CN',
  grossSalesMinor: netSalesMinor,
  deductionsMinor: 0,
  netSalesMinor,
});

async function signIn(actor: Actor): Promise<Actor> {
  const { signIn } = await anonymous.data<{ signIn: { accessToken: string } }>('SignIn', {
    input: { email: actor.email, password: 'correct-horse-battery' },
  });
  return { ...actor, token: signIn.accessToken, client: anonymous.withToken(signIn.accessToken) };
}

function db() {
  const connection = mongoose.connection.db;
  if (!connection) throw new Error('not connected');
  return connection;
}

/** The collections the engine writes, as they were before it ever ran. */
const ENGINE_COLLECTIONS = [
  'contracts',
  'obligations',
  'notifications',
  'report_deadlines',
  'minimum_royalty_checks',
  'claims',
  'engine_state',
];

async function restoreBaseline(): Promise<void> {
  for (const name of ENGINE_COLLECTIONS) {
    await db().collection(name).deleteMany({});
    const docs = baseline.get(name) ?? [];
    if (docs.length > 0)
      await db()
        .collection(name)
        .insertMany(docs.map((d) => ({ ...d })));
  }
}

async function advance(asOf: CalendarDate): Promise<void> {
  await server.services.contractEngine.advanceTo(systemContext(clock), asOf);
}

type Fingerprint = { state: string[]; reminders: string[] };

/** Everything the engine decides, without timestamps or generated ids. */
async function fingerprint(): Promise<Fingerprint> {
  const all = async (name: string) => db().collection(name).find({}).toArray();
  const contracts = (await all('contracts')).map(
    (c) =>
      `contract ${c.number} ${c.state} ${c.freePeriodEndsOn} ` +
      (c.stateHistory as { from: string | null; to: string }[]).map((h) => `${h.from}>${h.to}`).join(','),
  );
  const obligations = (await all('obligations')).map(
    (o) => `obligation ${o.obligationKey} ${o.kind} ${o.amountMinor} ${o.dueDate} ${o.status} ${o.accruedTo}`,
  );
  const notifications = (await all('notifications')).map(
    (n) => `notification ${n.notificationKey} ${n.onDate} ${n.message}`,
  );
  const deadlines = (await all('report_deadlines')).map((d) => `deadline ${d.deadlineKey} ${d.status}`);
  const checks = (await all('minimum_royalty_checks')).map((c) => `check ${c.checkKey} ${c.status}`);
  const reminder = (s: string) => s.includes(':PAYMENT_DUE_SOON:');
  const everything = [...contracts, ...obligations, ...notifications, ...deadlines, ...checks].sort();
  return { state: everything.filter((s) => !reminder(s)), reminders: everything.filter(reminder) };
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000' } });
  anonymous = server.client();
  const tto = await founder(anonymous, 'fp-tto', universityInput('Fingerprint University'));
  let sme = await founder(anonymous, 'fp-sme', smeInput('Fingerprint SME'));
  const none = { freePeriod: null, upfrontFee: null, royalty: null };
  await signedLicence(tto, sme, {
    ...none,
    termMonths: 12,
    installments: {
      totalMinor: 100_001,
      count: 12,
      frequency: 'MONTHLY',
      firstDue: 'AFTER_EFFECTIVE_DATE',
      remainder: 'FIRST',
    },
    lateInterestBps: 1200,
    graceDays: 10,
  });
  const { contractId: express } = await signedLicence(tto, sme);
  await signedLicence(tto, sme, {
    ...none,
    termMonths: 3,
    upfrontFee: { amountMinor: 50_000, due: 'ON_DATE', onDate: '2027-04-05' },
    lateInterestBps: 800,
    graceDays: 10,
  });
  const { contractId: tiered } = await signedLicence(tto, sme, {
    termMonths: 24,
    freePeriod: null,
    upfrontFee: null,
    royalty: {
      tierBasis: 'CUMULATIVE',
      tiers: [
        { fromMinor: 0, toMinor: 1_000_000, rateBps: 500 },
        { fromMinor: 1_000_000, toMinor: null, rateBps: 300 },
      ],
    },
    minimumAnnualRoyalty: { amountMinor: 60_000, fromContractYear: 1 },
    lateInterestBps: 500,
    graceDays: 30,
  });

  clock.set('2027-04-02T08:00:00Z');
  sme = await signIn(sme);
  await sme.client.data('SubmitRoyaltyReport', {
    contractId: express,
    periodStart: '2027-01-31',
    lines: [line(300_000)],
  });
  clock.set('2028-02-15T08:00:00Z');
  sme = await signIn(sme);
  for (const [periodStart, sales] of [
    ['2027-01-31', 400_000],
    ['2027-04-01', 700_000],
    ['2027-10-01', 250_000],
    ['2027-04-01', 650_000],
  ] as const)
    await sme.client.data('SubmitRoyaltyReport', { contractId: tiered, periodStart, lines: [line(sales)] });

  baseline = new Map();
  for (const name of ENGINE_COLLECTIONS) baseline.set(name, await db().collection(name).find({}).toArray());
  expect(baseline.get('engine_state')).toEqual([]);
});

afterAll(async () => {
  await server.stop();
});

// 8 runs take about 20 s here; ENGINE_PROPERTY_RUNS=100 for a longer hunt.
const RUNS = Number(process.env.ENGINE_PROPERTY_RUNS ?? 8);

const asOfDate = fc.oneof(
  fc.integer({ min: 0, max: 830 }).map((days) => addDays(START, days)),
  fc.constantFrom(...KEY_DATES),
);

it(
  'advancing again, to any date reached or an earlier one, or from a stale watermark, changes nothing',
  async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(asOfDate, { minLength: 1, maxLength: 6 }),
        fc.nat(60),
        async (dates, back) => {
          await restoreBaseline();
          for (const d of dates) await advance(d);
          const reached = await fingerprint();
          const sorted = [...new Set(dates)].sort();

          for (const d of [...dates, addDays(sorted[0], -back)]) await advance(d);
          expect(await fingerprint()).toEqual(reached);

          await db().collection('engine_state').deleteMany({});
          await advance(sorted[sorted.length - 1]);
          expect(await fingerprint()).toEqual(reached);

          await restoreBaseline();
          for (const d of sorted) await advance(d);
          const inOrder = await fingerprint();
          expect(inOrder.state).toEqual(reached.state);
          expect(inOrder.reminders).toEqual(expect.arrayContaining(reached.reminders));
        },
      ),
      {
        numRuns: RUNS,
        endOnFailure: true,
        examples: [
          // C defaults on 2027-04-16 and would complete on 2027-04-30: stopping between them, or jumping past both.
          [['2027-05-01', '2027-04-20'] as CalendarDate[], 0],
          // D's first-year true-up falls due on 2028-02-29, in the month of its check; a credit is due 2027-07-30.
          [['2028-03-08', '2027-02-14', '2027-03-01'] as CalendarDate[], 34],
        ],
      },
    );
  },
  30_000 + RUNS * 6_000,
);

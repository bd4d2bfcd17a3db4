import { fixedClock } from '../../server/src/common/clock';
import { ContractModel, ObligationModel } from '../../server/src/modules/contracts/contract.model';
import {
  addDays,
  addMonths,
  parseCalendarDate,
  type CalendarDate,
} from '../../server/src/common/calendar-date';
import type { GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, platformAdmin, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

/*
 * Ten simulated years: a licence signed on 2027-01-01 with ¥12,000.00 in ten yearly installments and a tiered
 * royalty (5 % on the first ¥100,000.00 of cumulative net sales, 3 % beyond), reported every quarter at ¥10,000.00.
 * By hand: 10 installments of 120,000 fen; 10 quarters at 5 % (50,000) until cumulative sales reach ¥100,000.00,
 * then 30 quarters at 3 % (30,000): 500,000 + 900,000 = 1,400,000 fen of royalties. A minimum annual royalty of
 * 150,000 fen from year 1: years 1 and 2 earn 200,000, year 3 earns 2 × 50,000 + 2 × 30,000 = 160,000, years 4 to
 * 10 earn 120,000 each and are topped up by 30,000: 7 × 30,000 = 210,000. In all 1,200,000 + 1,400,000 + 210,000
 * = 2,810,000 fen.
 */
let server: TestServer;
let anonymous: GraphQLTestClient;
let sme: Actor;
let admin: Actor;
let contractId: string;
const clock = fixedClock('2027-01-01T08:00:00Z');

async function signIn(actor: Actor): Promise<Actor> {
  const { signIn } = await anonymous.data<{ signIn: { accessToken: string } }>('SignIn', {
    input: { email: actor.email, password: 'correct-horse-battery' },
  });
  return { ...actor, token: signIn.accessToken, client: anonymous.withToken(signIn.accessToken) };
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000' } });
  anonymous = server.client();
  const tto = await founder(anonymous, 'decade-tto', universityInput('Decade University'));
  sme = await founder(anonymous, 'decade-sme', smeInput('Decade SME'));
  admin = await platformAdmin(anonymous);
  ({ contractId } = await signedLicence(tto, sme, {
    termMonths: 120,
    freePeriod: null,
    upfrontFee: null,
    installments: {
      totalMinor: 1_200_000,
      count: 10,
      frequency: 'YEARLY',
      firstDue: 'AFTER_EFFECTIVE_DATE',
      remainder: 'LAST',
    },
    royalty: {
      tierBasis: 'CUMULATIVE',
      tiers: [
        { fromMinor: 0, toMinor: 10_000_000, rateBps: 500 },
        { fromMinor: 10_000_000, toMinor: null, rateBps: 300 },
      ],
    },
    minimumAnnualRoyalty: { amountMinor: 150_000, fromContractYear: 1 },
    lateInterestBps: 0,
    reportingPeriod: 'QUARTERLY',
    reportDueDays: 30,
    graceDays: 30,
  }));
});

afterAll(async () => {
  await server.stop();
});

it('gives, after ten years of quarterly reports, the obligations a finance person computes by hand', async () => {
  let quarter = parseCalendarDate('2027-01-01');
  for (let q = 1; q <= 40; q++) {
    const next = addMonths(quarter, 3);
    clock.set(`${next}T08:00:00Z`); // the day after the quarter ends
    sme = await signIn(sme);
    const line = {
      product: 'Cell pack',
      territory: 'CN',
      grossSalesMinor: 1_000_000,
      deductionsMinor: 0,
      netSalesMinor: 1_000_000,
    };
    await sme.client.data('SubmitRoyaltyReport', { contractId, periodStart: quarter, lines: [line] });
    quarter = next;
  }
  clock.set('2037-03-01T08:00:00Z');
  admin = await signIn(admin);
  const run = await admin.client.data<{ advanceContractEngine: { obligationsDue: number } }>(
    'AdvanceContractEngine',
    { asOf: '2037-03-01' },
  );
  // 10 installments, 40 royalties and the 7 minimum-royalty true-ups (each falls due in the month of its check).
  expect(run.advanceContractEngine.obligationsDue).toBe(57);

  const obligations = (await ObligationModel.find({ contractId }).lean()).sort(
    (a, b) => a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key),
  );
  const installments = obligations.filter((o) => o.kind === 'INSTALLMENT');
  expect(installments.map((o) => [o.dueDate, o.amountMinor])).toEqual(
    Array.from({ length: 10 }, (_, i) => [`${2028 + i}-01-01`, 120_000]),
  );
  const royalties = obligations.filter((o) => o.kind === 'ROYALTY');
  const expectedRoyalties = Array.from({ length: 40 }, (_, i) => {
    const quarterEnd = addDays(addMonths(parseCalendarDate('2027-01-01'), 3 * (i + 1)), -1) as CalendarDate;
    return [addDays(quarterEnd, 30), i < 10 ? 50_000 : 30_000];
  });
  expect(royalties.map((o) => [o.dueDate, o.amountMinor])).toEqual(expectedRoyalties);
  const trueUps = obligations.filter((o) => o.kind === 'MINIMUM_ROYALTY_TRUE_UP');
  // Each contract year ends on Dec 31; its top-up is due with the last report, 30 days later.
  expect(trueUps.map((o) => [o.key, o.dueDate, o.amountMinor])).toEqual(
    Array.from({ length: 7 }, (_, i) => [`MINIMUM_ROYALTY_TRUE_UP:${i + 4}`, `${2031 + i}-01-30`, 30_000]),
  );
  expect(obligations.reduce((sum, o) => sum + o.amountMinor, 0)).toBe(2_810_000);
  // Nothing was paid (settlement is the next issue), so the first installment put the contract in default.
  expect((await ContractModel.findById(contractId).lean())?.state).toBe('DEFAULTED');

  // Advancing to the same date again changes nothing.
  const again = await admin.client.data<{ advanceContractEngine: { advanced: boolean } }>(
    'AdvanceContractEngine',
    { asOf: '2037-03-01' },
  );
  expect(again.advanceContractEngine.advanced).toBe(false);
  expect((await ObligationModel.find({ contractId }).lean()).length).toBe(obligations.length);
});

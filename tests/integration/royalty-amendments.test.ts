import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import type { GraphQLTestClient } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

/*
 * Amending an earlier period under tiered royalties moves every later period in the tiers. Two licences signed on
 * 2027-01-01, no free period, quarterly reports due 30 days after each quarter, the same marginal tiers:
 * 5 % on [0, ¥10,000.00), 3 % on [¥10,000.00, ¥20,000.00), 1 % above (fen: 1,000,000 and 2,000,000).
 *
 * CUMULATIVE basis, by hand (fen):
 *   Q1 800,000              → 800,000 × 5 %                               = 40,000
 *   Q2 500,000 (0.8M–1.3M)  → 200,000 × 5 % + 300,000 × 3 %               = 19,000
 *   Q3 900,000 (1.3M–2.2M)  → 700,000 × 3 % + 200,000 × 1 %               = 23,000
 * Q1 amended to 1,200,000:
 *   Q1 (0–1.2M)             → 1,000,000 × 5 % + 200,000 × 3 % = 56,000     → +16,000
 *   Q2 (1.2M–1.7M)          → 500,000 × 3 %                   = 15,000     → −4,000
 *   Q3 (1.7M–2.6M)          → 300,000 × 3 % + 600,000 × 1 %   = 15,000     → −8,000
 *   check: cumulative 2.6M owes 50,000 + 30,000 + 6,000 = 86,000 = 40,000 + 19,000 + 23,000 + 16,000 − 4,000 − 8,000
 * Q2 then amended to 100,000:
 *   Q2 (1.2M–1.3M)          → 100,000 × 3 %                   = 3,000      → −12,000
 *   Q3 (1.3M–2.2M)          → 700,000 × 3 % + 200,000 × 1 %   = 23,000     → +8,000
 *   Q1 is earlier and stays 56,000; check: 2.2M owes 50,000 + 30,000 + 2,000 = 82,000 = 86,000 − 12,000 + 8,000
 *
 * CONTRACT_YEAR basis (contract years start on Jan 1):
 *   2027-Q3 500,000 → 25,000; 2027-Q4 900,000 (0.5M–1.4M) → 500,000 × 5 % + 400,000 × 3 % = 37,000;
 *   2028-Q1 900,000 (a new year: 0–0.9M) → 45,000.
 * 2027-Q3 amended to a zero report: −25,000; 2027-Q4 (0–0.9M) → 45,000: +8,000; 2028-Q1 is in another year's
 * basis and does not move (no new revision).
 */
let server: TestServer;
let anonymous: GraphQLTestClient;
let sme: Actor;
let cumulative: string;
let yearly: string;
const clock = fixedClock('2027-01-01T08:00:00Z');

const tiers = [
  { fromMinor: 0, toMinor: 1_000_000, rateBps: 500 },
  { fromMinor: 1_000_000, toMinor: 2_000_000, rateBps: 300 },
  { fromMinor: 2_000_000, toMinor: null, rateBps: 100 },
];
const plan = (tierBasis: string) => ({
  termMonths: 36,
  freePeriod: null,
  upfrontFee: null,
  royalty: { tierBasis, tiers },
  lateInterestBps: 0,
});

type ReportRow = {
  periodStart: string;
  revision: number;
  royaltyMinor: number;
  recomputedAfter: string | null;
};

async function report(contractId: string, periodStart: string, netSalesMinor: number): Promise<void> {
  const lines =
    netSalesMinor === 0
      ? []
      : [
          {
            product: 'Cell pack',
            territory: 'CN',
            grossSalesMinor: netSalesMinor,
            deductionsMinor: 0,
            netSalesMinor,
          },
        ];
  await sme.client.data('SubmitRoyaltyReport', { contractId, periodStart, lines });
}

async function royaltyObligations(contractId: string) {
  return (await ObligationModel.find({ contractId }).lean())
    .filter((o) => o.kind === 'ROYALTY' || o.kind === 'ROYALTY_ADJUSTMENT')
    .map((o) => [o.key, o.amountMinor, o.dueDate])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));
}

async function reports(contractId: string): Promise<ReportRow[]> {
  const { contract } = await sme.client.data<{ contract: { royaltyReports: ReportRow[] } }>(
    'ContractRoyaltyReports',
    { id: contractId },
  );
  return contract.royaltyReports;
}

beforeAll(async () => {
  server = await startTestServer({ clock, env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: '100000' } });
  anonymous = server.client();
  const tto = await founder(anonymous, 'amend-tto', universityInput('Amendment University'));
  sme = await founder(anonymous, 'amend-sme', smeInput('Amendment SME'));
  ({ contractId: cumulative } = await signedLicence(tto, sme, plan('CUMULATIVE')));
  ({ contractId: yearly } = await signedLicence(tto, sme, plan('CONTRACT_YEAR')));
  clock.set('2028-04-02T08:00:00Z');
  const { signIn } = await anonymous.data<{ signIn: { accessToken: string } }>('SignIn', {
    input: { email: sme.email, password: 'correct-horse-battery' },
  });
  sme = { ...sme, token: signIn.accessToken, client: anonymous.withToken(signIn.accessToken) };
});

afterAll(async () => {
  await server.stop();
});

describe('amending a period under cumulative tiers', () => {
  it('charges each later period the difference its new place in the tiers makes, overwriting nothing', async () => {
    await report(cumulative, '2027-01-01', 800_000);
    await report(cumulative, '2027-04-01', 500_000);
    await report(cumulative, '2027-07-01', 900_000);
    expect(await royaltyObligations(cumulative)).toEqual([
      ['ROYALTY:2027-01-01', 40_000, '2027-04-30'],
      ['ROYALTY:2027-04-01', 19_000, '2027-07-30'],
      ['ROYALTY:2027-07-01', 23_000, '2027-10-30'],
    ]);

    await report(cumulative, '2027-01-01', 1_200_000);
    expect(await royaltyObligations(cumulative)).toEqual([
      ['ROYALTY:2027-01-01', 40_000, '2027-04-30'],
      ['ROYALTY:2027-04-01', 19_000, '2027-07-30'],
      ['ROYALTY:2027-07-01', 23_000, '2027-10-30'],
      ['ROYALTY_ADJUSTMENT:2027-01-01:2', 16_000, '2027-04-30'],
      ['ROYALTY_ADJUSTMENT:2027-04-01:2', -4_000, '2027-07-30'],
      ['ROYALTY_ADJUSTMENT:2027-07-01:2', -8_000, '2027-10-30'],
    ]);
    expect(await reports(cumulative)).toMatchObject([
      { periodStart: '2027-01-01', revision: 1, royaltyMinor: 40_000, recomputedAfter: null },
      { periodStart: '2027-01-01', revision: 2, royaltyMinor: 56_000, recomputedAfter: null },
      { periodStart: '2027-04-01', revision: 1, royaltyMinor: 19_000, recomputedAfter: null },
      { periodStart: '2027-04-01', revision: 2, royaltyMinor: 15_000, recomputedAfter: '2027-01-01:r2' },
      { periodStart: '2027-07-01', revision: 1, royaltyMinor: 23_000, recomputedAfter: null },
      { periodStart: '2027-07-01', revision: 2, royaltyMinor: 15_000, recomputedAfter: '2027-01-01:r2' },
    ]);
    const total = async () =>
      (await royaltyObligations(cumulative)).reduce((sum, o) => sum + Number(o[1]), 0);
    expect(await total()).toBe(86_000);

    // Amending the middle period moves the later one and leaves the earlier one alone.
    await report(cumulative, '2027-04-01', 100_000);
    const adjustments = (await royaltyObligations(cumulative)).filter((o) => String(o[0]).endsWith(':3'));
    expect(adjustments).toEqual([
      ['ROYALTY_ADJUSTMENT:2027-04-01:3', -12_000, '2027-07-30'],
      ['ROYALTY_ADJUSTMENT:2027-07-01:3', 8_000, '2027-10-30'],
    ]);
    expect(await total()).toBe(82_000);
    expect((await reports(cumulative)).filter((r) => r.periodStart === '2027-01-01')).toHaveLength(2);

    // The last period amended to what it already owes changes nothing before it and charges nothing.
    await report(cumulative, '2027-07-01', 900_000);
    expect(await royaltyObligations(cumulative)).toHaveLength(8);
  });
});

describe('amending a period under contract-year tiers', () => {
  it('moves the later periods of the same contract year only', async () => {
    await report(yearly, '2027-07-01', 500_000);
    await report(yearly, '2027-10-01', 900_000);
    await report(yearly, '2028-01-01', 900_000);
    await report(yearly, '2027-07-01', 0);
    expect(await royaltyObligations(yearly)).toEqual([
      ['ROYALTY:2027-07-01', 25_000, '2027-10-30'],
      ['ROYALTY:2027-10-01', 37_000, '2028-01-30'],
      ['ROYALTY:2028-01-01', 45_000, '2028-04-30'],
      ['ROYALTY_ADJUSTMENT:2027-07-01:2', -25_000, '2027-10-30'],
      ['ROYALTY_ADJUSTMENT:2027-10-01:2', 8_000, '2028-01-30'],
    ]);
    expect((await reports(yearly)).map((r) => [r.periodStart, r.revision, r.recomputedAfter])).toEqual([
      ['2027-07-01', 1, null],
      ['2027-07-01', 2, null],
      ['2027-10-01', 1, null],
      ['2027-10-01', 2, '2027-07-01:r2'],
      ['2028-01-01', 1, null],
    ]);
  });
});

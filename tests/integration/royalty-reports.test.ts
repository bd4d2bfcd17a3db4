import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { RoyaltyReportModel } from '../../server/src/modules/royalty-reports/royalty-report.model';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

type Report = { revision: number; netSalesMinor: number; royaltyMinor: number };

let server: TestServer;
let tto: Actor;
let sme: Actor;
let contractId: string;

const line = (net: number, deductions = 0) => ({
  product: 'Cell pack A',
  territory: 'CN',
  grossSalesMinor: net + deductions,
  deductionsMinor: deductions,
  netSalesMinor: net,
});
const obligations = async () =>
  (await ObligationModel.find({ contractId }).lean())
    .map((o) => [o.key, o.amountMinor, o.dueDate, o.status])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

beforeAll(async () => {
  // Signed on 2026-12-01: free for 12 months or until first revenue, ¥100,000 then, 5 % of net sales, quarterly.
  server = await startTestServer({ clock: fixedClock('2026-12-01T09:00:00Z') });
  const anonymous = server.client();
  tto = await founder(anonymous, 'report-tto', universityInput('Report University'));
  sme = await founder(anonymous, 'report-sme', smeInput('Report SME'));
  ({ contractId } = await signedLicence(tto, sme));
});

afterAll(async () => {
  await server.stop();
});

describe('royalty reports', () => {
  it('refuses lines that do not add up, and saves nothing', async () => {
    const bad = await sme.client.run('SubmitRoyaltyReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [{ ...line(1000, 100), netSalesMinor: 2000 }],
    });
    expect(errorCode(bad)).toBe('BAD_USER_INPUT');
    expect(bad.errors?.[0].extensions?.field).toBe('lines[0].netSalesMinor');
    expect(
      errorCode(
        await sme.client.run('SubmitRoyaltyReport', { contractId, periodStart: '2026-12-15', lines: [] }),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await tto.client.run('SubmitRoyaltyReport', { contractId, periodStart: '2026-12-01', lines: [] }),
      ),
    ).toBe('FORBIDDEN');
    expect(await RoyaltyReportModel.countDocuments()).toBe(0);
  });

  it('charges the royalty, and first revenue ends the free period and brings the fee forward', async () => {
    // The first window runs from the effective date to the quarter's end: 2026-12-01 to 2026-12-31, report due +30 days.
    // ¥10,000.00 net × 5 % = ¥500.00 (50,000 fen).
    const { submitRoyaltyReport } = await sme.client.data<{ submitRoyaltyReport: Report }>(
      'SubmitRoyaltyReport',
      { contractId, periodStart: '2026-12-01', lines: [line(1_000_000, 50_000)] },
    );
    expect(submitRoyaltyReport).toMatchObject({
      revision: 1,
      netSalesMinor: 1_000_000,
      royaltyMinor: 50_000,
    });
    const { contract } = await sme.client.data<{ contract: { state: string } }>('ContractRoyaltyReports', {
      id: contractId,
    });
    expect(contract.state).toBe('ACTIVE');
    expect(await obligations()).toEqual([
      ['ROYALTY:2026-12-01', 50_000, '2027-01-30', 'SCHEDULED'],
      ['UPFRONT', 10_000_000, '2026-12-01', 'SCHEDULED'],
    ]);
  });

  it('turns amendments into their own charge or credit, and keeps every revision', async () => {
    // Up to ¥12,000.00: 60,000 owed, 50,000 charged: +10,000. Down to ¥8,000.00: 40,000 owed: a 20,000 credit.
    await sme.client.data('SubmitRoyaltyReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [line(1_200_000)],
    });
    await sme.client.data('SubmitRoyaltyReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [line(800_000)],
    });
    expect(await obligations()).toEqual([
      ['ROYALTY:2026-12-01', 50_000, '2027-01-30', 'SCHEDULED'],
      ['ROYALTY_ADJUSTMENT:2026-12-01:2', 10_000, '2027-01-30', 'SCHEDULED'],
      ['ROYALTY_ADJUSTMENT:2026-12-01:3', -20_000, '2027-01-30', 'SCHEDULED'],
      ['UPFRONT', 10_000_000, '2026-12-01', 'SCHEDULED'],
    ]);
    const { contract } = await sme.client.data<{
      contract: { royaltyReports: { revision: number; royaltyMinor: number }[] };
    }>('ContractRoyaltyReports', { id: contractId });
    expect(contract.royaltyReports.map((r) => [r.revision, r.royaltyMinor])).toEqual([
      [1, 50_000],
      [2, 60_000],
      [3, 40_000],
    ]);
  });
});

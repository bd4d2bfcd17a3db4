import mongoose from 'mongoose';
import { fixedClock } from '../../server/src/common/clock';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { LicenseOfferModel } from '../../server/src/modules/offers/offer.model';
import { SublicenseIncomeReportModel } from '../../server/src/modules/royalty-reports/sublicense-income-report.model';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent, founder, smeInput, universityInput, type Actor } from './fixtures/actors';
import { expressLicenceOn, signedLicence } from './fixtures/offers';

type Report = {
  revision: number;
  periodEnd: string;
  incomeMinor: number;
  shareBps: number;
  shareMinor: number;
  lines: { sublicensee: string; incomeMinor: number }[];
};

let server: TestServer;
let tto: Actor;
let sme: Actor;
let contractId: string;
let noSublicensingContractId: string;

const income = (sublicensee: string, incomeMinor: number) => ({ sublicensee, incomeMinor });
const obligationsOf = async (id: string) =>
  (await ObligationModel.find({ contractId: id }).lean())
    .map((o) => [o.key, o.kind, o.amountMinor, o.dueDate, o.status])
    .sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1));

/** Every document of the database, for checking that a refusal wrote nothing at all. */
async function everything(): Promise<Record<string, number>> {
  const db = mongoose.connection.db;
  if (!db) throw new Error('not connected');
  const counts: Record<string, number> = {};
  for (const { name } of await db.listCollections().toArray())
    counts[name] = await db.collection(name).countDocuments();
  return counts;
}

beforeAll(async () => {
  // Signed on 2026-12-01; the express licence (12 free months or until first revenue, quarterly reports due
  // 30 days after each period), here with sublicensing allowed and a 25 % share of sublicensing income.
  server = await startTestServer({ clock: fixedClock('2026-12-01T09:00:00Z') });
  const anonymous = server.client();
  tto = await founder(anonymous, 'sublicence-tto', universityInput('Sublicence University'));
  sme = await founder(anonymous, 'sublicence-sme', smeInput('Sublicence SME'));
  ({ contractId } = await signedLicence(
    tto,
    sme,
    { sublicenseShareBps: 2500 },
    { sublicensingAllowed: true },
  ));
  ({ contractId: noSublicensingContractId } = await signedLicence(tto, sme));
});

afterAll(async () => {
  await server.stop();
});

describe('sublicence share in offers', () => {
  it('refuses an offer that shares sublicensing income but does not allow sublicensing, and creates nothing', async () => {
    const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
      institutionId: tto.organizationId,
      input: batteryPatent,
    });
    const offers = await LicenseOfferModel.countDocuments();
    const base = expressLicenceOn(createPatent.id);
    const refused = await tto.client.run('CreateLicenseOffer', {
      institutionId: tto.organizationId,
      input: { ...base, paymentPlan: { ...base.paymentPlan, sublicenseShareBps: 2500 } },
    });
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].extensions?.field).toBe('paymentPlan.sublicenseShareBps');
    expect(refused.errors?.[0].message).toMatch(/does not allow sublicensing/);
    expect(await LicenseOfferModel.countDocuments()).toBe(offers);
  });
});

describe('sublicensing income reports', () => {
  it('are refused with SUBLICENSING_NOT_ALLOWED when the licence does not allow sublicensing, writing nothing', async () => {
    const before = await everything();
    const refused = await sme.client.run('SubmitSublicenseIncomeReport', {
      contractId: noSublicensingContractId,
      periodStart: '2026-12-01',
      lines: [income('Shenzhen Cells Ltd', 1_000_000)],
    });
    expect(errorCode(refused)).toBe('SUBLICENSING_NOT_ALLOWED');
    expect(refused.errors?.[0].message).toBe(
      'This licence does not allow sublicensing, so it has no sublicensing income to report.',
    );
    expect(await everything()).toEqual(before);
  });

  it('refuse bad lines, other periods and the licensor, writing nothing', async () => {
    const before = await everything();
    const duplicate = await sme.client.run('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [income('Shenzhen Cells Ltd', 100), income('shenzhen cells ltd ', 200)],
    });
    expect(errorCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(duplicate.errors?.[0].extensions?.field).toBe('lines[1].sublicensee');
    const negative = await sme.client.run('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [income('Shenzhen Cells Ltd', -1)],
    });
    expect(negative.errors?.[0].extensions?.field).toBe('lines[0].incomeMinor');
    const unnamed = await sme.client.run('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [income('  ', 1)],
    });
    expect(unnamed.errors?.[0].extensions?.field).toBe('lines[0].sublicensee');
    const future = await sme.client.run('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2027-01-01',
      lines: [],
    });
    expect(future.errors?.[0].extensions?.field).toBe('periodStart');
    expect(
      errorCode(
        await tto.client.run('SubmitSublicenseIncomeReport', {
          contractId,
          periodStart: '2026-12-01',
          lines: [],
        }),
      ),
    ).toBe('FORBIDDEN');
    expect(await everything()).toEqual(before);
  });

  it('create one SUBLICENSE_SHARE obligation for the period, due with its report, rounded once on the total', async () => {
    // Period 2026-12-01..2026-12-31, report due 30 days later: 2027-01-30.
    // Income 1,000,001 + 333 = 1,000,334 fen; 25 %: 250,083.5 → half up → 250,084 fen.
    // (Per sublicensee it would be 250,000.25 → 250,000 and 83.25 → 83, 250,083 in all: the rule is on the total.)
    const { submitSublicenseIncomeReport } = await sme.client.data<{ submitSublicenseIncomeReport: Report }>(
      'SubmitSublicenseIncomeReport',
      {
        contractId,
        periodStart: '2026-12-01',
        lines: [income('Shenzhen Cells Ltd', 1_000_001), income('Xi’an Pack Co', 333)],
      },
    );
    expect(submitSublicenseIncomeReport).toMatchObject({
      revision: 1,
      periodEnd: '2026-12-31',
      incomeMinor: 1_000_334,
      shareBps: 2500,
      shareMinor: 250_084,
    });
    expect(await obligationsOf(contractId)).toEqual([
      ['SUBLICENSE_SHARE:2026-12-01', 'SUBLICENSE_SHARE', 250_084, '2027-01-30', 'SCHEDULED'],
      // The upfront fee still waits for the end of the free period: sublicensing income is not the licensee's own
      // revenue and does not end the free period.
      ['UPFRONT', 'UPFRONT', 10_000_000, '2027-12-01', 'SCHEDULED'],
    ]);
  });

  it('turn amendments into their own charge or credit, keeping every revision', async () => {
    // Revision 2: 1,000,001 alone → 250,000.25 → 250,000: a credit of 84.
    // Revision 3: 1,200,002 → 300,000.5 → half up → 300,001: 50,001 more.
    // The three obligations add up to the share of the latest report: 250,084 − 84 + 50,001 = 300,001.
    await sme.client.data('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [income('Shenzhen Cells Ltd', 1_000_001)],
    });
    await sme.client.data('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [income('Shenzhen Cells Ltd', 1_200_002)],
    });
    const shares = (await obligationsOf(contractId)).filter((o) => String(o[1]).startsWith('SUBLICENSE'));
    expect(shares).toEqual([
      ['SUBLICENSE_SHARE:2026-12-01', 'SUBLICENSE_SHARE', 250_084, '2027-01-30', 'SCHEDULED'],
      [
        'SUBLICENSE_SHARE_ADJUSTMENT:2026-12-01:2',
        'SUBLICENSE_SHARE_ADJUSTMENT',
        -84,
        '2027-01-30',
        'SCHEDULED',
      ],
      [
        'SUBLICENSE_SHARE_ADJUSTMENT:2026-12-01:3',
        'SUBLICENSE_SHARE_ADJUSTMENT',
        50_001,
        '2027-01-30',
        'SCHEDULED',
      ],
    ]);
    expect(shares.reduce((sum, o) => sum + Number(o[2]), 0)).toBe(300_001);

    // A zero report amends to nothing owed: a credit of the whole 300,001.
    await sme.client.data('SubmitSublicenseIncomeReport', {
      contractId,
      periodStart: '2026-12-01',
      lines: [],
    });
    const { contract } = await tto.client.data<{
      contract: { sublicenseIncomeReports: { revision: number; incomeMinor: number; shareMinor: number }[] };
    }>('ContractSublicenseIncomeReports', { id: contractId });
    expect(contract.sublicenseIncomeReports.map((r) => [r.revision, r.incomeMinor, r.shareMinor])).toEqual([
      [1, 1_000_334, 250_084],
      [2, 1_000_001, 250_000],
      [3, 1_200_002, 300_001],
      [4, 0, 0],
    ]);
    expect(
      await ObligationModel.findOne({ key: 'SUBLICENSE_SHARE_ADJUSTMENT:2026-12-01:4' }).lean(),
    ).toMatchObject({ amountMinor: -300_001 });
    expect(await SublicenseIncomeReportModel.countDocuments({ contractId })).toBe(4);
  });
});

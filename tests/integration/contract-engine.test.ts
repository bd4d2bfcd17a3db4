import { fixedClock } from '../../server/src/common/clock';
import { ContractModel, ObligationModel } from '../../server/src/modules/contracts/contract.model';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import { founder, smeInput, universityInput, type Actor, platformAdmin } from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

type Run = {
  asOf: string;
  advanced: boolean;
  contractsActivated: number;
  obligationsDue: number;
  obligationsOverdue: number;
  contractsDefaulted: number;
  interestCharges: number;
  contractsCompleted: number;
  minimumTrueUps: number;
};

let server: TestServer;
let admin: Actor;
let sme: Actor;
let tto: Actor;
let contractId: string;

async function advance(asOf: string): Promise<Run> {
  return (await admin.client.data<{ advanceContractEngine: Run }>('AdvanceContractEngine', { asOf }))
    .advanceContractEngine;
}

async function snapshot() {
  const contract = await ContractModel.findById(contractId).lean();
  const obligations = await ObligationModel.find({ contractId }).lean();
  return {
    state: contract?.state,
    obligations: obligations.map((o) => [o.key, o.status, o.amountMinor]).sort(),
  };
}

beforeAll(async () => {
  server = await startTestServer({ clock: fixedClock('2026-12-01T09:00:00Z') });
  const anonymous = server.client();
  tto = await founder(anonymous, 'engine-tto', universityInput('Engine University'));
  sme = await founder(anonymous, 'engine-sme', smeInput('Engine SME'));
  admin = await platformAdmin(anonymous);

  // Three free months, then ¥1,000.00; 12 % a year late interest after 10 grace days.
  ({ contractId } = await signedLicence(tto, sme, {
    freePeriod: { months: 3, endsOnFirstRevenue: false },
    upfrontFee: { amountMinor: 100_000, due: 'END_OF_FREE_PERIOD' },
    royalty: null,
    lateInterestBps: 1200,
    graceDays: 10,
  }));
});

afterAll(async () => {
  await server.stop();
});

type Notifications = {
  notifications: { edges: { node: { id: string; kind: string; message: string; onDate: string } }[] };
};
const kindsFor = async (actor: Actor) =>
  (
    await actor.client.data<Notifications>('Notifications', {
      organizationId: actor.organizationId,
      first: 100,
    })
  ).notifications.edges
    .map(({ node }) => `${node.kind} ${node.onDate}`)
    .sort();

describe('advancing time', () => {
  it('is for platform admins only', async () => {
    expect(errorCode(await sme.client.run('AdvanceContractEngine', { asOf: '2027-01-01' }))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await admin.client.run('AdvanceContractEngine', { asOf: '2027-02-30' }))).toBe(
      'BAD_USER_INPUT',
    );
  });

  it('keeps the free period free, then ends it and makes the fee due on its day', async () => {
    expect(await advance('2027-02-28')).toMatchObject({
      advanced: true,
      contractsActivated: 0,
      obligationsDue: 0,
    });
    expect(await snapshot()).toEqual({
      state: 'FREE_PERIOD',
      obligations: [['UPFRONT', 'SCHEDULED', 100_000]],
    });
    expect(await advance('2027-03-01')).toMatchObject({
      advanced: true,
      contractsActivated: 1,
      obligationsDue: 1,
      obligationsOverdue: 0,
    });
    expect(await snapshot()).toEqual({ state: 'ACTIVE', obligations: [['UPFRONT', 'DUE', 100_000]] });
  });

  it('changes nothing when advanced to the same date again', async () => {
    const before = await snapshot();
    expect(await advance('2027-03-01')).toMatchObject({
      advanced: false,
      contractsActivated: 0,
      obligationsDue: 0,
    });
    expect(await snapshot()).toEqual(before);
  });

  it('makes the unpaid fee overdue the next day, with no interest inside the grace days', async () => {
    expect(await advance('2027-03-02')).toMatchObject({ obligationsOverdue: 1, interestCharges: 0 });
    expect(await snapshot()).toEqual({ state: 'ACTIVE', obligations: [['UPFRONT', 'OVERDUE', 100_000]] });
    expect((await kindsFor(sme)).filter((k) => k.startsWith('PAYMENT'))).toEqual([
      'PAYMENT_DUE 2027-03-01',
      'PAYMENT_DUE_SOON 2027-03-01',
      'PAYMENT_OVERDUE 2027-03-01',
    ]);
    expect(await kindsFor(tto)).toEqual(['PAYMENT_OVERDUE 2027-03-01', 'REPORT_OVERDUE 2027-01-30']);
  });

  it('defaults the contract past the grace days and accrues simple interest, actual/365, rounded once', async () => {
    // Due 2027-03-01, grace 10 days: default on 2027-03-12, 11 days late.
    // 100,000 × 12 % × 11 / 365 = 361.64 → 362 minor units.
    expect(await advance('2027-03-12')).toMatchObject({ contractsDefaulted: 1, interestCharges: 1 });
    expect(await snapshot()).toEqual({
      state: 'DEFAULTED',
      obligations: [
        ['LATE_INTEREST:UPFRONT', 'DUE', 362],
        ['UPFRONT', 'OVERDUE', 100_000],
      ],
    });
    // To 2027-03-31, 30 days late: 100,000 × 12 % × 30 / 365 = 986.30 → 986, replacing the amount accrued so far.
    await advance('2027-03-31');
    expect(await snapshot()).toEqual({
      state: 'DEFAULTED',
      obligations: [
        ['LATE_INTEREST:UPFRONT', 'DUE', 986],
        ['UPFRONT', 'OVERDUE', 100_000],
      ],
    });
  });

  it('changes nothing when advanced to an earlier date', async () => {
    const before = await snapshot();
    expect(await advance('2027-03-20')).toMatchObject({ advanced: false });
    expect(await snapshot()).toEqual(before);
  });
});

it('completes a contract in good standing when its term runs out, and leaves one in default as it is', async () => {
  // Royalties only, nothing reported, so nothing is owed: signed 2026-12-01 for 24 months, last day 2028-11-30.
  const { contractId: paidUp } = await signedLicence(tto, sme, { freePeriod: null, upfrontFee: null });
  expect(await advance('2028-11-30')).toMatchObject({ contractsCompleted: 0 });
  expect(await advance('2028-12-01')).toMatchObject({ contractsCompleted: 1 });
  expect((await ContractModel.findById(paidUp).lean())?.state).toBe('COMPLETED');
  expect((await ContractModel.findById(contractId).lean())?.state).toBe('DEFAULTED');
});

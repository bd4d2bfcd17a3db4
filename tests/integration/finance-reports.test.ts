import { Types } from 'mongoose';
import { fixedClock } from '../../server/src/common/clock';
import { systemContext } from '../../server/src/common/request-context';
import { ObligationModel, type ObligationRecord } from '../../server/src/modules/contracts/contract.model';
import { markObligationPaid } from '../../server/src/modules/contracts/obligation-payment';
import { UserModel } from '../../server/src/modules/identity/user.model';
import type { JournalEntryInput } from '../../server/src/modules/ledger/journal-entry';
import { errorCode } from '../support/graphql-client';
import { startTestServer, type TestServer } from '../support/test-server';
import {
  batteryPatent,
  founder,
  platformAdmin,
  signUp,
  smeInput,
  universityInput,
  type Actor,
} from './fixtures/actors';
import { signedLicence } from './fixtures/offers';

/*
 * The finance reports through GraphQL and the CSV downloads, as each kind of reader, against the real database.
 * Billing is stood in for: the test posts the journal entries billing would post and marks obligations paid the way
 * billing does, and the contract engine moves the rest.
 *
 * The book, all in CNY (fee 10 %, Stripe 32.00 a payment):
 * - A, Northwest → 深圳锂电: three patents, three installments of 1,000.01 due 02-15, 03-15, 04-15; the first paid
 *   on 02-16, the second on 04-01 (each: fee 100.00, Stripe 32.00, 900.01 transferred), the third unpaid;
 * - B, Other University → 深圳锂电: 500.00 due 05-20;
 * - C, Northwest → "=1+2 Tech": 700.00 due 01-20.
 */

const clock = fixedClock('2026-01-15T08:00:00Z');
const ctx = systemContext(clock, 'finance-reports-test');
let server: TestServer;
let admin: Actor;
let platformFinance: Actor;
let northwest: Actor;
let northwestFinance: Actor;
let other: Actor;
let sme: Actor;
let smeFinance: Actor;
let trickster: Actor;
let contractA: string;
let contractB: string;
let contractC: string;
let patents: string[];
/** The one patent of contract C, a copy of the battery patent. */
let patentC: string;

const noPlan = { freePeriod: null, upfrontFee: null, royalty: null, lateInterestBps: 0, graceDays: 10 };

async function invite(owner: Actor, label: string, roles: string[]): Promise<Actor> {
  const invitee = await signUp(server.client(), label);
  const { inviteMember } = await owner.client.data<{ inviteMember: { token: string } }>('InviteMember', {
    input: { organizationId: owner.organizationId, email: invitee.email, roles },
  });
  await invitee.client.data('AcceptInvitation', { token: inviteMember.token });
  return { ...invitee, organizationId: owner.organizationId };
}

async function publishedPatent(tto: Actor, applicationNumber: string, titleEn: string): Promise<string> {
  const { createPatent } = await tto.client.data<{ createPatent: { id: string } }>('CreatePatent', {
    institutionId: tto.organizationId,
    input: { ...batteryPatent, applicationNumber, titleEn },
  });
  await tto.client.data('PublishPatent', { id: createPatent.id });
  return createPatent.id;
}

async function advance(asOf: string): Promise<void> {
  await admin.client.data('AdvanceContractEngine', { asOf });
}

async function obligationsOf(contractId: string): Promise<ObligationRecord[]> {
  const found = await ObligationModel.find({ contractId: new Types.ObjectId(contractId) }).lean<
    ObligationRecord[]
  >();
  return found.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
}

async function post(input: JournalEntryInput): Promise<void> {
  await server.services.ledger.post(ctx, input);
}

/** What billing posts when an obligation falls due. */
async function postDue(o: ObligationRecord): Promise<void> {
  const contractId = o.contractId.toHexString();
  await post({
    idempotencyKey: `obligation-due:${o._id.toHexString()}:${o.amountMinor}`,
    effectiveDate: o.dueDate,
    cause: { kind: 'OBLIGATION_DUE', id: o._id.toHexString() },
    memo: `${o.obligationKey} due`,
    currency: o.currency,
    lines: [
      {
        account: 'RECEIVABLE',
        contractId,
        organizationId: o.licenseeId.toHexString(),
        debitMinor: o.amountMinor,
        creditMinor: 0,
      },
      {
        account: 'LICENSOR_PAYABLE',
        contractId,
        organizationId: o.licensorId.toHexString(),
        debitMinor: 0,
        creditMinor: o.amountMinor,
      },
    ],
  });
}

/** What billing posts for a payment that succeeded, and the obligation marked paid as billing marks it. */
async function postPaid(o: ObligationRecord, paidOn: string, feeMinor: number, stripeFeeMinor: number) {
  const contractId = o.contractId.toHexString();
  const licensorId = o.licensorId.toHexString();
  const pi = `pi_${o._id.toHexString()}`;
  const share = o.amountMinor - feeMinor;
  const entry = (kind: JournalEntryInput['cause']['kind'], key: string, lines: JournalEntryInput['lines']) =>
    post({
      idempotencyKey: key,
      effectiveDate: paidOn,
      cause: { kind, id: pi },
      memo: `${kind} ${o.key}`,
      currency: 'CNY',
      lines,
      stripeIds: [pi],
    });
  await entry('PAYMENT', `payment:${pi}`, [
    { account: 'CASH_IN_TRANSIT', contractId, debitMinor: o.amountMinor, creditMinor: 0 },
    {
      account: 'RECEIVABLE',
      contractId,
      organizationId: o.licenseeId.toHexString(),
      debitMinor: 0,
      creditMinor: o.amountMinor,
    },
  ]);
  await entry('PLATFORM_FEE', `platform-fee:${pi}`, [
    {
      account: 'LICENSOR_PAYABLE',
      contractId,
      organizationId: licensorId,
      debitMinor: feeMinor,
      creditMinor: 0,
    },
    { account: 'PLATFORM_FEE_REVENUE', contractId, debitMinor: 0, creditMinor: feeMinor },
  ]);
  await entry('STRIPE_FEE', `stripe-fee:${pi}`, [
    { account: 'STRIPE_FEES', contractId, debitMinor: stripeFeeMinor, creditMinor: 0 },
    { account: 'CASH_IN_TRANSIT', contractId, debitMinor: 0, creditMinor: stripeFeeMinor },
  ]);
  await entry('TRANSFER', `transfer:${pi}`, [
    {
      account: 'LICENSOR_PAYABLE',
      contractId,
      organizationId: licensorId,
      debitMinor: share,
      creditMinor: 0,
    },
    { account: 'CASH_IN_TRANSIT', contractId, debitMinor: 0, creditMinor: share },
  ]);
  await markObligationPaid(o._id, { attemptId: `attempt-${pi}`, paymentIntentId: pi, paidOn }, clock.now());
}

beforeAll(async () => {
  server = await startTestServer({ clock });
  const anonymous = server.client();
  admin = await platformAdmin(anonymous);
  platformFinance = await platformAdmin(anonymous, 'platform-finance');
  await UserModel.updateOne(
    { _id: platformFinance.userId },
    { $set: { 'memberships.0.roles': ['FINANCE'] } },
  );
  northwest = await founder(anonymous, 'northwest', universityInput('Northwest Polytechnic'));
  northwestFinance = await invite(northwest, 'northwest-finance', ['FINANCE']);
  other = await founder(anonymous, 'other', universityInput('Other University'));
  sme = await founder(anonymous, 'sme', smeInput('深圳锂电科技有限公司'));
  smeFinance = await invite(sme, 'sme-finance', ['FINANCE']);
  trickster = await founder(anonymous, 'trickster', smeInput('=1+2 Tech'));

  patents = [
    await publishedPatent(northwest, 'CN202310000001.1', 'Garnet electrolyte'),
    await publishedPatent(northwest, 'CN202310000002.2', 'Polymer interlayer'),
    await publishedPatent(northwest, 'CN202310000003.3', 'Dendrite suppression'),
  ];
  ({ contractId: contractA } = await signedLicence(
    northwest,
    sme,
    {
      ...noPlan,
      termMonths: 12,
      installments: {
        totalMinor: 300_003,
        count: 3,
        frequency: 'MONTHLY',
        firstDue: 'AFTER_EFFECTIVE_DATE',
        remainder: 'FIRST',
      },
    },
    { patentIds: patents, title: 'Solid-state battery bundle' },
  ));
  ({ contractId: contractB } = await signedLicence(other, sme, {
    ...noPlan,
    termMonths: 12,
    upfrontFee: { amountMinor: 50_000, due: 'ON_DATE', onDate: '2026-05-20' },
  }));
  ({ contractId: contractC, patentId: patentC } = await signedLicence(northwest, trickster, {
    ...noPlan,
    termMonths: 12,
    upfrontFee: { amountMinor: 70_000, due: 'ON_DATE', onDate: '2026-01-20' },
  }));

  const [a1, a2, a3] = await obligationsOf(contractA);
  expect([a1, a2, a3].map((o) => [o.dueDate, o.amountMinor])).toEqual([
    ['2026-02-15', 100_001],
    ['2026-03-15', 100_001],
    ['2026-04-15', 100_001],
  ]);
  await advance('2026-02-16');
  for (const o of [a1, ...(await obligationsOf(contractC))]) await postDue(o);
  await postPaid(a1, '2026-02-16', 10_000, 3_200);
  await advance('2026-04-01');
  await postDue(a2);
  await postPaid(a2, '2026-04-01', 10_000, 3_200);
  await advance('2026-05-20');
  await postDue(a3);
  await postDue((await obligationsOf(contractB))[0]);
});

afterAll(async () => {
  await server.stop();
});

type Amounts = {
  currency: string;
  currentMinor: number;
  days1To30Minor: number;
  days31To60Minor: number;
  days61To90Minor: number;
  over90Minor: number;
  totalMinor: number;
};
type Group = { organizationName: string; obligationCount: number; amounts: Amounts };
type Ageing = {
  receivablesAgeing: {
    organizationId: string | null;
    totals: Amounts[];
    byLicensor: { edges: { node: Group }[] };
    byLicensee: { edges: { node: Group }[] };
    items: {
      totalCount: number;
      edges: {
        node: {
          contractNumber: string;
          licenseeName: string;
          dueDate: string;
          daysPastDue: number;
          bucket: string;
          amountMinor: number;
        };
      }[];
    };
  };
};

const ageing = (actor: Actor, variables: Record<string, unknown>) =>
  actor.client.run<Ageing>('ReceivablesAgeing', variables);
const buckets = (a: Amounts) => [
  a.currentMinor,
  a.days1To30Minor,
  a.days31To60Minor,
  a.days61To90Minor,
  a.over90Minor,
  a.totalMinor,
];
const items = (data: Ageing | null | undefined) =>
  data!.receivablesAgeing.items.edges.map(({ node: n }) => [
    n.licenseeName,
    n.dueDate,
    n.daysPastDue,
    n.bucket,
    n.amountMinor,
  ]);

describe('receivables ageing', () => {
  it('as platform finance: every unpaid due obligation, in its bucket, by licensor and by licensee', async () => {
    const result = await ageing(platformFinance, { asOf: '2026-05-20' });

    expect(result.errors).toBeUndefined();
    const report = result.data!.receivablesAgeing;
    expect(items(result.data)).toEqual([
      ['=1+2 Tech', '2026-01-20', 120, 'OVER_90', 70_000],
      ['深圳锂电科技有限公司', '2026-04-15', 35, 'DAYS_31_60', 100_001],
      ['深圳锂电科技有限公司', '2026-05-20', 0, 'CURRENT', 50_000],
    ]);
    expect(report.totals.map((t) => [t.currency, ...buckets(t)])).toEqual([
      ['CNY', 50_000, 0, 100_001, 0, 70_000, 220_001],
    ]);
    const groups = (list: { edges: { node: Group }[] }) =>
      list.edges.map(({ node }) => [node.organizationName, node.obligationCount, ...buckets(node.amounts)]);
    expect(groups(report.byLicensor)).toEqual([
      ['Northwest Polytechnic', 2, 0, 0, 100_001, 0, 70_000, 170_001],
      ['Other University', 1, 50_000, 0, 0, 0, 0, 50_000],
    ]);
    expect(groups(report.byLicensee)).toEqual([
      ['=1+2 Tech', 1, 0, 0, 0, 0, 70_000, 70_000],
      ['深圳锂电科技有限公司', 2, 50_000, 0, 100_001, 0, 0, 150_001],
    ]);
  });

  it('as of an earlier day: ages from that day and leaves out what fell due after it', async () => {
    const result = await ageing(admin, { asOf: '2026-04-20' });

    expect(items(result.data)).toEqual([
      ['=1+2 Tech', '2026-01-20', 90, 'DAYS_61_90', 70_000],
      ['深圳锂电科技有限公司', '2026-04-15', 5, 'DAYS_1_30', 100_001],
    ]);
  });

  it("a licensor's finance staff and TTO manager see the contracts it is owed under; a licensee's, what it owes", async () => {
    for (const actor of [northwestFinance, northwest]) {
      const result = await ageing(actor, { asOf: '2026-05-20' });
      expect(result.data!.receivablesAgeing.organizationId).toBe(northwest.organizationId);
      expect(items(result.data).map((i) => i[4])).toEqual([70_000, 100_001]);
    }
    const licensee = await ageing(smeFinance, { asOf: '2026-05-20' });
    expect(items(licensee.data).map((i) => i[4])).toEqual([100_001, 50_000]);
    expect(licensee.data!.receivablesAgeing.byLicensor.edges.map((e) => e.node.organizationName)).toEqual([
      'Northwest Polytechnic',
      'Other University',
    ]);
  });

  it('refuses an SME member without FINANCE, and finance staff asking about another organisation', async () => {
    expect(errorCode(await ageing(sme, { asOf: '2026-05-20' }))).toBe('FORBIDDEN');
    expect(
      errorCode(await ageing(northwestFinance, { asOf: '2026-05-20', organizationId: other.organizationId })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await server.client().run('ReceivablesAgeing', { asOf: '2026-05-20' }))).toBe(
      'UNAUTHENTICATED',
    );
  });

  it('answers a bad date with BAD_USER_INPUT naming the field, and an unknown organisation with NOT_FOUND', async () => {
    const bad = await ageing(admin, { asOf: '2026-02-30' });
    expect(bad.errors?.[0]).toMatchObject({
      message: 'asOf must be a calendar date, YYYY-MM-DD; got "2026-02-30".',
      extensions: { code: 'BAD_USER_INPUT', field: 'asOf' },
    });
    const unknown = await ageing(admin, {
      asOf: '2026-05-20',
      organizationId: new Types.ObjectId().toHexString(),
    });
    expect(errorCode(unknown)).toBe('NOT_FOUND');
  });
});

type Breakdown = {
  receivablesAgeing: {
    byContract: {
      totalCount: number;
      edges: {
        node: {
          contractId: string;
          contractNumber: string;
          licensorName: string;
          licenseeName: string;
          obligationCount: number;
          amounts: Amounts;
        };
      }[];
    };
    byPatent: {
      totalCount: number;
      edges: {
        node: {
          patentId: string | null;
          applicationNumber: string | null;
          title: string | null;
          licensorName: string;
          obligationCount: number;
          amounts: Amounts;
        };
      }[];
    };
  };
};

const breakdown = (actor: Actor, variables: Record<string, unknown>) =>
  actor.client.run<Breakdown>('ReceivablesBreakdown', { first: 100, ...variables });

describe('receivables per contract and per patent', () => {
  it("gives the licensor's finance staff what is unpaid per contract, and per patent as the distribution splits it", async () => {
    const result = await breakdown(northwestFinance, { asOf: '2026-05-20', currency: 'CNY' });

    expect(result.errors).toBeUndefined();
    const report = result.data!.receivablesAgeing;
    // A's third installment of 1,000.01, 35 days late, before C's 700.00, 120 days late: the largest first
    expect(
      report.byContract.edges.map(({ node: n }) => [
        n.contractId,
        n.licenseeName,
        n.obligationCount,
        ...buckets(n.amounts),
      ]),
    ).toEqual([
      [contractA, '深圳锂电科技有限公司', 1, 0, 0, 100_001, 0, 0, 100_001],
      [contractC, '=1+2 Tech', 1, 0, 0, 0, 0, 70_000, 70_000],
    ]);
    // 100,001 fen over A's three patents: 33,334 + 33,334 + 33,333, the odd fen to the patents A lists first,
    // as the distribution splits; C's 700.00 all to its one patent
    const perPatent = report.byPatent.edges.map(({ node: n }) => [
      n.patentId,
      n.applicationNumber,
      n.obligationCount,
      ...buckets(n.amounts),
    ]);
    expect(perPatent).toEqual([
      [patents[0], 'CN202310000001.1', 1, 0, 0, 33_334, 0, 0, 33_334],
      [patents[1], 'CN202310000002.2', 1, 0, 0, 33_334, 0, 0, 33_334],
      [patents[2], 'CN202310000003.3', 1, 0, 0, 33_333, 0, 0, 33_333],
      [patentC, batteryPatent.applicationNumber, 1, 0, 0, 0, 0, 70_000, 70_000],
    ]);
    expect(perPatent.slice(0, 3).reduce((sum, row) => sum + Number(row[8]), 0)).toBe(100_001);
    expect(report.byPatent.edges[0].node).toMatchObject({
      title: 'Garnet electrolyte',
      licensorName: 'Northwest Polytechnic',
    });
  });

  it('for the platform: every licensor, and nothing in a currency no one owes in', async () => {
    const all = await breakdown(platformFinance, { asOf: '2026-05-20' });
    expect(
      all.data!.receivablesAgeing.byContract.edges.map(({ node: n }) => [
        n.licensorName,
        n.amounts.totalMinor,
      ]),
    ).toEqual([
      ['Northwest Polytechnic', 100_001],
      ['Northwest Polytechnic', 70_000],
      ['Other University', 50_000],
    ]);
    expect(
      all.data!.receivablesAgeing.byPatent.edges.map(({ node: n }) => [n.licensorName, n.amounts.totalMinor]),
    ).toEqual([
      ['Northwest Polytechnic', 33_334],
      ['Northwest Polytechnic', 33_334],
      ['Northwest Polytechnic', 33_333],
      ['Other University', 50_000],
      ['Northwest Polytechnic', 70_000],
    ]);

    const usd = await breakdown(platformFinance, { asOf: '2026-05-20', currency: 'USD' });
    expect(usd.data!.receivablesAgeing.byContract.totalCount).toBe(0);
    expect(usd.data!.receivablesAgeing.byPatent.totalCount).toBe(0);
  });

  it('pages the contracts, and refuses an SME member without FINANCE', async () => {
    const page = await breakdown(platformFinance, { asOf: '2026-05-20', first: 2 });
    expect([
      page.data!.receivablesAgeing.byContract.totalCount,
      page.data!.receivablesAgeing.byContract.edges.length,
    ]).toEqual([3, 2]);
    expect(errorCode(await breakdown(sme, { asOf: '2026-05-20' }))).toBe('FORBIDDEN');
  });
});

type Statement = {
  contractStatement: {
    contractNumber: string;
    licenseeName: string;
    receivableBalances: { currency: string; balanceMinor: number }[];
    entries: {
      totalCount: number;
      edges: {
        node: {
          effectiveDate: string;
          cause: { kind: string };
          lines: { account: string; organizationId: string | null }[];
          complete: boolean;
          receivableChangeMinor: number;
          runningReceivableMinor: number;
        };
      }[];
    };
    obligations: { edges: { node: { dueDate: string; status: string; amountMinor: number } }[] };
  };
};

const statement = (actor: Actor | null, contractId: string, first = 100) =>
  (actor?.client ?? server.client()).run<Statement>('ContractStatement', { contractId, first });
const rows = (data: Statement | null | undefined) =>
  data!.contractStatement.entries.edges.map(({ node: n }) => [
    n.effectiveDate,
    n.cause.kind,
    n.receivableChangeMinor,
    n.runningReceivableMinor,
    n.lines.length,
  ]);

describe('contract statement', () => {
  it('for platform finance: every entry in effective-date order with the running receivable, and the obligations', async () => {
    const result = await statement(platformFinance, contractA);

    expect(result.errors).toBeUndefined();
    expect(rows(result.data)).toEqual([
      ['2026-02-15', 'OBLIGATION_DUE', 100_001, 100_001, 2],
      ['2026-02-16', 'PAYMENT', -100_001, 0, 2],
      ['2026-02-16', 'PLATFORM_FEE', 0, 0, 2],
      ['2026-02-16', 'STRIPE_FEE', 0, 0, 2],
      ['2026-02-16', 'TRANSFER', 0, 0, 2],
      ['2026-03-15', 'OBLIGATION_DUE', 100_001, 100_001, 2],
      ['2026-04-01', 'PAYMENT', -100_001, 0, 2],
      ['2026-04-01', 'PLATFORM_FEE', 0, 0, 2],
      ['2026-04-01', 'STRIPE_FEE', 0, 0, 2],
      ['2026-04-01', 'TRANSFER', 0, 0, 2],
      ['2026-04-15', 'OBLIGATION_DUE', 100_001, 100_001, 2],
    ]);
    const report = result.data!.contractStatement;
    expect(report.licenseeName).toBe('深圳锂电科技有限公司');
    expect(report.receivableBalances).toEqual([{ currency: 'CNY', balanceMinor: 100_001 }]);
    expect(report.obligations.edges.map(({ node }) => [node.dueDate, node.status, node.amountMinor])).toEqual(
      [
        ['2026-02-15', 'PAID', 100_001],
        ['2026-03-15', 'PAID', 100_001],
        ['2026-04-15', 'OVERDUE', 100_001],
      ],
    );
  });

  it("for the licensee's SME member: what it owes and paid, with only its own lines", async () => {
    const result = await statement(sme, contractA);

    expect(rows(result.data)).toEqual([
      ['2026-02-15', 'OBLIGATION_DUE', 100_001, 100_001, 1],
      ['2026-02-16', 'PAYMENT', -100_001, 0, 1],
      ['2026-03-15', 'OBLIGATION_DUE', 100_001, 100_001, 1],
      ['2026-04-01', 'PAYMENT', -100_001, 0, 1],
      ['2026-04-15', 'OBLIGATION_DUE', 100_001, 100_001, 1],
    ]);
    const lines = result.data!.contractStatement.entries.edges.flatMap(({ node }) => node.lines);
    expect(new Set(lines.map((l) => l.organizationId))).toEqual(new Set([sme.organizationId]));
  });

  it("for the licensor's TTO manager: its fee and transfers too, but not Stripe's fee", async () => {
    const result = await statement(northwest, contractA);

    expect(rows(result.data).map((r) => r[1])).toEqual([
      'OBLIGATION_DUE',
      'PAYMENT',
      'PLATFORM_FEE',
      'TRANSFER',
      'OBLIGATION_DUE',
      'PAYMENT',
      'PLATFORM_FEE',
      'TRANSFER',
      'OBLIGATION_DUE',
    ]);
  });

  it('pages the entries with cursors', async () => {
    const first = await statement(admin, contractA, 4);
    const page = first.data!.contractStatement.entries;
    expect([page.totalCount, page.edges.length]).toEqual([11, 4]);
  });

  it('answers NOT_FOUND to someone who is no party, and for an id that is no contract', async () => {
    expect(errorCode(await statement(other, contractA))).toBe('NOT_FOUND');
    expect(errorCode(await statement(admin, new Types.ObjectId().toHexString()))).toBe('NOT_FOUND');
    expect(errorCode(await statement(admin, 'not-an-id'))).toBe('NOT_FOUND');
    expect(errorCode(await statement(null, contractA))).toBe('UNAUTHENTICATED');
    expect(errorCode(await statement(smeFinance, contractC))).toBe('NOT_FOUND');
  });
});

type Distribution = {
  licensorDistribution: {
    licensorName: string;
    totals: DistAmounts[];
    byPeriod: { period: string; start: string; end: string; amounts: DistAmounts }[];
    byContract: { edges: { node: { contractNumber: string; licenseeName: string; amounts: DistAmounts } }[] };
    byPatent: { edges: { node: { patentId: string; applicationNumber: string; amounts: DistAmounts } }[] };
  };
};
type DistAmounts = { currency: string; receivedMinor: number; platformFeeMinor: number; grossMinor: number };
const dist = (a: DistAmounts) => [a.receivedMinor, a.platformFeeMinor, a.grossMinor];

describe('licensor distribution', () => {
  const query = (actor: Actor, variables: Record<string, unknown> = {}) =>
    actor.client.run<Distribution>('LicensorDistribution', {
      licensorId: northwest.organizationId,
      from: '2026-01-01',
      to: '2026-06-30',
      first: 100,
      ...variables,
    });

  it("gives the licensor's finance what it received per contract, per patent and per quarter, with the fee withheld", async () => {
    const result = await query(northwestFinance);

    expect(result.errors).toBeUndefined();
    const report = result.data!.licensorDistribution;
    expect(report.totals.map(dist)).toEqual([[180_002, 20_000, 200_002]]);
    expect(report.byContract.edges.map(({ node }) => [node.licenseeName, ...dist(node.amounts)])).toEqual([
      ['深圳锂电科技有限公司', 180_002, 20_000, 200_002],
    ]);
    // Each transfer of 900.01 is split 300.01 + 300.00 + 300.00 and each fee of 100.00 34 + 33 + 33 (the odd minor
    // units to the patents the contract lists first), twice.
    expect(
      report.byPatent.edges.map(({ node }) => [node.patentId, node.applicationNumber, ...dist(node.amounts)]),
    ).toEqual([
      [patents[0], 'CN202310000001.1', 60_002, 6_668, 66_670],
      [patents[1], 'CN202310000002.2', 60_000, 6_666, 66_666],
      [patents[2], 'CN202310000003.3', 60_000, 6_666, 66_666],
    ]);
    expect(report.byPeriod.map((p) => [p.period, p.start, p.end, ...dist(p.amounts)])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', 90_001, 10_000, 100_001],
      ['2026-Q2', '2026-04-01', '2026-06-30', 90_001, 10_000, 100_001],
    ]);
  });

  it('groups by month when asked, for a TTO manager too, and counts only the days in the range', async () => {
    const result = await query(northwest, { period: 'MONTH', from: '2026-02-01', to: '2026-03-31' });

    expect(
      result.data!.licensorDistribution.byPeriod.map((p) => [p.period, p.amounts.receivedMinor]),
    ).toEqual([['2026-02', 90_001]]);
  });

  it('refuses other organisations, a licensee as licensor, and a range that ends before it starts', async () => {
    expect(errorCode(await query(other))).toBe('FORBIDDEN');
    expect(errorCode(await query(smeFinance))).toBe('FORBIDDEN');
    const notLicensor = await query(admin, { licensorId: sme.organizationId });
    expect(notLicensor.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'licensorId' });
    const backwards = await query(admin, { from: '2026-06-30', to: '2026-01-01' });
    expect(backwards.errors?.[0]).toMatchObject({
      message: 'The range ends (2026-01-01) before it starts (2026-06-30).',
      extensions: { code: 'BAD_USER_INPUT', field: 'to' },
    });
  });
});

describe('platform revenue', () => {
  type Revenue = {
    platformRevenue: {
      months: {
        month: string;
        amounts: { currency: string; platformFeeMinor: number; stripeFeesMinor: number; netMinor: number };
      }[];
      totals: { netMinor: number }[];
    };
  };
  const query = (actor: Actor) =>
    actor.client.run<Revenue>('PlatformRevenue', { from: '2026-01-01', to: '2026-12-31' });

  it('gives platform finance the fee less Stripe’s fees per month', async () => {
    const result = await query(platformFinance);

    expect(result.errors).toBeUndefined();
    expect(
      result.data!.platformRevenue.months.map(({ month, amounts: a }) => [
        month,
        a.currency,
        a.platformFeeMinor,
        a.stripeFeesMinor,
        a.netMinor,
      ]),
    ).toEqual([
      ['2026-02', 'CNY', 10_000, 3_200, 6_800],
      ['2026-04', 'CNY', 10_000, 3_200, 6_800],
    ]);
    expect(result.data!.platformRevenue.totals.map((t) => t.netMinor)).toEqual([13_600]);
  });

  it("refuses an organisation's finance staff", async () => {
    expect(errorCode(await query(northwestFinance))).toBe('FORBIDDEN');
    expect(errorCode(await query(northwest))).toBe('FORBIDDEN');
  });
});

describe('CSV downloads', () => {
  /** The body as sent: `Response.text()` would drop the byte order mark. */
  const text = async (response: Response) => Buffer.from(await response.arrayBuffer()).toString('utf8');
  const download = (actor: Actor | null, path: string) =>
    fetch(`${server.url}/reports/${path}`, {
      headers: actor ? { authorization: `Bearer ${actor.token}` } : {},
    });

  it('ageing by obligation: a BOM, the headers, Chinese names, amounts in yuan and in fen, formulas defused', async () => {
    const response = await download(platformFinance, 'ageing.csv?asOf=2026-05-20');

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="receivables-ageing-2026-05-20-by-obligation.csv"',
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'contract_number,obligation_key,kind,status,licensor,licensee,due_date,days_past_due,bucket,currency,amount,amount_minor,obligation_id,contract_id,licensor_id,licensee_id',
    );
    const cells = lines.slice(1, -1).map((l) => l.split(',').slice(2, 12));
    expect(cells).toEqual([
      [
        'UPFRONT',
        'OVERDUE',
        'Northwest Polytechnic',
        "'=1+2 Tech",
        '2026-01-20',
        '120',
        'OVER_90',
        'CNY',
        '700.00',
        '70000',
      ],
      [
        'INSTALLMENT',
        'OVERDUE',
        'Northwest Polytechnic',
        '深圳锂电科技有限公司',
        '2026-04-15',
        '35',
        'DAYS_31_60',
        'CNY',
        '1000.01',
        '100001',
      ],
      [
        'UPFRONT',
        'DUE',
        'Other University',
        '深圳锂电科技有限公司',
        '2026-05-20',
        '0',
        'CURRENT',
        'CNY',
        '500.00',
        '50000',
      ],
    ]);
  });

  it('ageing by licensee, statement, distribution by patent and platform revenue, each for its readers', async () => {
    const byLicensee = await text(await download(smeFinance, 'ageing.csv?asOf=2026-05-20&by=licensee'));
    expect(byLicensee.split('\r\n').slice(0, 2)).toEqual([
      '\ufefforganization,currency,obligations,current,current_minor,days_1_30,days_1_30_minor,days_31_60,days_31_60_minor,days_61_90,days_61_90_minor,over_90,over_90_minor,total,total_minor,organization_id',
      `深圳锂电科技有限公司,CNY,2,500.00,50000,0.00,0,1000.01,100001,0.00,0,0.00,0,1500.01,150001,${sme.organizationId}`,
    ]);

    const statementCsv = await download(sme, `statement.csv?contractId=${contractA}`);
    expect(statementCsv.status).toBe(200);
    const statementLines = (await text(statementCsv)).split('\r\n');
    expect(statementLines[0]).toBe(
      '\ufeffeffective_date,posted_at,cause,cause_id,memo,currency,receivable_change,receivable_change_minor,running_receivable,running_receivable_minor,entry_id',
    );
    expect(
      statementLines
        .slice(1, -1)
        .map((l) => l.split(','))
        .map((c) => [c[0], c[2], c[6], c[8]]),
    ).toEqual([
      ['2026-02-15', 'OBLIGATION_DUE', '1000.01', '1000.01'],
      ['2026-02-16', 'PAYMENT', '-1000.01', '0.00'],
      ['2026-03-15', 'OBLIGATION_DUE', '1000.01', '1000.01'],
      ['2026-04-01', 'PAYMENT', '-1000.01', '0.00'],
      ['2026-04-15', 'OBLIGATION_DUE', '1000.01', '1000.01'],
    ]);

    const distribution = await download(
      northwestFinance,
      `distribution.csv?licensorId=${northwest.organizationId}&from=2026-01-01&to=2026-06-30`,
    );
    expect(distribution.headers.get('content-disposition')).toBe(
      'attachment; filename="distribution-2026-01-01-2026-06-30-by-patent.csv"',
    );
    expect((await text(distribution)).split('\r\n').slice(0, 2)).toEqual([
      '\ufeffapplication_number,patent_title,currency,received,received_minor,platform_fee,platform_fee_minor,gross,gross_minor,patent_id',
      `CN202310000001.1,Garnet electrolyte,CNY,600.02,60002,66.68,6668,666.70,66670,${patents[0]}`,
    ]);

    const revenue = await text(await download(admin, 'platform-revenue.csv?from=2026-01-01&to=2026-12-31'));
    expect(revenue).toBe(
      '\ufeffmonth,currency,platform_fee,platform_fee_minor,stripe_fees,stripe_fees_minor,net,net_minor\r\n' +
        '2026-02,CNY,100.00,10000,32.00,3200,68.00,6800\r\n' +
        '2026-04,CNY,100.00,10000,32.00,3200,68.00,6800\r\n',
    );
  });

  it('ageing by contract and by patent: the same exact amounts, in yuan and in fen, with the ids', async () => {
    const numbers = await breakdown(northwestFinance, { asOf: '2026-05-20' });
    const [numberA, numberC] = numbers.data!.receivablesAgeing.byContract.edges.map(
      ({ node }) => node.contractNumber,
    );

    const byContract = await download(northwestFinance, 'ageing.csv?asOf=2026-05-20&by=contract');
    expect(byContract.headers.get('content-disposition')).toBe(
      'attachment; filename="receivables-ageing-2026-05-20-by-contract.csv"',
    );
    expect((await text(byContract)).split('\r\n')).toEqual([
      '\ufeffcontract_number,licensor,licensee,currency,obligations,current,current_minor,days_1_30,days_1_30_minor,days_31_60,days_31_60_minor,days_61_90,days_61_90_minor,over_90,over_90_minor,total,total_minor,contract_id,licensor_id,licensee_id',
      `${numberA},Northwest Polytechnic,深圳锂电科技有限公司,CNY,1,0.00,0,0.00,0,1000.01,100001,0.00,0,0.00,0,1000.01,100001,${contractA},${northwest.organizationId},${sme.organizationId}`,
      `${numberC},Northwest Polytechnic,'=1+2 Tech,CNY,1,0.00,0,0.00,0,0.00,0,0.00,0,700.00,70000,700.00,70000,${contractC},${northwest.organizationId},${trickster.organizationId}`,
      '',
    ]);

    const byPatent = await text(await download(northwestFinance, 'ageing.csv?asOf=2026-05-20&by=patent'));
    expect(byPatent.split('\r\n')).toEqual([
      '\ufeffapplication_number,patent_title,licensor,currency,obligations,current,current_minor,days_1_30,days_1_30_minor,days_31_60,days_31_60_minor,days_61_90,days_61_90_minor,over_90,over_90_minor,total,total_minor,patent_id,licensor_id',
      `CN202310000001.1,Garnet electrolyte,Northwest Polytechnic,CNY,1,0.00,0,0.00,0,333.34,33334,0.00,0,0.00,0,333.34,33334,${patents[0]},${northwest.organizationId}`,
      `CN202310000002.2,Polymer interlayer,Northwest Polytechnic,CNY,1,0.00,0,0.00,0,333.34,33334,0.00,0,0.00,0,333.34,33334,${patents[1]},${northwest.organizationId}`,
      `CN202310000003.3,Dendrite suppression,Northwest Polytechnic,CNY,1,0.00,0,0.00,0,333.33,33333,0.00,0,0.00,0,333.33,33333,${patents[2]},${northwest.organizationId}`,
      `${batteryPatent.applicationNumber},${batteryPatent.titleEn},Northwest Polytechnic,CNY,1,0.00,0,0.00,0,0.00,0,0.00,0,700.00,70000,700.00,70000,${patentC},${northwest.organizationId}`,
      '',
    ]);
  });

  it('answers errors as JSON with the code and its HTTP status', async () => {
    const cases: [Actor | null, string, number, string, string | undefined][] = [
      [null, 'ageing.csv?asOf=2026-05-20', 401, 'UNAUTHENTICATED', undefined],
      [northwestFinance, 'platform-revenue.csv?from=2026-01-01&to=2026-12-31', 403, 'FORBIDDEN', undefined],
      [admin, 'ageing.csv?asOf=20-05-2026', 400, 'BAD_USER_INPUT', 'asOf'],
      [admin, 'ageing.csv', 400, 'BAD_USER_INPUT', 'asOf'],
      [admin, 'ageing.csv?asOf=2026-05-20&by=owner', 400, 'BAD_USER_INPUT', 'by'],
      [
        admin,
        'distribution.csv?licensorId=x&from=2026-01-01&to=2026-01-01&from=2026-02-01',
        400,
        'BAD_USER_INPUT',
        'from',
      ],
      [other, `statement.csv?contractId=${contractA}`, 404, 'NOT_FOUND', undefined],
      [admin, 'payouts.csv', 400, 'BAD_USER_INPUT', 'from'],
      [admin, 'payslips.csv', 404, 'NOT_FOUND', undefined],
    ];
    for (const [actor, path, status, code, field] of cases) {
      const response = await download(actor, path);
      const body = (await response.json()) as {
        errors: { message: string; extensions: { code: string; field?: string } }[];
      };
      expect({
        path,
        status: response.status,
        code: body.errors[0].extensions.code,
        field: body.errors[0].extensions.field,
      }).toEqual({
        path,
        status,
        code,
        field,
      });
      expect(body.errors[0].message.length).toBeGreaterThan(10);
    }
  });

  it('takes the same access token as GraphQL: an invalid one is unauthenticated', async () => {
    const response = await fetch(`${server.url}/reports/ageing.csv?asOf=2026-05-20`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(response.status).toBe(401);
  });
});

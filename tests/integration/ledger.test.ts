import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import mongoose, { Types } from 'mongoose';
import { fixedClock } from '../../server/src/common/clock';
import { AppError } from '../../server/src/common/errors';
import { systemContext } from '../../server/src/common/request-context';
import { ObligationModel } from '../../server/src/modules/contracts/contract.model';
import type { JournalEntryInput } from '../../server/src/modules/ledger/journal-entry';
import { JournalEntryModel } from '../../server/src/modules/ledger/journal-entry.model';
import { runLedgerChecks } from '../../server/src/modules/ledger/ledger-check';
import { checkReceivablesMatchObligations } from '../../server/src/modules/ledger/ledger-invariants';
import type { LedgerService } from '../../server/src/modules/ledger/ledger.service';
import { TEST_STRIPE_KEY, startTestServer, type TestServer } from '../support/test-server';
import { founder, platformAdmin, signUp, smeInput, universityInput, type Actor } from './fixtures/actors';

/*
 * The ledger against the real FerretDB: postings through the service (billing is the only poster), reads through
 * GraphQL as finance staff of each party, a platform admin and people who may not read it.
 */

let server: TestServer;
let ledger: LedgerService;
let university: Actor;
let sme: Actor;
let universityFinance: Actor;
let smeFinance: Actor;
let admin: Actor;
let stranger: Actor;
const clock = fixedClock('2026-03-31T12:00:00Z');
const ctx = systemContext(clock, 'ledger-test');

beforeAll(async () => {
  server = await startTestServer();
  ledger = server.services.ledger;
  const anonymous = server.client();
  university = await founder(anonymous, 'tto', universityInput('Ledger University'));
  sme = await founder(anonymous, 'sme', smeInput('Ledger SME'));
  const financeOf = async (owner: Actor, label: string) => {
    const invitee = await signUp(anonymous, label);
    const { inviteMember } = await owner.client.data<{ inviteMember: { token: string } }>('InviteMember', {
      input: { organizationId: owner.organizationId, email: invitee.email, roles: ['FINANCE'] },
    });
    await invitee.client.data('AcceptInvitation', { token: inviteMember.token });
    return { ...invitee, organizationId: owner.organizationId };
  };
  universityFinance = await financeOf(university, 'tto-finance');
  smeFinance = await financeOf(sme, 'sme-finance');
  admin = await platformAdmin(anonymous);
  stranger = await founder(anonymous, 'stranger', universityInput('Other University'));
});

afterAll(async () => {
  await server.stop();
});

const newContractId = () => new Types.ObjectId().toHexString();

/** ¥1,000.00 falls due; the platform's fee is 10 %, so the licensor is owed ¥900.00. */
function obligationDue(contractId: string, key: string, effectiveDate: string): JournalEntryInput {
  return {
    idempotencyKey: key,
    effectiveDate,
    cause: { kind: 'OBLIGATION_DUE', id: key },
    memo: 'Installment',
    currency: 'CNY',
    lines: [
      {
        account: 'RECEIVABLE',
        contractId,
        organizationId: sme.organizationId,
        debitMinor: 100_000,
        creditMinor: 0,
      },
      {
        account: 'LICENSOR_PAYABLE',
        contractId,
        organizationId: university.organizationId,
        debitMinor: 0,
        creditMinor: 90_000,
      },
      { account: 'PLATFORM_FEE_REVENUE', contractId, debitMinor: 0, creditMinor: 10_000 },
    ],
  };
}

function payment(contractId: string, intentId: string, effectiveDate: string): JournalEntryInput {
  return {
    idempotencyKey: `payment:${intentId}`,
    effectiveDate,
    cause: { kind: 'PAYMENT', id: intentId },
    memo: 'Paid by card',
    currency: 'CNY',
    lines: [
      { account: 'CASH_IN_TRANSIT', contractId, debitMinor: 100_000, creditMinor: 0 },
      {
        account: 'RECEIVABLE',
        contractId,
        organizationId: sme.organizationId,
        debitMinor: 0,
        creditMinor: 100_000,
      },
    ],
    stripeIds: [intentId, `ch_${intentId}`, `txn_${intentId}`],
  };
}

async function rejection(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused');
}

const countByKey = (idempotencyKey: string) => JournalEntryModel.countDocuments({ idempotencyKey });

describe('posting', () => {
  it('given balanced lines, stores one entry with the query arrays derived from its lines', async () => {
    const contractId = newContractId();
    const entry = await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:1`, '2026-03-31'));

    const stored = await JournalEntryModel.findById(entry._id).lean();
    expect(stored).toMatchObject({
      idempotencyKey: `due:${contractId}:1`,
      effectiveDate: '2026-03-31',
      postedAt: new Date('2026-03-31T12:00:00Z'),
      cause: { kind: 'OBLIGATION_DUE', id: `due:${contractId}:1` },
      currency: 'CNY',
      reverses: null,
      contractIds: [contractId],
      organizationIds: [sme.organizationId, university.organizationId].sort(),
      accounts: ['LICENSOR_PAYABLE', 'PLATFORM_FEE_REVENUE', 'RECEIVABLE'],
      stripeIds: [],
    });
    expect(stored?.lines).toHaveLength(3);
    expect(
      await ledger.balance({ contractId, account: 'RECEIVABLE', currency: 'CNY', asOf: '2026-03-31' }),
    ).toBe(100_000);
  });

  it('refuses an unbalanced entry with LEDGER_UNBALANCED and stores nothing', async () => {
    const contractId = newContractId();
    const input = obligationDue(contractId, `due:${contractId}:unbalanced`, '2026-03-31');
    const lines = input.lines.map((l, i) => (i === 2 ? { ...l, creditMinor: 9_999 } : l));

    const error = await rejection(ledger.post(ctx, { ...input, lines }));

    expect(error.code).toBe('LEDGER_UNBALANCED');
    expect(error.message).toBe(
      'The journal entry does not balance: debits 100000 and credits 99999 CNY minor units.',
    );
    expect(await JournalEntryModel.countDocuments({ contractIds: contractId })).toBe(0);
  });

  it('refuses malformed lines with LEDGER_INVALID_ENTRY naming each field, and stores nothing', async () => {
    const contractId = newContractId();
    const input = obligationDue(contractId, `due:${contractId}:bad`, '2026-03-31');

    const error = await rejection(
      ledger.post(ctx, {
        ...input,
        currency: 'CNH',
        lines: [{ ...input.lines[0], debitMinor: 100.5 }, input.lines[1]],
      }),
    );

    expect(error.code).toBe('LEDGER_INVALID_ENTRY');
    expect(error.fieldErrors?.map((e) => e.field)).toEqual(['currency', 'lines[0].debitMinor']);
    expect(await JournalEntryModel.countDocuments({ contractIds: contractId })).toBe(0);
  });

  it('given the same key again, returns the entry already stored and stores nothing more', async () => {
    const contractId = newContractId();
    const input = obligationDue(contractId, `due:${contractId}:again`, '2026-03-31');
    const first = await ledger.post(ctx, input);
    clock.advance(60_000);

    const again = await ledger.post(ctx, { ...input, memo: 'retried', lines: [...input.lines].reverse() });

    expect(again.id).toBe(first.id);
    expect(again.postedAt).toEqual(first.postedAt);
    expect(await countByKey(input.idempotencyKey)).toBe(1);
  });

  it('given the same key with other lines, throws LEDGER_IDEMPOTENCY_CONFLICT and leaves the entry as it was', async () => {
    const contractId = newContractId();
    const input = obligationDue(contractId, `due:${contractId}:conflict`, '2026-03-31');
    const first = await ledger.post(ctx, input);
    const changed = input.lines.map((l) =>
      l.account === 'RECEIVABLE'
        ? { ...l, debitMinor: 100_001 }
        : l.account === 'PLATFORM_FEE_REVENUE'
          ? { ...l, creditMinor: 10_001 }
          : l,
    );

    const error = await rejection(ledger.post(ctx, { ...input, lines: changed }));

    expect(error.code).toBe('LEDGER_IDEMPOTENCY_CONFLICT');
    const stored = await JournalEntryModel.find({ idempotencyKey: input.idempotencyKey }).lean();
    expect(
      stored.map((e) => [e._id.toHexString(), e.lines.map((l) => l.debitMinor + l.creditMinor)]),
    ).toEqual([[first.id, [100_000, 90_000, 10_000]]]);
  });

  it('given eight concurrent posts of one key, five times over, stores exactly one entry each time', async () => {
    for (let round = 0; round < 5; round++) {
      const contractId = newContractId();
      const input = obligationDue(contractId, `due:${contractId}:race`, '2026-03-31');

      const results = await Promise.all(Array.from({ length: 8 }, () => ledger.post(ctx, input)));

      expect(new Set(results.map((r) => r.id)).size).toBe(1);
      expect(await countByKey(input.idempotencyKey)).toBe(1);
      expect(
        await ledger.balance({ contractId, account: 'RECEIVABLE', currency: 'CNY', asOf: '2026-12-31' }),
      ).toBe(100_000);
    }
  });
});

describe('reversal', () => {
  it('posts the mirror image once, from today, leaving the balances before it as they were', async () => {
    const contractId = newContractId();
    clock.set('2026-04-02T09:00:00Z');
    const original = await ledger.post(
      ctx,
      obligationDue(contractId, `due:${contractId}:wrong`, '2026-03-31'),
    );

    const reversal = await ledger.reverse(
      ctx,
      original.id,
      'Charged twice by mistake',
      `reverse:${original.id}`,
    );

    expect(reversal).toMatchObject({
      effectiveDate: '2026-04-02',
      cause: { kind: 'REVERSAL', id: original.id },
      memo: 'Charged twice by mistake',
    });
    expect(reversal.reverses?.toHexString()).toBe(original.id);
    expect(reversal.lines.map((l) => [l.account, l.debitMinor, l.creditMinor])).toEqual([
      ['RECEIVABLE', 0, 100_000],
      ['LICENSOR_PAYABLE', 90_000, 0],
      ['PLATFORM_FEE_REVENUE', 10_000, 0],
    ]);
    const receivable = (asOf: string) =>
      ledger.balance({ contractId, account: 'RECEIVABLE', currency: 'CNY', asOf });
    expect([
      await receivable('2026-03-30'),
      await receivable('2026-04-01'),
      await receivable('2026-04-02'),
    ]).toEqual([0, 100_000, 0]);
    expect(await ledger.balancesByAccount({ contractId, asOf: '2026-04-02' })).toEqual([
      { account: 'RECEIVABLE', currency: 'CNY', debitMinor: 100_000, creditMinor: 100_000, balanceMinor: 0 },
      {
        account: 'LICENSOR_PAYABLE',
        currency: 'CNY',
        debitMinor: 90_000,
        creditMinor: 90_000,
        balanceMinor: 0,
      },
      {
        account: 'PLATFORM_FEE_REVENUE',
        currency: 'CNY',
        debitMinor: 10_000,
        creditMinor: 10_000,
        balanceMinor: 0,
      },
    ]);
  });

  it('reverses an entry at most once: the same key returns the reversal, another key is refused', async () => {
    const contractId = newContractId();
    const original = await ledger.post(
      ctx,
      obligationDue(contractId, `due:${contractId}:twice`, '2026-03-31'),
    );
    const first = await ledger.reverse(ctx, original.id, 'Wrong amount', `reverse:${original.id}`);

    const retried = await ledger.reverse(ctx, original.id, 'Wrong amount', `reverse:${original.id}`);
    const other = await rejection(ledger.reverse(ctx, original.id, 'Again', `reverse-again:${original.id}`));

    expect(retried.id).toBe(first.id);
    expect(other.code).toBe('LEDGER_ALREADY_REVERSED');
    expect(await JournalEntryModel.countDocuments({ contractIds: contractId })).toBe(2);
  });

  it("refuses a reversal under another entry's key, and the entry can still be reversed", async () => {
    const contractId = newContractId();
    const original = await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:k`, '2026-03-31'));
    const unrelated = await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:k2`, '2026-03-31'));

    const error = await rejection(ledger.reverse(ctx, original.id, 'Oops', unrelated.idempotencyKey));
    const reversal = await ledger.reverse(ctx, original.id, 'Oops', `reverse:${original.id}`);

    expect(error.code).toBe('LEDGER_IDEMPOTENCY_CONFLICT');
    expect(reversal.reverses?.toHexString()).toBe(original.id);
  });

  it('answers NOT_FOUND for an entry that does not exist', async () => {
    const error = await rejection(ledger.reverse(ctx, newContractId(), 'x', 'reverse:none'));
    expect(error.code).toBe('NOT_FOUND');
  });
});

describe('balances as of a date and the statement', () => {
  it('follows one contract through three months: due, paid, due', async () => {
    const contractId = newContractId();
    await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:2026-01`, '2026-01-31'));
    await ledger.post(ctx, payment(contractId, `pi_${contractId}_1`, '2026-02-03'));
    await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:2026-02`, '2026-02-28'));

    const receivable = (asOf: string) =>
      ledger.balance({ contractId, account: 'RECEIVABLE', currency: 'CNY', asOf });
    expect([
      await receivable('2026-01-30'),
      await receivable('2026-01-31'),
      await receivable('2026-02-03'),
      await receivable('2026-02-28'),
    ]).toEqual([0, 100_000, 0, 100_000]);
    expect(await ledger.balance({ contractId, currency: 'USD', asOf: '2026-12-31' })).toBe(0);
    expect(
      await ledger.balance({
        organizationId: university.organizationId,
        contractId,
        account: 'LICENSOR_PAYABLE',
        currency: 'CNY',
        asOf: '2026-02-28',
      }),
    ).toBe(-180_000);

    const statement = await ledger.statement(contractId);
    expect(
      statement.map((r) => [
        r.entry.effectiveDate,
        r.entry.cause.kind,
        r.receivableChangeMinor,
        r.runningBalanceMinor,
      ]),
    ).toEqual([
      ['2026-01-31', 'OBLIGATION_DUE', 100_000, 100_000],
      ['2026-02-03', 'PAYMENT', -100_000, 0],
      ['2026-02-28', 'OBLIGATION_DUE', 100_000, 100_000],
    ]);
    expect((await ledger.entriesByStripeId(`ch_pi_${contractId}_1`)).map((e) => e.cause.kind)).toEqual([
      'PAYMENT',
    ]);
  });

  it('refuses a date that is not a calendar date and a currency it does not know', async () => {
    const bad = await rejection(ledger.balance({ currency: 'CNY', asOf: '2026-02-30' }));
    const currency = await rejection(ledger.balance({ currency: 'XXX', asOf: '2026-02-28' }));
    expect([bad.code, bad.field, currency.code, currency.field]).toEqual([
      'BAD_USER_INPUT',
      'asOf',
      'BAD_USER_INPUT',
      'currency',
    ]);
  });
});

describe('GraphQL, for finance', () => {
  let contractId: string;

  beforeAll(async () => {
    contractId = newContractId();
    await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:gql-1`, '2026-01-31'));
    await ledger.post(ctx, payment(contractId, `pi_${contractId}_gql`, '2026-02-03'));
    await ledger.post(ctx, obligationDue(contractId, `due:${contractId}:gql-2`, '2026-02-28'));
  });

  type EntriesData = {
    ledgerEntries: {
      totalCount: number;
      edges: {
        node: {
          id: string;
          effectiveDate: string;
          cause: { kind: string };
          complete: boolean;
          lines: {
            account: string;
            organizationId: string | null;
            debitMinor: number;
            creditMinor: number;
          }[];
        };
      }[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  };

  it('shows a platform admin every entry of the contract, whole, in ledger order, page by page', async () => {
    const first = await admin.client.data<EntriesData>('LedgerEntries', { filter: { contractId }, first: 2 });
    const rest = await admin.client.data<EntriesData>('LedgerEntries', {
      filter: { contractId },
      first: 2,
      after: first.ledgerEntries.pageInfo.endCursor,
    });

    expect(first.ledgerEntries.totalCount).toBe(3);
    expect(first.ledgerEntries.pageInfo.hasNextPage).toBe(true);
    expect(rest.ledgerEntries.pageInfo.hasNextPage).toBe(false);
    const nodes = [...first.ledgerEntries.edges, ...rest.ledgerEntries.edges].map((e) => e.node);
    expect(nodes.map((n) => [n.effectiveDate, n.cause.kind, n.complete, n.lines.length])).toEqual([
      ['2026-01-31', 'OBLIGATION_DUE', true, 3],
      ['2026-02-03', 'PAYMENT', true, 2],
      ['2026-02-28', 'OBLIGATION_DUE', true, 3],
    ]);
  });

  it('lists them newest first when asked, page by page, and refuses a cursor of the other order', async () => {
    const first = await admin.client.data<EntriesData>('LedgerEntries', {
      filter: { contractId },
      first: 2,
      order: 'NEWEST_FIRST',
    });
    const rest = await admin.client.data<EntriesData>('LedgerEntries', {
      filter: { contractId },
      first: 2,
      order: 'NEWEST_FIRST',
      after: first.ledgerEntries.pageInfo.endCursor,
    });

    expect(first.ledgerEntries.totalCount).toBe(3);
    expect(rest.ledgerEntries.pageInfo.hasNextPage).toBe(false);
    const nodes = [...first.ledgerEntries.edges, ...rest.ledgerEntries.edges].map((e) => e.node);
    expect(nodes.map((n) => [n.effectiveDate, n.cause.kind])).toEqual([
      ['2026-02-28', 'OBLIGATION_DUE'],
      ['2026-02-03', 'PAYMENT'],
      ['2026-01-31', 'OBLIGATION_DUE'],
    ]);
    // A cursor is a position in one order: continuing the other order from it would skip or repeat entries.
    const mixed = await admin.client.run('LedgerEntries', {
      filter: { contractId },
      first: 2,
      after: first.ledgerEntries.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it("shows the licensor's finance staff only the entries and lines of their organisation", async () => {
    const data = await universityFinance.client.data<EntriesData>('LedgerEntries', {
      filter: { contractId },
    });

    expect(
      data.ledgerEntries.edges.map((e) => [
        e.node.effectiveDate,
        e.node.complete,
        e.node.lines.map((l) => [l.account, l.organizationId, l.creditMinor]),
      ]),
    ).toEqual([
      ['2026-01-31', false, [['LICENSOR_PAYABLE', university.organizationId, 90_000]]],
      ['2026-02-28', false, [['LICENSOR_PAYABLE', university.organizationId, 90_000]]],
    ]);
  });

  it("gives the licensee's finance staff its receivable, and the admin every account, as of a date", async () => {
    const smeView = await smeFinance.client.data<{ ledgerBalances: unknown[] }>('LedgerBalances', {
      contractId,
      asOf: '2026-02-28',
    });
    const adminView = await admin.client.data<{ ledgerBalances: unknown[] }>('LedgerBalances', {
      contractId,
      asOf: '2026-02-03',
    });

    expect(smeView.ledgerBalances).toEqual([
      {
        account: 'RECEIVABLE',
        normalSide: 'DEBIT',
        currency: 'CNY',
        debitMinor: 200_000,
        creditMinor: 100_000,
        balanceMinor: 100_000,
        normalBalanceMinor: 100_000,
      },
    ]);
    expect(adminView.ledgerBalances).toEqual([
      {
        account: 'RECEIVABLE',
        normalSide: 'DEBIT',
        currency: 'CNY',
        debitMinor: 100_000,
        creditMinor: 100_000,
        balanceMinor: 0,
        normalBalanceMinor: 0,
      },
      {
        account: 'CASH_IN_TRANSIT',
        normalSide: 'DEBIT',
        currency: 'CNY',
        debitMinor: 100_000,
        creditMinor: 0,
        balanceMinor: 100_000,
        normalBalanceMinor: 100_000,
      },
      {
        account: 'LICENSOR_PAYABLE',
        normalSide: 'CREDIT',
        currency: 'CNY',
        debitMinor: 0,
        creditMinor: 90_000,
        balanceMinor: -90_000,
        normalBalanceMinor: 90_000,
      },
      {
        account: 'PLATFORM_FEE_REVENUE',
        normalSide: 'CREDIT',
        currency: 'CNY',
        debitMinor: 0,
        creditMinor: 10_000,
        balanceMinor: -10_000,
        normalBalanceMinor: 10_000,
      },
    ]);
  });

  it('refuses the ledger to those without finance, and an organisation to finance staff of another', async () => {
    const codes = async (actor: Actor | null, variables: Record<string, unknown>) => {
      const client = actor ? actor.client : server.client();
      const entries = await client.run('LedgerEntries', { filter: variables });
      const balances = await client.run('LedgerBalances', { ...variables, asOf: '2026-02-28' });
      return [entries.errors?.[0]?.extensions?.code, balances.errors?.[0]?.extensions?.code];
    };

    expect(await codes(null, { contractId })).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
    expect(await codes(university, { contractId })).toEqual(['FORBIDDEN', 'FORBIDDEN']);
    expect(await codes(stranger, { organizationId: university.organizationId })).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
    expect(await codes(universityFinance, { organizationId: sme.organizationId })).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });

  it('answers BAD_USER_INPUT naming the field for a bad date', async () => {
    const result = await admin.client.run('LedgerBalances', { asOf: '31/03/2026' });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'asOf' });
  });
});

describe('the ledger check', () => {
  it('finds the stored ledger clean, a contract whose receivable differs from its unpaid obligations, and an entry written around the service', async () => {
    expect(await ledger.ledgerInvariants()).toEqual([]);

    // A contract whose due obligation is in the ledger, and one whose overdue obligation is not.
    const inStep = newContractId();
    const missing = newContractId();
    await ledger.post(ctx, obligationDue(inStep, `due:${inStep}:check`, '2026-03-31'));
    await insertObligation(inStep, 'DUE', 100_000);
    await insertObligation(missing, 'OVERDUE', 20_000);
    await insertObligation(missing, 'PAID', 50_000);

    const receivables = await checkReceivablesMatchObligations();
    expect(receivables.filter((v) => v.contractId === inStep)).toEqual([]);
    expect(receivables.filter((v) => v.contractId === missing)).toEqual([
      {
        invariant: 'RECEIVABLE_MATCHES_OBLIGATIONS',
        message: 'The receivable is 0 but the unpaid due obligations come to 20000 CNY minor units.',
        contractId: missing,
        currency: 'CNY',
      },
    ]);

    const tampered = await JournalEntryModel.collection.insertOne({
      idempotencyKey: 'written-around-the-service',
      effectiveDate: '2026-03-31',
      postedAt: new Date(),
      cause: { kind: 'PAYMENT', id: 'pi_x' },
      memo: '',
      currency: 'CNY',
      lines: [
        {
          account: 'CASH_IN_TRANSIT',
          contractId: null,
          organizationId: null,
          debitMinor: 100,
          creditMinor: 0,
        },
        { account: 'BANK', contractId: null, organizationId: null, debitMinor: 0, creditMinor: 99 },
      ],
      reverses: null,
      contractIds: [],
      organizationIds: [],
      accounts: ['BANK', 'CASH_IN_TRANSIT'],
      stripeIds: [],
    } as never);

    const summary = await runLedgerChecks();
    expect(summary.ok).toBe(false);
    // Other modules add checks of their own (billing: every succeeded payment in the ledger); these are the ledger's.
    expect(summary.checks.map((c) => c.name)).toEqual(
      expect.arrayContaining(['entries', 'receivables-match-obligations']),
    );
    const structural = ['ENTRY_WELL_FORMED', 'ENTRY_BALANCES', 'IDEMPOTENCY_KEY_UNIQUE'];
    expect(summary.violations.filter((v) => structural.includes(v.invariant))).toEqual([
      {
        invariant: 'ENTRY_BALANCES',
        message: 'Debits 100 ≠ credits 99 CNY minor units.',
        currency: 'CNY',
        entryId: tampered.insertedId.toHexString(),
        idempotencyKey: 'written-around-the-service',
      },
    ]);
  });

  it('scripts/ledger-check prints the summary as JSON and exits with 1 when something is violated', async () => {
    const db = mongoose.connection.db;
    if (!db) throw new Error('not connected');
    const uri = new URL(process.env.USEFIRST_TEST_MONGODB_URI ?? '');
    uri.pathname = `/${db.databaseName}`;
    const run = promisify(execFile);
    const root = path.resolve(__dirname, '..', '..');
    const outcome = await run(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/ledger-check.ts'], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        MONGODB_URI: uri.toString(),
        STRIPE_SECRET_KEY: TEST_STRIPE_KEY,
        STRIPE_API_URL: process.env.USEFIRST_TEST_STRIPE_API_URL,
        FERRETDB_POSTGRESQL_URL: process.env.USEFIRST_TEST_POSTGRES_URL,
        LOG_LEVEL: 'silent',
      },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, stdout: e.stdout }),
    );

    expect(outcome.code).toBe(1);
    const summary = JSON.parse(outcome.stdout) as {
      ok: boolean;
      checks: { name: string; violations: number }[];
    };
    expect(summary.ok).toBe(false);
    expect(summary.checks.find((c) => c.name === 'entries')?.violations).toBe(1);
  });
});

async function insertObligation(contractId: string, status: 'DUE' | 'OVERDUE' | 'PAID', amountMinor: number) {
  const now = new Date();
  const key = `INSTALLMENT:${new Types.ObjectId().toHexString()}`;
  await ObligationModel.create({
    obligationKey: `${contractId}:${key}`,
    contractId: new Types.ObjectId(contractId),
    licensorId: new Types.ObjectId(university.organizationId ?? undefined),
    licenseeId: new Types.ObjectId(sme.organizationId ?? undefined),
    key,
    kind: 'INSTALLMENT',
    amountMinor,
    currency: 'CNY',
    dueDate: '2026-03-31',
    status,
    dueMonth: '2026-03',
    remindOn: '2026-03-17',
    remindMonth: '2026-03',
    overdueOn: '2026-04-01',
    overdueMonth: '2026-04',
    defaultsOn: '2026-04-11',
    defaultsMonth: '2026-04',
    lateInterestBps: 0,
    interestOn: null,
    accruedTo: null,
    createdAt: now,
    updatedAt: now,
  });
}

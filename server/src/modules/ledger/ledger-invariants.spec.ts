import { Types } from 'mongoose';
import type { JournalEntryRecord } from './journal-entry.model';
import { entryViolations } from './ledger-invariants';

const stored = (overrides: Partial<JournalEntryRecord> = {}): JournalEntryRecord => ({
  _id: new Types.ObjectId('65f000000000000000000001'),
  idempotencyKey: 'payment:pi_1',
  effectiveDate: '2026-02-03',
  postedAt: new Date('2026-02-03T10:00:00Z'),
  cause: { kind: 'PAYMENT', id: 'pi_1' },
  memo: '',
  currency: 'CNY',
  lines: [
    {
      account: 'CASH_IN_TRANSIT',
      contractId: 'c1',
      organizationId: null,
      debitMinor: 100_000,
      creditMinor: 0,
    },
    { account: 'RECEIVABLE', contractId: 'c1', organizationId: 'sme', debitMinor: 0, creditMinor: 100_000 },
  ],
  reverses: null,
  contractIds: ['c1'],
  organizationIds: ['sme'],
  accounts: ['CASH_IN_TRANSIT', 'RECEIVABLE'],
  stripeIds: ['pi_1'],
  ...overrides,
});

describe('entryViolations', () => {
  it('finds nothing wrong with a well-formed, balanced entry', () => {
    expect(entryViolations(stored())).toEqual([]);
  });

  it('finds an entry written around the service: unbalanced, query arrays out of step, reversal without target', () => {
    const record = stored({
      cause: { kind: 'REVERSAL', id: 'x' },
      lines: [
        {
          account: 'CASH_IN_TRANSIT',
          contractId: 'c1',
          organizationId: null,
          debitMinor: 100_000,
          creditMinor: 0,
        },
        {
          account: 'RECEIVABLE',
          contractId: 'c1',
          organizationId: 'sme',
          debitMinor: 0,
          creditMinor: 99_000,
        },
      ],
      organizationIds: [],
    });
    expect(entryViolations(record).map((v) => [v.invariant, v.message])).toEqual([
      ['ENTRY_BALANCES', 'Debits 100000 ≠ credits 99000 CNY minor units.'],
      ['ENTRY_WELL_FORMED', 'organizationIds is [] but the lines say ["sme"].'],
      ['ENTRY_WELL_FORMED', 'A reversal, and only a reversal, names the entry it reverses.'],
    ]);
    expect(entryViolations(record)[0]).toMatchObject({
      entryId: '65f000000000000000000001',
      idempotencyKey: 'payment:pi_1',
    });
  });

  it('reports a malformed line by its field, and does not go on to sum it', () => {
    const record = stored({
      lines: [
        {
          account: 'CASH_IN_TRANSIT',
          contractId: 'c1',
          organizationId: null,
          debitMinor: -1,
          creditMinor: 0,
        },
        { account: 'RECEIVABLE', contractId: 'c1', organizationId: 'sme', debitMinor: 0, creditMinor: 1 },
      ],
    });
    expect(entryViolations(record).map((v) => v.message)).toEqual([
      'lines[0].debitMinor: Amounts are never negative: put the amount on the other side.',
    ]);
  });
});

import { AppError } from '../../common/errors';
import { mirrorLines, prepareEntry, sameEntry, type JournalEntryInput } from './journal-entry';

// An installment of ¥1,000.00 falls due; the platform keeps a 10 % fee (¥100.00), the licensor is owed ¥900.00.
const due: JournalEntryInput = {
  idempotencyKey: 'obligation-due:ob1',
  effectiveDate: '2026-03-31',
  cause: { kind: 'OBLIGATION_DUE', id: 'ob1' },
  memo: 'Installment 1 of 4',
  currency: 'CNY',
  lines: [
    { account: 'RECEIVABLE', contractId: 'c1', organizationId: 'sme', debitMinor: 100_000, creditMinor: 0 },
    {
      account: 'LICENSOR_PAYABLE',
      contractId: 'c1',
      organizationId: 'tto',
      debitMinor: 0,
      creditMinor: 90_000,
    },
    { account: 'PLATFORM_FEE_REVENUE', contractId: 'c1', debitMinor: 0, creditMinor: 10_000 },
  ],
};

function errorOf(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

const withLines = (lines: JournalEntryInput['lines']): JournalEntryInput => ({ ...due, lines });

describe('prepareEntry', () => {
  it('given balanced lines, derives the query arrays from them and fills absent ids with null', () => {
    const entry = prepareEntry({ ...due, stripeIds: ['pi_2', 'pi_1', 'pi_2'] });
    expect(entry.contractIds).toEqual(['c1']);
    expect(entry.organizationIds).toEqual(['sme', 'tto']);
    expect(entry.accounts).toEqual(['LICENSOR_PAYABLE', 'PLATFORM_FEE_REVENUE', 'RECEIVABLE']);
    expect(entry.stripeIds).toEqual(['pi_1', 'pi_2']);
    expect(entry.lines[2]).toEqual({
      account: 'PLATFORM_FEE_REVENUE',
      contractId: 'c1',
      organizationId: null,
      debitMinor: 0,
      creditMinor: 10_000,
    });
    expect(entry.reverses).toBeNull();
  });

  it('refuses debits that differ from credits by one minor unit, naming both totals', () => {
    const error = errorOf(() =>
      prepareEntry(
        withLines([
          {
            account: 'RECEIVABLE',
            contractId: 'c1',
            organizationId: 'sme',
            debitMinor: 100_000,
            creditMinor: 0,
          },
          {
            account: 'LICENSOR_PAYABLE',
            contractId: 'c1',
            organizationId: 'tto',
            debitMinor: 0,
            creditMinor: 99_999,
          },
        ]),
      ),
    );
    expect(error.code).toBe('LEDGER_UNBALANCED');
    expect(error.message).toBe(
      'The journal entry does not balance: debits 100000 and credits 99999 CNY minor units.',
    );
  });

  it('refuses a single line', () => {
    const error = errorOf(() => prepareEntry(withLines([due.lines[0]])));
    expect(error.code).toBe('LEDGER_INVALID_ENTRY');
    expect(error.fieldErrors?.map((e) => e.field)).toEqual(['lines']);
  });

  it('names every malformed field: fractions, negatives, both sides, neither side, missing owners', () => {
    const error = errorOf(() =>
      prepareEntry({
        ...due,
        currency: 'XYZ',
        effectiveDate: '2026-02-30',
        lines: [
          {
            account: 'RECEIVABLE',
            contractId: 'c1',
            organizationId: 'sme',
            debitMinor: 10.5,
            creditMinor: 0,
          },
          {
            account: 'LICENSOR_PAYABLE',
            contractId: 'c1',
            organizationId: 'tto',
            debitMinor: 0,
            creditMinor: -5,
          },
          {
            account: 'CASH_IN_TRANSIT',
            contractId: null,
            organizationId: null,
            debitMinor: 5,
            creditMinor: 5,
          },
          { account: 'BANK', debitMinor: 0, creditMinor: 0 },
          { account: 'RECEIVABLE', contractId: null, organizationId: null, debitMinor: 1, creditMinor: 0 },
          { account: 'STRIPE_FEES', organizationId: 'tto', debitMinor: 1, creditMinor: 0 },
          { account: 'SAVINGS' as never, debitMinor: 1, creditMinor: 0 },
        ],
      }),
    );
    expect(error.code).toBe('LEDGER_INVALID_ENTRY');
    expect(error.fieldErrors?.map((e) => e.field)).toEqual([
      'effectiveDate',
      'currency',
      'lines[0].debitMinor',
      'lines[1].creditMinor',
      'lines[2].debitMinor',
      'lines[3].debitMinor',
      'lines[4].contractId',
      'lines[4].organizationId',
      'lines[5].organizationId',
      'lines[6].account',
    ]);
  });

  it('refuses an empty key, an unknown cause and a cause without id', () => {
    const error = errorOf(() =>
      prepareEntry({ ...due, idempotencyKey: ' ', cause: { kind: 'GIFT' as never, id: '' } }),
    );
    expect(error.fieldErrors?.map((e) => e.field)).toEqual(['idempotencyKey', 'cause.kind', 'cause.id']);
  });

  it('takes zero-decimal and three-decimal currencies in their own minor units', () => {
    for (const [currency, amount] of [
      ['JPY', 12_345],
      ['KWD', 1_234_567],
    ] as const) {
      const entry = prepareEntry({
        ...due,
        currency,
        lines: [
          { account: 'CASH_IN_TRANSIT', debitMinor: amount, creditMinor: 0 },
          {
            account: 'RECEIVABLE',
            contractId: 'c1',
            organizationId: 'sme',
            debitMinor: 0,
            creditMinor: amount,
          },
        ],
      });
      expect(entry.currency).toBe(currency);
    }
  });
});

describe('sameEntry', () => {
  const stored = prepareEntry(due);

  it('is the same entry with its lines in another order and another memo', () => {
    const retry = prepareEntry({ ...due, memo: 'retried', lines: [...due.lines].reverse() });
    expect(sameEntry(stored, retry)).toBe(true);
  });

  it('is another entry when one line moves one minor unit, or the date or the cause differ', () => {
    const moved = withLines([
      { ...due.lines[0] },
      { ...due.lines[1], creditMinor: 89_999 },
      { ...due.lines[2], creditMinor: 10_001 },
    ]);
    expect(sameEntry(stored, prepareEntry(moved))).toBe(false);
    expect(sameEntry(stored, prepareEntry({ ...due, effectiveDate: '2026-04-01' }))).toBe(false);
    expect(sameEntry(stored, prepareEntry({ ...due, cause: { kind: 'OBLIGATION_DUE', id: 'ob2' } }))).toBe(
      false,
    );
  });
});

describe('mirrorLines', () => {
  it('swaps every debit and credit and keeps the accounts and owners', () => {
    const mirrored = mirrorLines(prepareEntry(due).lines);
    expect(mirrored.map((l) => [l.account, l.debitMinor, l.creditMinor])).toEqual([
      ['RECEIVABLE', 0, 100_000],
      ['LICENSOR_PAYABLE', 90_000, 0],
      ['PLATFORM_FEE_REVENUE', 10_000, 0],
    ]);
    expect(mirrored[0].organizationId).toBe('sme');
  });
});

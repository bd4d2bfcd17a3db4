import type { JournalLine } from '../ledger/journal-entry';
import { buildContractStatement, type StatementEntry } from './contract-statement';

const line = (
  account: JournalLine['account'],
  debitMinor: number,
  creditMinor: number,
  organizationId: string | null = null,
): JournalLine => ({ account, contractId: 'c1', organizationId, debitMinor, creditMinor });

let sequence = 0;
const entry = (
  kind: string,
  effectiveDate: string,
  lines: JournalLine[],
  postedAt = '2026-01-01T00:00:00Z',
): StatementEntry => ({
  id: `e${String(++sequence).padStart(2, '0')}`,
  effectiveDate,
  postedAt: new Date(postedAt),
  currency: 'CNY',
  cause: { kind, id: `cause-${sequence}` },
  memo: kind,
  lines,
});

// ¥1,000.00 falls due on 03-01 and again on 04-01; the first is paid on 03-05 (fee ¥100.00, Stripe ¥35.00).
const entries = [
  entry(
    'PAYMENT',
    '2026-03-05',
    [line('CASH_IN_TRANSIT', 100_000, 0), line('RECEIVABLE', 0, 100_000, 'sme')],
    '2026-03-05T10:00:00Z',
  ),
  entry('OBLIGATION_DUE', '2026-04-01', [
    line('RECEIVABLE', 100_000, 0, 'sme'),
    line('LICENSOR_PAYABLE', 0, 100_000, 'uni'),
  ]),
  entry('OBLIGATION_DUE', '2026-03-01', [
    line('RECEIVABLE', 100_000, 0, 'sme'),
    line('LICENSOR_PAYABLE', 0, 100_000, 'uni'),
  ]),
  entry(
    'PLATFORM_FEE',
    '2026-03-05',
    [line('LICENSOR_PAYABLE', 10_000, 0, 'uni'), line('PLATFORM_FEE_REVENUE', 0, 10_000)],
    '2026-03-05T10:00:01Z',
  ),
  entry(
    'STRIPE_FEE',
    '2026-03-05',
    [line('STRIPE_FEES', 3_500, 0), line('CASH_IN_TRANSIT', 0, 3_500)],
    '2026-03-05T10:00:02Z',
  ),
  entry(
    'TRANSFER',
    '2026-03-05',
    [line('LICENSOR_PAYABLE', 90_000, 0, 'uni'), line('CASH_IN_TRANSIT', 0, 90_000)],
    '2026-03-05T10:00:03Z',
  ),
];

const summary = (rows: ReturnType<typeof buildContractStatement>['rows']) =>
  rows.map((r) => [
    r.entry.cause.kind,
    r.receivableChangeMinor,
    r.runningReceivableMinor,
    r.lines.length,
    r.complete,
  ]);

describe('buildContractStatement', () => {
  it('for the platform: every entry in effective-date order with the running receivable, every line', () => {
    const statement = buildContractStatement(entries, 'c1', null);

    expect(summary(statement.rows)).toEqual([
      ['OBLIGATION_DUE', 100_000, 100_000, 2, true],
      ['PAYMENT', -100_000, 0, 2, true],
      ['PLATFORM_FEE', 0, 0, 2, true],
      ['STRIPE_FEE', 0, 0, 2, true],
      ['TRANSFER', 0, 0, 2, true],
      ['OBLIGATION_DUE', 100_000, 100_000, 2, true],
    ]);
    expect(statement.receivableBalances).toEqual([{ currency: 'CNY', balanceMinor: 100_000 }]);
  });

  it('for the licensee: what it owes and paid, its own lines only, and no fee or transfer', () => {
    const statement = buildContractStatement(entries, 'c1', ['sme']);

    expect(summary(statement.rows)).toEqual([
      ['OBLIGATION_DUE', 100_000, 100_000, 1, false],
      ['PAYMENT', -100_000, 0, 1, false],
      ['OBLIGATION_DUE', 100_000, 100_000, 1, false],
    ]);
    expect(statement.rows[0].lines).toEqual([line('RECEIVABLE', 100_000, 0, 'sme')]);
  });

  it('for the licensor: its payable lines, the fee and the transfer, and the payment without the licensee’s lines', () => {
    const statement = buildContractStatement(entries, 'c1', ['uni']);

    expect(summary(statement.rows)).toEqual([
      ['OBLIGATION_DUE', 100_000, 100_000, 1, false],
      ['PAYMENT', -100_000, 0, 0, false],
      ['PLATFORM_FEE', 0, 0, 1, false],
      ['TRANSFER', 0, 0, 1, false],
      ['OBLIGATION_DUE', 100_000, 100_000, 1, false],
    ]);
  });
});

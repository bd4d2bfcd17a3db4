import { ACCOUNT_DEFINITIONS, LEDGER_ACCOUNTS, normalBalance, normalSideOf } from './ledger-accounts';
import type { JournalLine } from './journal-entry';
import { signedBalance, statementRows, sumByAccount, type OrderedEntry } from './ledger-balance';

const line = (
  account: JournalLine['account'],
  debitMinor: number,
  creditMinor: number,
  owner: { contractId?: string; organizationId?: string } = {},
): JournalLine => ({
  account,
  contractId: owner.contractId ?? null,
  organizationId: owner.organizationId ?? null,
  debitMinor,
  creditMinor,
});
const sme = { contractId: 'c1', organizationId: 'sme' };
const tto = { contractId: 'c1', organizationId: 'tto' };
const c1 = { contractId: 'c1' };
let sequence = 0;
const entry = (effectiveDate: string, lines: JournalLine[], currency = 'CNY'): OrderedEntry => ({
  id: `e${++sequence}`,
  effectiveDate,
  currency,
  postedAt: new Date(Date.UTC(2026, 0, 1, 0, 0, sequence)),
  lines,
});

/*
 * One contract, ¥1,000.00 a month, platform fee 10 %:
 * Jan 31 due 100 000 (payable 90 000, fee 10 000); Feb 3 paid 100 000; Feb 3 Stripe's fee 2 930;
 * Feb 4 the licensor's 90 000 transferred; Feb 28 the next 100 000 falls due; and, apart, a USD entry.
 */
const januaryDue = entry('2026-01-31', [
  line('RECEIVABLE', 100_000, 0, sme),
  line('LICENSOR_PAYABLE', 0, 90_000, tto),
  line('PLATFORM_FEE_REVENUE', 0, 10_000, c1),
]);
const paid = entry('2026-02-03', [
  line('CASH_IN_TRANSIT', 100_000, 0, c1),
  line('RECEIVABLE', 0, 100_000, sme),
]);
const stripeFee = entry('2026-02-03', [
  line('STRIPE_FEES', 2_930, 0, c1),
  line('CASH_IN_TRANSIT', 0, 2_930, c1),
]);
const transfer = entry('2026-02-04', [
  line('LICENSOR_PAYABLE', 90_000, 0, tto),
  line('CASH_IN_TRANSIT', 0, 90_000, c1),
]);
const februaryDue = entry('2026-02-28', [
  line('RECEIVABLE', 100_000, 0, sme),
  line('LICENSOR_PAYABLE', 0, 90_000, tto),
  line('PLATFORM_FEE_REVENUE', 0, 10_000, c1),
]);
const dollars = entry(
  '2026-02-10',
  [line('RECEIVABLE', 5_000, 0, sme), line('LICENSOR_PAYABLE', 0, 5_000, tto)],
  'USD',
);
const ledger = [februaryDue, transfer, dollars, stripeFee, paid, januaryDue];

describe('signedBalance', () => {
  it("follows the contract's receivable day by day", () => {
    const receivable = (asOf: string) =>
      signedBalance(ledger, { account: 'RECEIVABLE', contractId: 'c1' }, 'CNY', asOf);
    expect([
      receivable('2026-01-30'),
      receivable('2026-01-31'),
      receivable('2026-02-02'),
      receivable('2026-02-03'),
      receivable('2026-02-28'),
    ]).toEqual([0, 100_000, 100_000, 0, 100_000]);
  });

  it('keeps currencies apart: the USD receivable is 5 000 whatever the CNY entries say', () => {
    expect(signedBalance(ledger, { account: 'RECEIVABLE' }, 'USD', '2026-12-31')).toBe(5_000);
  });

  it('leaves ¥70.70 at Stripe after the transfer: 100 000 − 2 930 − 90 000', () => {
    expect(signedBalance(ledger, { account: 'CASH_IN_TRANSIT' }, 'CNY', '2026-02-04')).toBe(7_070);
  });
});

describe('sumByAccount', () => {
  it('gives every account of the contract on 2026-02-28 in chart order, and the accounts sum to zero', () => {
    const balances = sumByAccount(ledger, { contractId: 'c1' }, '2026-02-28');
    expect(balances).toEqual([
      {
        account: 'RECEIVABLE',
        currency: 'CNY',
        debitMinor: 200_000,
        creditMinor: 100_000,
        balanceMinor: 100_000,
      },
      { account: 'RECEIVABLE', currency: 'USD', debitMinor: 5_000, creditMinor: 0, balanceMinor: 5_000 },
      {
        account: 'CASH_IN_TRANSIT',
        currency: 'CNY',
        debitMinor: 100_000,
        creditMinor: 92_930,
        balanceMinor: 7_070,
      },
      {
        account: 'LICENSOR_PAYABLE',
        currency: 'CNY',
        debitMinor: 90_000,
        creditMinor: 180_000,
        balanceMinor: -90_000,
      },
      {
        account: 'LICENSOR_PAYABLE',
        currency: 'USD',
        debitMinor: 0,
        creditMinor: 5_000,
        balanceMinor: -5_000,
      },
      {
        account: 'PLATFORM_FEE_REVENUE',
        currency: 'CNY',
        debitMinor: 0,
        creditMinor: 20_000,
        balanceMinor: -20_000,
      },
      { account: 'STRIPE_FEES', currency: 'CNY', debitMinor: 2_930, creditMinor: 0, balanceMinor: 2_930 },
    ]);
    for (const currency of ['CNY', 'USD'])
      expect(
        balances.filter((b) => b.currency === currency).reduce((sum, b) => sum + b.balanceMinor, 0),
      ).toBe(0);
  });

  it("shows an organisation only its own lines: the licensor's payable", () => {
    expect(sumByAccount(ledger, { organizationId: 'tto' }, '2026-02-04')).toEqual([
      {
        account: 'LICENSOR_PAYABLE',
        currency: 'CNY',
        debitMinor: 90_000,
        creditMinor: 90_000,
        balanceMinor: 0,
      },
    ]);
  });
});

describe('statementRows', () => {
  it("orders by effective date, then posting time, and runs the contract's receivable", () => {
    const rows = statementRows(
      ledger.filter((e) => e.currency === 'CNY'),
      'c1',
    );
    expect(rows.map((r) => [r.entry.effectiveDate, r.receivableChangeMinor, r.runningBalanceMinor])).toEqual([
      ['2026-01-31', 100_000, 100_000],
      ['2026-02-03', -100_000, 0],
      ['2026-02-03', 0, 0],
      ['2026-02-04', 0, 0],
      ['2026-02-28', 100_000, 100_000],
    ]);
    // Same day: the payment was posted before Stripe's fee.
    expect(rows[1].entry).toBe(paid);
  });
});

describe('normal sides', () => {
  it('reads assets and expenses as debits, liabilities and income as credits', () => {
    expect(Object.fromEntries(LEDGER_ACCOUNTS.map((a) => [a, normalSideOf(a)]))).toEqual({
      RECEIVABLE: 'DEBIT',
      CASH_IN_TRANSIT: 'DEBIT',
      LICENSOR_PAYABLE: 'CREDIT',
      PLATFORM_FEE_REVENUE: 'CREDIT',
      STRIPE_FEES: 'DEBIT',
      LATE_INTEREST_INCOME: 'CREDIT',
      BANK: 'DEBIT',
      REFUNDS: 'DEBIT',
      DISPUTES: 'DEBIT',
    });
    expect(Object.keys(ACCOUNT_DEFINITIONS)).toEqual([...LEDGER_ACCOUNTS]);
  });

  it('presents a payable of 90 000 (debit-positive −90 000) as 90 000, and an empty account as 0', () => {
    expect(normalBalance('LICENSOR_PAYABLE', -90_000)).toBe(90_000);
    expect(normalBalance('RECEIVABLE', 100_000)).toBe(100_000);
    expect(normalBalance('PLATFORM_FEE_REVENUE', 2_500)).toBe(-2_500);
    expect(Object.is(normalBalance('LICENSOR_PAYABLE', 0), 0)).toBe(true);
  });
});

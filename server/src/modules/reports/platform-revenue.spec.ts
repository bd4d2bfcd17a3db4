import type { JournalLine } from '../ledger/journal-entry';
import { buildPlatformRevenue, type RevenueEntry } from './platform-revenue';

const line = (account: JournalLine['account'], debitMinor: number, creditMinor: number): JournalLine => ({
  account,
  contractId: 'c1',
  organizationId: null,
  debitMinor,
  creditMinor,
});

let sequence = 0;
const entry = (effectiveDate: string, lines: JournalLine[], currency = 'CNY'): RevenueEntry => ({
  id: `e${++sequence}`,
  effectiveDate,
  currency,
  lines,
});

const fee = (on: string, amount: number, currency = 'CNY') =>
  entry(
    on,
    [
      { ...line('LICENSOR_PAYABLE', amount, 0), organizationId: 'uni' },
      line('PLATFORM_FEE_REVENUE', 0, amount),
    ],
    currency,
  );
const stripeFee = (on: string, amount: number, currency = 'CNY') =>
  entry(on, [line('STRIPE_FEES', amount, 0), line('CASH_IN_TRANSIT', 0, amount)], currency);

describe('buildPlatformRevenue', () => {
  it('nets refunds off the fee and Stripe’s fees off the revenue, per month and currency', () => {
    // A refund of ¥100.00 on which Stripe took back ¥90.00 from the licensor and ¥10.00 of our fee.
    const refund = entry('2026-01-20', [
      line('REFUNDS', 10_000, 0),
      line('CASH_IN_TRANSIT', 0, 10_000),
      line('CASH_IN_TRANSIT', 9_000, 0),
      line('REFUNDS', 0, 9_000),
      line('PLATFORM_FEE_REVENUE', 1_000, 0),
      line('REFUNDS', 0, 1_000),
    ]);
    const entries = [
      fee('2026-01-05', 10_000),
      stripeFee('2026-01-05', 320),
      refund,
      fee('2026-02-01', 5_000),
      fee('2026-02-01', 700, 'JPY'),
      stripeFee('2026-02-01', 25, 'JPY'),
    ];

    const report = buildPlatformRevenue({ from: '2026-01-01', to: '2026-02-28', entries });

    expect(
      report.months.map((m) => [m.month, m.currency, m.platformFeeMinor, m.stripeFeesMinor, m.netMinor]),
    ).toEqual([
      ['2026-01', 'CNY', 9_000, 320, 8_680],
      ['2026-02', 'CNY', 5_000, 0, 5_000],
      ['2026-02', 'JPY', 700, 25, 675],
    ]);
    expect(report.totals).toEqual([
      { currency: 'CNY', platformFeeMinor: 14_000, stripeFeesMinor: 320, netMinor: 13_680 },
      { currency: 'JPY', platformFeeMinor: 700, stripeFeesMinor: 25, netMinor: 675 },
    ]);
  });

  it('counts an entry given twice once, leaves out the days outside the range, and groups across a year end', () => {
    const december = fee('2026-12-31', 100);
    const entries = [
      december,
      december,
      fee('2027-01-01', 200),
      fee('2026-11-30', 400),
      stripeFee('2027-01-31', 50),
    ];

    const report = buildPlatformRevenue({ from: '2026-12-01', to: '2027-01-31', entries });

    expect(report.months.map((m) => [m.month, m.start, m.end, m.netMinor])).toEqual([
      ['2026-12', '2026-12-01', '2026-12-31', 100],
      ['2027-01', '2027-01-01', '2027-01-31', 150],
    ]);
  });

  it('a dispute’s fee adds to Stripe’s fees and a won dispute gives it back', () => {
    const entries = [
      entry('2026-03-01', [
        line('DISPUTES', 5_000, 0),
        line('STRIPE_FEES', 1_500, 0),
        line('CASH_IN_TRANSIT', 0, 6_500),
      ]),
      entry('2026-03-20', [
        line('CASH_IN_TRANSIT', 6_500, 0),
        line('DISPUTES', 0, 5_000),
        line('STRIPE_FEES', 0, 1_500),
      ]),
    ];

    const report = buildPlatformRevenue({ from: '2026-03-01', to: '2026-03-31', entries });

    expect(report.months.map((m) => [m.stripeFeesMinor, m.netMinor])).toEqual([[0, 0]]);
  });
});

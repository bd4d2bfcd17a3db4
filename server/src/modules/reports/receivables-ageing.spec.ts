import type { CalendarDate } from '../../common/calendar-date';
import { bucketFor, buildReceivablesAgeing, type AgeingObligation } from './receivables-ageing';

const asOf = '2026-06-30' as CalendarDate;

let sequence = 0;
function obligation(overrides: Partial<AgeingObligation>): AgeingObligation {
  sequence += 1;
  return {
    obligationId: `o${sequence}`,
    obligationKey: `c1:INSTALLMENT:${sequence}`,
    kind: 'INSTALLMENT',
    status: 'OVERDUE',
    contractId: 'c1',
    contractNumber: 'UF-2026-000001',
    licensorId: 'uni',
    licensorName: 'Northwest University',
    licenseeId: 'sme',
    licenseeName: 'Shenzhen Cells',
    dueDate: '2026-06-30',
    amountMinor: 100,
    currency: 'CNY',
    ...overrides,
  };
}

describe('bucketFor', () => {
  it.each([
    [0, 'CURRENT'],
    [1, 'DAYS_1_30'],
    [30, 'DAYS_1_30'],
    [31, 'DAYS_31_60'],
    [60, 'DAYS_31_60'],
    [61, 'DAYS_61_90'],
    [90, 'DAYS_61_90'],
    [91, 'OVER_90'],
    [3650, 'OVER_90'],
  ])('%i days past due is %s', (days, bucket) => {
    expect(bucketFor(days)).toBe(bucket);
  });

  it('refuses negative and fractional days', () => {
    expect(() => bucketFor(-1)).toThrow(RangeError);
    expect(() => bucketFor(1.5)).toThrow(RangeError);
  });
});

describe('buildReceivablesAgeing', () => {
  it('given due dates exactly 0, 1, 30, 31, 60, 61, 90 and 91 days before 2026-06-30, puts each in its bucket', () => {
    const dueDates = {
      '2026-06-30': 0,
      '2026-06-29': 1,
      '2026-05-31': 30,
      '2026-05-30': 31,
      '2026-05-01': 60,
      '2026-04-30': 61,
      '2026-04-01': 90,
      '2026-03-31': 91,
    };
    const report = buildReceivablesAgeing(
      Object.keys(dueDates).map((dueDate, i) => obligation({ dueDate, amountMinor: 10 ** i })),
      asOf,
    );

    expect(report.items.map((i) => [i.dueDate, i.daysPastDue, i.bucket])).toEqual([
      ['2026-03-31', 91, 'OVER_90'],
      ['2026-04-01', 90, 'DAYS_61_90'],
      ['2026-04-30', 61, 'DAYS_61_90'],
      ['2026-05-01', 60, 'DAYS_31_60'],
      ['2026-05-30', 31, 'DAYS_31_60'],
      ['2026-05-31', 30, 'DAYS_1_30'],
      ['2026-06-29', 1, 'DAYS_1_30'],
      ['2026-06-30', 0, 'CURRENT'],
    ]);
    // Amounts 1, 10, 100, … 10^7 in the order of the due dates above, so each bucket's sum shows who is in it.
    expect(report.totals).toEqual([
      {
        currency: 'CNY',
        bucketsMinor: {
          CURRENT: 1,
          DAYS_1_30: 110,
          DAYS_31_60: 11_000,
          DAYS_61_90: 1_100_000,
          OVER_90: 10_000_000,
        },
        totalMinor: 11_111_111,
      },
    ]);
  });

  it('counts only DUE and OVERDUE obligations due on or before the date', () => {
    const report = buildReceivablesAgeing(
      [
        obligation({ status: 'DUE', amountMinor: 1 }),
        obligation({ status: 'OVERDUE', dueDate: '2026-06-01', amountMinor: 2 }),
        obligation({ status: 'PAID', amountMinor: 4 }),
        obligation({ status: 'SCHEDULED', amountMinor: 8 }),
        obligation({ status: 'WAIVED', amountMinor: 16 }),
        obligation({ status: 'CANCELLED', amountMinor: 32 }),
        obligation({ status: 'DUE', dueDate: '2026-07-01', amountMinor: 64 }),
      ],
      asOf,
    );

    expect(report.items.map((i) => i.amountMinor)).toEqual([2, 1]);
    expect(report.totals.map((t) => t.totalMinor)).toEqual([3]);
  });

  it('groups by licensor and by licensee per currency, never adding one currency to another', () => {
    const report = buildReceivablesAgeing(
      [
        obligation({ licenseeId: 'a', licenseeName: 'Alpha', amountMinor: 100_00, dueDate: '2026-06-30' }),
        obligation({ licenseeId: 'a', licenseeName: 'Alpha', amountMinor: 250_00, dueDate: '2026-05-15' }),
        obligation({ licenseeId: 'b', licenseeName: 'Beta', amountMinor: 5_000, currency: 'JPY' }),
        obligation({
          licenseeId: 'b',
          licenseeName: 'Beta',
          licensorId: 'ins',
          licensorName: 'Applied Institute',
          amountMinor: 70_00,
          dueDate: '2026-01-01',
        }),
      ],
      asOf,
    );

    const summary = (g: { organizationName: string; currency: string; totalMinor: number }) => [
      g.organizationName,
      g.currency,
      g.totalMinor,
    ];
    expect(report.byLicensee.map(summary)).toEqual([
      ['Alpha', 'CNY', 350_00],
      ['Beta', 'CNY', 70_00],
      ['Beta', 'JPY', 5_000],
    ]);
    expect(report.byLicensor.map(summary)).toEqual([
      ['Applied Institute', 'CNY', 70_00],
      ['Northwest University', 'CNY', 350_00],
      ['Northwest University', 'JPY', 5_000],
    ]);
    expect(report.byLicensee[0]).toMatchObject({
      obligationCount: 2,
      bucketsMinor: { CURRENT: 100_00, DAYS_1_30: 0, DAYS_31_60: 250_00, DAYS_61_90: 0, OVER_90: 0 },
    });
    expect(report.totals.map((t) => [t.currency, t.totalMinor, t.bucketsMinor.OVER_90])).toEqual([
      ['CNY', 420_00, 70_00],
      ['JPY', 5_000, 0],
    ]);
  });

  it('sums per contract and currency, the largest total first within a currency, ties by contract number', () => {
    const report = buildReceivablesAgeing(
      [
        obligation({
          contractId: 'c1',
          contractNumber: 'UF-1',
          amountMinor: 100_000_01,
          dueDate: '2026-06-30',
        }),
        obligation({ contractId: 'c2', contractNumber: 'UF-2', amountMinor: 300_00, dueDate: '2026-06-01' }),
        obligation({
          contractId: 'c2',
          contractNumber: 'UF-2',
          amountMinor: 150_000_00,
          dueDate: '2026-01-01',
        }),
        obligation({ contractId: 'c3', contractNumber: 'UF-3', amountMinor: 999_999, currency: 'JPY' }),
        obligation({
          contractId: 'c4',
          contractNumber: 'UF-4',
          amountMinor: 100_000_01,
          dueDate: '2026-06-15',
        }),
        obligation({ contractId: 'c5', contractNumber: 'UF-5', amountMinor: 1, status: 'PAID' }),
      ],
      asOf,
    );

    // c2: 300.00 due 29 days ago and 150,000.00 due 180 days ago, 150,300.00 in all; c1 before c4 by number
    expect(
      report.byContract.map((c) => [
        c.contractNumber,
        c.currency,
        c.obligationCount,
        c.bucketsMinor.CURRENT,
        c.bucketsMinor.DAYS_1_30,
        c.bucketsMinor.OVER_90,
        c.totalMinor,
      ]),
    ).toEqual([
      ['UF-2', 'CNY', 2, 0, 300_00, 150_000_00, 150_300_00],
      ['UF-1', 'CNY', 1, 100_000_01, 0, 0, 100_000_01],
      ['UF-4', 'CNY', 1, 0, 100_000_01, 0, 100_000_01],
      ['UF-3', 'JPY', 1, 999_999, 0, 0, 999_999],
    ]);
    expect(report.byContract[0]).toMatchObject({
      contractId: 'c2',
      licensorId: 'uni',
      licensorName: 'Northwest University',
      licenseeId: 'sme',
      licenseeName: 'Shenzhen Cells',
      bucketsMinor: { DAYS_31_60: 0, DAYS_61_90: 0 },
    });
  });

  it('given nothing owed, has no items, totals or groups', () => {
    expect(buildReceivablesAgeing([], asOf)).toEqual({
      asOf,
      items: [],
      totals: [],
      byLicensor: [],
      byLicensee: [],
      byContract: [],
    });
  });
});

import type { CalendarDate } from '../../common/calendar-date';
import { buildReceivablesAgeing, type AgeingObligation } from './receivables-ageing';
import { buildReceivablesByPatent } from './receivables-by-patent';

const asOf = '2026-06-30' as CalendarDate;

let sequence = 0;
function obligation(overrides: Partial<AgeingObligation>): AgeingObligation {
  sequence += 1;
  return {
    obligationId: `o${sequence}`,
    obligationKey: `INSTALLMENT:${sequence}`,
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

const patentIdsOf = new Map<string, string[]>([
  ['c1', ['p1', 'p2', 'p3']],
  ['c2', ['p3']],
  ['c3', []],
  ['c5', ['p-gone']],
]);
const patents = new Map(
  ['p1', 'p2', 'p3'].map((id, i) => [
    id,
    { patentId: id, title: `Patent ${id}`, applicationNumber: `CN20231000000${i + 1}.${i + 1}` },
  ]),
);

function byPatent(obligations: AgeingObligation[], on: CalendarDate = asOf) {
  const report = buildReceivablesAgeing(obligations, on);
  return { report, rows: buildReceivablesByPatent(report.items, patentIdsOf, patents) };
}

/** [patent, CURRENT, 1–30, 31–60, 61–90, over 90, total, obligations] */
const row = (r: ReturnType<typeof byPatent>['rows'][number]) => [
  r.patentId,
  r.bucketsMinor.CURRENT,
  r.bucketsMinor.DAYS_1_30,
  r.bucketsMinor.DAYS_31_60,
  r.bucketsMinor.DAYS_61_90,
  r.bucketsMinor.OVER_90,
  r.totalMinor,
  r.obligationCount,
];

describe('buildReceivablesByPatent', () => {
  it("splits each unpaid obligation over its contract's patents, the odd fen to the first, each piece in its bucket", () => {
    // Given contract c1 over three patents owing ¥10.00 due today, ¥1,000.01 due 46 days ago and ¥0.01 due 10 days
    // ago, and c2 over p3 alone owing ¥500.00 due 180 days ago
    const { report, rows } = byPatent([
      obligation({ amountMinor: 1_000, dueDate: '2026-06-30' }),
      obligation({ amountMinor: 100_001, dueDate: '2026-05-15' }),
      obligation({ amountMinor: 1, dueDate: '2026-06-20' }),
      obligation({
        contractId: 'c2',
        contractNumber: 'UF-2026-000002',
        amountMinor: 50_000,
        dueDate: '2026-01-01',
      }),
    ]);

    // Then 1,000 = 334 + 333 + 333; 100,001 = 33,334 + 33,334 + 33,333; 1 = 1 + 0 + 0; p3 also has c2's 50,000
    expect(rows.map(row)).toEqual([
      ['p1', 334, 1, 33_334, 0, 0, 33_669, 3],
      ['p2', 333, 0, 33_334, 0, 0, 33_667, 3],
      ['p3', 333, 0, 33_333, 0, 50_000, 83_666, 4],
    ]);
    expect(rows[0]).toMatchObject({
      title: 'Patent p1',
      applicationNumber: 'CN202310000001.1',
      licensorId: 'uni',
      licensorName: 'Northwest University',
      currency: 'CNY',
    });
    // And c1's pieces add up exactly to c1's row in every bucket: 10.00 + 0.01 + 1,000.01 = 1,010.02
    const c1 = report.byContract.find((c) => c.contractId === 'c1')!;
    expect(c1.bucketsMinor).toEqual({
      CURRENT: 1_000,
      DAYS_1_30: 1,
      DAYS_31_60: 100_001,
      DAYS_61_90: 0,
      OVER_90: 0,
    });
    expect(c1.totalMinor).toBe(101_002);
    const c1Pieces = rows.map((r) => (r.patentId === 'p3' ? r.totalMinor - 50_000 : r.totalMinor));
    expect(c1Pieces).toEqual([33_669, 33_667, 33_666]);
    expect(c1Pieces.reduce((sum, piece) => sum + piece, 0)).toBe(101_002);
  });

  it("keeps a patent's total while its obligations age: two 1-fen obligations both go to the first patent", () => {
    // Given two obligations of ¥0.01 under c1, due 10 and 36 days before 2026-06-30 (102 and 128 before 09-30)
    const obligations = [
      obligation({ amountMinor: 1, dueDate: '2026-06-20' }),
      obligation({ amountMinor: 1, dueDate: '2026-05-25' }),
    ];

    // Then in different buckets on 06-30, and in the same one on 09-30, p1 is owed both fen each time (had the
    // contract's bucket sum of 2 fen been split on 09-30, p1 and p2 would each have had 1)
    expect(byPatent(obligations).rows.map(row)).toEqual([
      ['p1', 0, 1, 1, 0, 0, 2, 2],
      ['p2', 0, 0, 0, 0, 0, 0, 2],
      ['p3', 0, 0, 0, 0, 0, 0, 2],
    ]);
    expect(byPatent(obligations, '2026-09-30' as CalendarDate).rows.map(row)).toEqual([
      ['p1', 0, 0, 0, 0, 2, 2, 2],
      ['p2', 0, 0, 0, 0, 0, 0, 2],
      ['p3', 0, 0, 0, 0, 0, 0, 2],
    ]);
  });

  it('puts a contract with no patent under none, one row per licensor, after a patent it cannot describe', () => {
    const { rows } = byPatent([
      obligation({ contractId: 'c3', amountMinor: 70_000, dueDate: '2026-03-01' }),
      obligation({ contractId: 'c4', licensorId: 'ins', licensorName: 'Applied Institute', amountMinor: 5 }),
      obligation({ contractId: 'c5', amountMinor: 7, currency: 'USD' }),
    ]);

    expect(
      rows.map((r) => [r.patentId, r.applicationNumber, r.licensorName, r.currency, r.totalMinor]),
    ).toEqual([
      ['p-gone', null, 'Northwest University', 'USD', 7],
      [null, null, 'Applied Institute', 'CNY', 5],
      [null, null, 'Northwest University', 'CNY', 70_000],
    ]);
    expect(rows[2].bucketsMinor.OVER_90).toBe(70_000);
  });

  it('never adds one currency to another under the same patent', () => {
    const { rows } = byPatent([
      obligation({ contractId: 'c2', amountMinor: 1_000 }),
      obligation({ contractId: 'c2', amountMinor: 9, currency: 'USD' }),
    ]);

    expect(rows.map((r) => [r.patentId, r.currency, r.totalMinor])).toEqual([
      ['p3', 'CNY', 1_000],
      ['p3', 'USD', 9],
    ]);
  });

  it('given nothing owed, has no rows', () => {
    expect(byPatent([obligation({ status: 'PAID' })]).rows).toEqual([]);
  });
});

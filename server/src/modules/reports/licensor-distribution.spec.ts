import type { JournalLine } from '../ledger/journal-entry';
import {
  buildLicensorDistribution,
  type DistributionContract,
  type DistributionEntry,
} from './licensor-distribution';

const UNI = 'uni';

const line = (
  account: JournalLine['account'],
  debitMinor: number,
  creditMinor: number,
  contractId: string,
  organizationId: string | null = null,
): JournalLine => ({ account, contractId, organizationId, debitMinor, creditMinor });

let sequence = 0;
const entry = (
  kind: string,
  effectiveDate: string,
  lines: JournalLine[],
  extra: Partial<DistributionEntry> = {},
): DistributionEntry => ({
  id: `e${++sequence}`,
  effectiveDate,
  currency: 'CNY',
  cause: { kind, id: `cause-${sequence}` },
  reverses: null,
  lines,
  ...extra,
});

/** What billing posts for a paid obligation: the fee kept back, then the licensor's share transferred. */
function paid(contractId: string, on: string, feeMinor: number, shareMinor: number, org = UNI) {
  return [
    entry('PLATFORM_FEE', on, [
      line('LICENSOR_PAYABLE', feeMinor, 0, contractId, org),
      line('PLATFORM_FEE_REVENUE', 0, feeMinor, contractId),
    ]),
    entry('TRANSFER', on, [
      line('LICENSOR_PAYABLE', shareMinor, 0, contractId, org),
      line('CASH_IN_TRANSIT', 0, shareMinor, contractId),
    ]),
  ];
}

const contract = (contractId: string, patentIds: string[]): DistributionContract => ({
  contractId,
  contractNumber: `UF-2026-${contractId}`,
  title: `Licence ${contractId}`,
  licenseeId: 'sme',
  licenseeName: 'Shenzhen Cells',
  patentIds,
});

const contracts = new Map([
  ['c1', contract('c1', ['p1', 'p2', 'p3'])],
  ['c2', contract('c2', ['p3'])],
]);
const patents = new Map(
  ['p1', 'p2', 'p3'].map((id, i) => [
    id,
    { patentId: id, title: `Patent ${id}`, applicationNumber: `CN${i}` },
  ]),
);

const report = (entries: DistributionEntry[], from: string, to: string, period: 'MONTH' | 'QUARTER') =>
  buildLicensorDistribution({ licensorId: UNI, from, to, period, entries, contracts, patents });

const amounts = (r: { receivedMinor: number; platformFeeMinor: number; grossMinor: number }) => [
  r.receivedMinor,
  r.platformFeeMinor,
  r.grossMinor,
];

describe('buildLicensorDistribution', () => {
  it('counts the transfers as received and the platform fees as withheld, per contract', () => {
    const entries = [
      entry('OBLIGATION_DUE', '2026-03-01', [
        line('RECEIVABLE', 100_000, 0, 'c1', 'sme'),
        line('LICENSOR_PAYABLE', 0, 100_000, 'c1', UNI),
      ]),
      entry('PAYMENT', '2026-03-02', [
        line('CASH_IN_TRANSIT', 100_000, 0, 'c1'),
        line('RECEIVABLE', 0, 100_000, 'c1', 'sme'),
      ]),
      ...paid('c1', '2026-03-02', 10_000, 90_000),
      ...paid('c2', '2026-03-05', 500, 4_500),
      // Another licensor's money on the same contract never counts.
      ...paid('c2', '2026-03-05', 7, 7, 'other-uni'),
    ];

    const r = report(entries, '2026-01-01', '2026-03-31', 'QUARTER');

    expect(r.byContract.map((c) => [c.contractNumber, ...amounts(c)])).toEqual([
      ['UF-2026-c1', 90_000, 10_000, 100_000],
      ['UF-2026-c2', 4_500, 500, 5_000],
    ]);
    expect(r.totals).toEqual([
      { currency: 'CNY', receivedMinor: 94_500, platformFeeMinor: 10_500, grossMinor: 105_000 },
    ]);
  });

  it('splits each entry evenly over the contract’s patents, the odd minor units to the first patents', () => {
    // ¥1,000.01 received and ¥100.00 withheld over three patents: 100,001 = 33,334 + 33,334 + 33,333 and
    // 10,000 = 3,334 + 3,333 + 3,333; c2's ¥12.34 and ¥1.00 all go to p3, its only patent.
    const r = report(
      [...paid('c1', '2026-02-10', 10_000, 100_001), ...paid('c2', '2026-02-11', 100, 1_234)],
      '2026-01-01',
      '2026-03-31',
      'QUARTER',
    );

    expect(r.byPatent.map((p) => [p.patentId, p.applicationNumber, ...amounts(p)])).toEqual([
      ['p1', 'CN0', 33_334, 3_334, 36_668],
      ['p2', 'CN1', 33_334, 3_333, 36_667],
      ['p3', 'CN2', 33_333 + 1_234, 3_333 + 100, 36_666 + 1_334],
    ]);
    const sum = (pick: (p: (typeof r.byPatent)[number]) => number) =>
      r.byPatent.reduce((s, p) => s + pick(p), 0);
    expect([sum((p) => p.receivedMinor), sum((p) => p.platformFeeMinor)]).toEqual([101_235, 10_100]);
  });

  it('counts a reversed transfer negative, splitting it the same way so that every patent comes back to 0', () => {
    const [fee, transfer] = paid('c1', '2026-02-10', 2, 100_001);
    const reversal = entry(
      'REVERSAL',
      '2026-02-20',
      transfer.lines.map((l) => ({ ...l, debitMinor: l.creditMinor, creditMinor: l.debitMinor })),
      { reverses: transfer.id, cause: { kind: 'REVERSAL', id: transfer.id } },
    );

    const r = report([fee, transfer, reversal], '2026-02-01', '2026-02-28', 'MONTH');

    expect(r.byPatent.map((p) => [p.patentId, p.receivedMinor, p.platformFeeMinor])).toEqual([
      ['p1', 0, 1],
      ['p2', 0, 1],
      ['p3', 0, 0],
    ]);
  });

  it('reads a reversal of an entry from before the range as a reversal, counting only the reversal', () => {
    const [, transfer] = paid('c1', '2025-12-30', 0, 3_000);
    const reversal = entry(
      'REVERSAL',
      '2026-01-05',
      transfer.lines.map((l) => ({ ...l, debitMinor: l.creditMinor, creditMinor: l.debitMinor })),
      { reverses: transfer.id, cause: { kind: 'REVERSAL', id: transfer.id } },
    );

    const r = report([transfer, reversal], '2026-01-01', '2026-03-31', 'QUARTER');

    expect(r.totals.map(amounts)).toEqual([[-3_000, 0, -3_000]]);
  });

  it('groups periods across a year end by month and by quarter', () => {
    const entries = [
      ...paid('c2', '2026-11-30', 1, 10),
      ...paid('c2', '2026-12-31', 2, 20),
      ...paid('c2', '2027-01-01', 4, 40),
      ...paid('c2', '2027-03-31', 8, 80),
      ...paid('c2', '2027-04-01', 16, 160),
    ];

    const byQuarter = report(entries, '2026-12-01', '2027-03-31', 'QUARTER').byPeriod;
    const byMonth = report(entries, '2026-12-01', '2027-03-31', 'MONTH').byPeriod;

    expect(byQuarter.map((p) => [p.period, p.start, p.end, ...amounts(p)])).toEqual([
      ['2026-Q4', '2026-10-01', '2026-12-31', 20, 2, 22],
      ['2027-Q1', '2027-01-01', '2027-03-31', 120, 12, 132],
    ]);
    expect(byMonth.map((p) => [p.period, p.receivedMinor])).toEqual([
      ['2026-12', 20],
      ['2027-01', 40],
      ['2027-03', 80],
    ]);
  });

  it('per patent, two consecutive ranges add up to the whole range', () => {
    const entries = [
      ...paid('c1', '2026-12-15', 1, 100_001),
      ...paid('c1', '2027-01-15', 2, 200_002),
      ...paid('c1', '2027-02-15', 1, 5),
    ];
    const perPatent = (from: string, to: string): Record<string, number[]> =>
      Object.fromEntries(report(entries, from, to, 'MONTH').byPatent.map((p) => [p.patentId, amounts(p)]));

    const first = perPatent('2026-12-01', '2026-12-31');
    const second = perPatent('2027-01-01', '2027-02-28');
    const whole = perPatent('2026-12-01', '2027-02-28');

    for (const id of ['p1', 'p2', 'p3'])
      expect(whole[id]).toEqual(first[id].map((value, i) => value + second[id][i]));
    // Received: 100,001 = 33,334 + 33,334 + 33,333; 200,002 = 66,668 + 66,667 + 66,667; 5 = 2 + 2 + 1.
    // Fees: 1 = 1 + 0 + 0; 2 = 1 + 1 + 0; 1 = 1 + 0 + 0. The first patent collects the odd units.
    expect(whole).toEqual({
      p1: [100_004, 3, 100_007],
      p2: [100_003, 1, 100_004],
      p3: [100_001, 0, 100_001],
    });
  });

  it('keeps the late interest the licensor received, and puts a contract it does not know under no patent', () => {
    const r = report(
      [
        entry('TRANSFER', '2026-05-01', [
          line('LATE_INTEREST_INCOME', 1_234, 0, 'c2', UNI),
          line('CASH_IN_TRANSIT', 0, 1_234, 'c2'),
        ]),
        ...paid('c-unknown', '2026-05-02', 1, 99),
      ],
      '2026-05-01',
      '2026-05-31',
      'MONTH',
    );

    expect(r.byPatent.map((p) => [p.patentId, p.receivedMinor])).toEqual([
      ['p3', 1_234],
      [null, 99],
    ]);
    expect(r.byContract.map((c) => [c.contractId, c.contractNumber, c.receivedMinor])).toEqual([
      ['c-unknown', null, 99],
      ['c2', 'UF-2026-c2', 1_234],
    ]);
  });
});

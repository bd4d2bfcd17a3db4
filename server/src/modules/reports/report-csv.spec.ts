import { amountColumn, guardFormula, toCsv, type CsvColumn } from './report-csv';
import { payoutReconciliationCsv } from './payout-reconciliation.port';

type Row = { name: string; amountMinor: number; currency: string; count: number; on: string | null };

const columns: CsvColumn<Row>[] = [
  { header: 'name', cell: (r) => ({ text: r.name }) },
  amountColumn('amount', (r) => r),
  { header: 'count', cell: (r) => ({ integer: r.count }) },
  { header: 'date', cell: (r) => ({ date: r.on }) },
];

describe('toCsv', () => {
  it('starts with a BOM, ends lines with CRLF, and gives each amount in major units and in minor units', () => {
    const csv = toCsv(columns, [
      { name: '西北理工大学', amountMinor: 123_456, currency: 'CNY', count: 2, on: '2026-03-31' },
      { name: 'Tokyo KK', amountMinor: 5_000, currency: 'JPY', count: 1, on: null },
      { name: 'Kuwait Co', amountMinor: -1_234, currency: 'KWD', count: 0, on: '2026-01-01' },
    ]);

    expect(csv).toBe(
      '\ufeffname,amount,amount_minor,count,date\r\n' +
        '西北理工大学,1234.56,123456,2,2026-03-31\r\n' +
        'Tokyo KK,5000,5000,1,\r\n' +
        'Kuwait Co,-1.234,-1234,0,2026-01-01\r\n',
    );
  });

  it('quotes commas, quotes and line breaks, and defuses text that a spreadsheet would run as a formula', () => {
    const csv = toCsv(columns, [
      { name: 'Acme, "Ltd"\nBranch', amountMinor: 1, currency: 'USD', count: 1, on: null },
      { name: '=HYPERLINK("http://evil","x")', amountMinor: -5, currency: 'USD', count: 1, on: null },
    ]);

    expect(csv.split('\r\n').slice(1)).toEqual([
      '"Acme, ""Ltd""\nBranch",0.01,1,1,',
      `"'=HYPERLINK(""http://evil"",""x"")",-0.05,-5,1,`,
      '',
    ]);
  });
});

describe('guardFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+86 29 8888', "'+86 29 8888"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', "'\rcmd"],
    ['Zhang = Wei', 'Zhang = Wei'],
    ['', ''],
  ])('%j becomes %j', (text, safe) => {
    expect(guardFormula(text)).toBe(safe);
  });
});

describe('payoutReconciliationCsv', () => {
  it('writes one row per payout with both amounts', () => {
    expect(
      payoutReconciliationCsv([
        {
          payoutId: 'po_1',
          arrivalDate: '2026-03-02',
          status: 'paid',
          amountMinor: 186_402,
          currency: 'CNY',
          ledgerAmountMinor: 186_400,
          state: 'AMOUNT_MISMATCH',
          openExceptions: 1,
        },
      ]),
    ).toBe(
      '\ufeffpayout_id,arrival_date,status,currency,amount,amount_minor,ledger_amount,ledger_amount_minor,state,open_exceptions\r\n' +
        'po_1,2026-03-02,paid,CNY,1864.02,186402,1864.00,186400,AMOUNT_MISMATCH,1\r\n',
    );
  });
});

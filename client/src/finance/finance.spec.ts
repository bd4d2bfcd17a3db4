import { ageingChartRows, ageingCurrencies } from './ageing-chart';
import { csvErrorFromBody, csvReportUrl, filenameFromContentDisposition } from './csv-download';
import { daysBefore, monthStartBefore, todayIso } from './report-dates';

const amounts = (currency: string, buckets: [number, number, number, number, number]) => ({
  currency,
  currentMinor: buckets[0],
  days1To30Minor: buckets[1],
  days31To60Minor: buckets[2],
  days61To90Minor: buckets[3],
  over90Minor: buckets[4],
  totalMinor: buckets.reduce((sum, value) => sum + value, 0),
});

describe('ageing chart rows', () => {
  const groups = [
    { organizationId: 'a', organizationName: 'Alpha SME', amounts: amounts('CNY', [100_00, 0, 0, 0, 0]) },
    {
      organizationId: 'b',
      organizationName: 'Beta SME',
      amounts: amounts('CNY', [0, 250_00, 0, 0, 1_000_00]),
    },
    { organizationId: 'b', organizationName: 'Beta SME', amounts: amounts('USD', [0, 0, 75_00, 0, 0]) },
    { organizationId: 'c', organizationName: 'Cobalt SME', amounts: amounts('CNY', [0, 0, 0, 0, 0]) },
    { organizationId: 'd', organizationName: 'Delta SME', amounts: amounts('CNY', [0, 0, 0, 100_00, 0]) },
  ];

  it('gives one bar per organisation in the chosen currency, largest total first, ties by name', () => {
    // Given groups in CNY and USD; when charting CNY
    const rows = ageingChartRows(groups, 'CNY');
    // Then the USD group and the empty one are left out, and each bucket keeps its own amount
    expect(rows).toEqual([
      {
        organizationId: 'b',
        name: 'Beta SME',
        total: 1_250_00,
        CURRENT: 0,
        DAYS_1_30: 250_00,
        DAYS_31_60: 0,
        DAYS_61_90: 0,
        OVER_90: 1_000_00,
      },
      {
        organizationId: 'a',
        name: 'Alpha SME',
        total: 100_00,
        CURRENT: 100_00,
        DAYS_1_30: 0,
        DAYS_31_60: 0,
        DAYS_61_90: 0,
        OVER_90: 0,
      },
      {
        organizationId: 'd',
        name: 'Delta SME',
        total: 100_00,
        CURRENT: 0,
        DAYS_1_30: 0,
        DAYS_31_60: 0,
        DAYS_61_90: 100_00,
        OVER_90: 0,
      },
    ]);
  });

  it('lists the currencies that hold money, sorted', () => {
    expect(
      ageingCurrencies([
        amounts('USD', [1, 0, 0, 0, 0]),
        amounts('CNY', [0, 0, 0, 0, 5]),
        amounts('JPY', [0, 0, 0, 0, 0]),
      ]),
    ).toEqual(['CNY', 'USD']);
  });
});

describe('Content-Disposition file names', () => {
  it('reads the quoted name the server sends', () => {
    expect(filenameFromContentDisposition('attachment; filename="ageing-2026-11-30.csv"', 'x.csv')).toBe(
      'ageing-2026-11-30.csv',
    );
  });

  it('prefers the UTF-8 extended name and decodes it', () => {
    expect(
      filenameFromContentDisposition(
        `attachment; filename="statement.csv"; filename*=UTF-8''%E5%AF%B9%E8%B4%A6%20C-1.csv`,
        'x.csv',
      ),
    ).toBe('对账 C-1.csv');
  });

  it('reads a bare name and unescapes a quoted one', () => {
    expect(filenameFromContentDisposition('attachment; filename=payouts.csv', 'x.csv')).toBe('payouts.csv');
    expect(filenameFromContentDisposition('attachment; filename="a\\"b.csv"', 'x.csv')).toBe('a"b.csv');
  });

  it('drops folders and falls back when there is no usable name', () => {
    expect(filenameFromContentDisposition('attachment; filename="../../etc/passwd"', 'x.csv')).toBe('passwd');
    expect(filenameFromContentDisposition('attachment', 'ageing.csv')).toBe('ageing.csv');
    expect(filenameFromContentDisposition(null, 'ageing.csv')).toBe('ageing.csv');
    expect(filenameFromContentDisposition(`attachment; filename*=UTF-8''%E5%ZZ`, 'ageing.csv')).toBe(
      'ageing.csv',
    );
  });
});

describe('CSV report requests', () => {
  it('leaves empty parameters out of the address', () => {
    expect(csvReportUrl('ageing', { asOf: '2026-11-30', organizationId: null, by: 'licensee' })).toBe(
      '/reports/ageing.csv?asOf=2026-11-30&by=licensee',
    );
    expect(csvReportUrl('payouts', {})).toBe('/reports/payouts.csv');
  });

  it("turns the API's error body into its code and message, and anything else into the HTTP status", () => {
    const refused = csvErrorFromBody(403, {
      errors: [{ message: 'Platform revenue is for the platform.', extensions: { code: 'FORBIDDEN' } }],
    });
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', 'Platform revenue is for the platform.']);
    const broken = csvErrorFromBody(502, null);
    expect([broken.code, broken.message]).toEqual(['HTTP_502', '']);
  });
});

describe('report date defaults', () => {
  it('reads today in UTC and counts days and months back across year ends', () => {
    expect(todayIso(new Date('2026-01-01T23:30:00+08:00'))).toBe('2026-01-01');
    expect(daysBefore('2026-03-01', 30)).toBe('2026-01-30');
    expect(monthStartBefore('2026-01-15', 11)).toBe('2025-02-01');
    expect(monthStartBefore('2026-11-30', 0)).toBe('2026-11-01');
  });
});

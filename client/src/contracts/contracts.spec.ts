import { obligationCalendar, startedReportingPeriods, type CalendarObligation } from './obligation-calendar';
import { reportLinesToInput } from './report-lines';

const obligation = (
  id: string,
  dueDate: string,
  status: CalendarObligation['status'],
  amountMinor: number,
  kind = 'INSTALLMENT',
): CalendarObligation => ({ id, kind, amountMinor, currency: 'CNY', dueDate, status });

describe('obligationCalendar', () => {
  it('puts overdue items first and groups the rest by month, in date order, with what remains to pay', () => {
    const calendar = obligationCalendar([
      obligation('c', '2027-03-31', 'SCHEDULED', 250_000),
      obligation('a', '2026-12-31', 'OVERDUE', 100_000),
      obligation('d', '2027-03-01', 'DUE', 50_000, 'ROYALTY'),
      obligation('b', '2027-01-15', 'PAID', 100_000),
      obligation('e', '2027-03-15', 'WAIVED', 70_000),
      obligation('f', '2026-11-30', 'OVERDUE', 20_000, 'LATE_INTEREST'),
    ]);
    expect(calendar.overdue.map((o) => o.id)).toEqual(['f', 'a']);
    expect(calendar.overdueMinor).toEqual({ CNY: 120_000 });
    expect(calendar.months).toEqual([
      { month: '2027-01', obligations: [expect.objectContaining({ id: 'b' })], openMinor: {} },
      {
        month: '2027-03',
        obligations: [
          expect.objectContaining({ id: 'd' }),
          expect.objectContaining({ id: 'e' }),
          expect.objectContaining({ id: 'c' }),
        ],
        openMinor: { CNY: 300_000 },
      },
    ]);
  });

  it('is empty for a contract that owes nothing', () => {
    expect(obligationCalendar([])).toEqual({ overdue: [], overdueMinor: {}, months: [] });
  });
});

describe('startedReportingPeriods', () => {
  it('starts on the effective date, then on calendar quarters, up to today, latest first', () => {
    expect(startedReportingPeriods('2026-02-15', 'QUARTERLY', 60, '2026-07-01')).toEqual([
      '2026-07-01',
      '2026-04-01',
      '2026-02-15',
    ]);
  });

  it('stops at the end of the term and offers only the first period on the first day', () => {
    expect(startedReportingPeriods('2026-01-01', 'YEARLY', 24, '2030-01-01')).toEqual([
      '2027-01-01',
      '2026-01-01',
    ]);
    expect(startedReportingPeriods('2026-11-20', 'MONTHLY', 12, '2026-11-20')).toEqual(['2026-11-20']);
  });
});

describe('reportLinesToInput', () => {
  it('computes net sales per line and the report’s totals in minor units', () => {
    const result = reportLinesToInput(
      [
        { product: 'Cell A', territory: 'CN', gross: '120000.50', deductions: '20000.25' },
        { product: 'Cell A', territory: 'EU', gross: '1,000', deductions: '' },
      ],
      'CNY',
    );
    expect(result.issues).toEqual({});
    expect(result.lines).toEqual([
      {
        product: 'Cell A',
        territory: 'CN',
        grossSalesMinor: 12_000_050,
        deductionsMinor: 2_000_025,
        netSalesMinor: 10_000_025,
      },
      {
        product: 'Cell A',
        territory: 'EU',
        grossSalesMinor: 100_000,
        deductionsMinor: 0,
        netSalesMinor: 100_000,
      },
    ]);
    expect(result.totals).toEqual({
      grossMinor: 12_100_050,
      deductionsMinor: 2_000_025,
      netMinor: 10_100_025,
    });
  });

  it('makes a zero report of no lines', () => {
    expect(reportLinesToInput([], 'CNY')).toEqual({
      lines: [],
      totals: { grossMinor: 0, deductionsMinor: 0, netMinor: 0 },
      issues: {},
    });
  });

  it('names what cannot be sent by the API field it would fill', () => {
    const result = reportLinesToInput(
      [{ product: '', territory: 'CN', gross: '10', deductions: '20' }],
      'CNY',
    );
    expect(result.issues).toEqual({
      'lines[0].product': 'required',
      'lines[0].deductionsMinor': 'deductionsAboveGross',
    });
  });
});

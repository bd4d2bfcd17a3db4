import { periodOf, sumMinor } from './report-amounts';

describe('periodOf', () => {
  it.each([
    ['2026-12-31', 'MONTH', '2026-12', '2026-12-01', '2026-12-31'],
    ['2027-01-01', 'MONTH', '2027-01', '2027-01-01', '2027-01-31'],
    ['2028-02-15', 'MONTH', '2028-02', '2028-02-01', '2028-02-29'],
    ['2026-10-01', 'QUARTER', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-12-31', 'QUARTER', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2027-01-01', 'QUARTER', '2027-Q1', '2027-01-01', '2027-03-31'],
    ['2027-06-30', 'QUARTER', '2027-Q2', '2027-04-01', '2027-06-30'],
    ['2027-07-01', 'QUARTER', '2027-Q3', '2027-07-01', '2027-09-30'],
  ] as const)('%s by %s is %s, %s to %s', (date, period, key, start, end) => {
    expect(periodOf(date, period)).toEqual({ key, start, end });
  });

  it('refuses what is not a calendar date', () => {
    expect(() => periodOf('2026-02-30', 'MONTH')).toThrow(RangeError);
  });
});

describe('sumMinor', () => {
  it('adds exactly and refuses to leave the safe integer range', () => {
    expect(sumMinor(Number.MAX_SAFE_INTEGER - 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
    expect(() => sumMinor(Number.MAX_SAFE_INTEGER, 1)).toThrow(RangeError);
  });
});

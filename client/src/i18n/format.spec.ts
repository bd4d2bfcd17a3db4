import { formatIsoDate, formatList, formatMoneyCompact } from './format';

describe('formatIsoDate', () => {
  it('writes a calendar date the way each language does', () => {
    expect(formatIsoDate('2021-03-05', 'en')).toBe('March 5, 2021');
    expect(formatIsoDate('2021-03-05', 'zh-CN')).toBe('2021年3月5日');
  });

  it('keeps the day whatever the time zone, since the date has none', () => {
    expect(formatIsoDate('2024-01-01', 'en')).toBe('January 1, 2024');
    expect(formatIsoDate('2024-12-31', 'zh-CN')).toBe('2024年12月31日');
  });

  it('shows a value that is not a date as it came', () => {
    expect(formatIsoDate('2021-3-5', 'en')).toBe('2021-3-5');
  });
});

describe('formatList', () => {
  it('separates items with the comma of each language', () => {
    expect(formatList(['H01M 10/0525', 'H01M 4/62'], 'en')).toBe('H01M 10/0525, H01M 4/62');
    expect(formatList(['储能', '新材料'], 'zh-CN')).toBe('储能、新材料');
  });
});

describe('formatMoneyCompact', () => {
  it('shortens an axis amount in each language’s own units, from minor units', () => {
    expect(formatMoneyCompact(60_000_000, 'CNY', 'zh-CN')).toBe('¥60万');
    expect(formatMoneyCompact(15_000_000, 'CNY', 'en')).toBe('¥150K');
    expect(formatMoneyCompact(123_456_789, 'CNY', 'en')).toBe('¥1.2M');
    expect(formatMoneyCompact(0, 'CNY', 'en')).toBe('¥0');
  });
});

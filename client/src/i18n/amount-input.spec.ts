import { bpsToPercentInput, minorToAmountInput, parseAmountToMinor, parsePercentToBps } from './amount-input';
import { currencyExponent, formatMoney } from './format';

describe('parseAmountToMinor', () => {
  it('reads major units in the currency’s own exponent', () => {
    expect(parseAmountToMinor('1,234.56', 'CNY')).toBe(123456);
    expect(parseAmountToMinor('0.29', 'CNY')).toBe(29);
    expect(parseAmountToMinor('1234.5', 'USD')).toBe(123450);
    expect(parseAmountToMinor('5000', 'JPY')).toBe(5000);
    expect(parseAmountToMinor('1.234', 'KWD')).toBe(1234);
    expect(parseAmountToMinor('１２３４．５', 'CNY')).toBe(123450);
  });

  it('refuses more decimals than the currency has, and what is not an amount', () => {
    expect(parseAmountToMinor('1.234', 'CNY')).toBeNull();
    expect(parseAmountToMinor('1.5', 'JPY')).toBeNull();
    for (const raw of ['', '-5', 'abc', '1.2.3', '1e5']) expect(parseAmountToMinor(raw, 'CNY')).toBeNull();
  });
});

describe('minorToAmountInput', () => {
  it('writes minor units back as major units without trailing zeros', () => {
    expect(minorToAmountInput(123456, 'CNY')).toBe('1234.56');
    expect(minorToAmountInput(123450, 'CNY')).toBe('1234.5');
    expect(minorToAmountInput(500000, 'CNY')).toBe('5000');
    expect(minorToAmountInput(7, 'CNY')).toBe('0.07');
    expect(minorToAmountInput(5000, 'JPY')).toBe('5000');
  });
});

describe('percentages', () => {
  it('reads a percentage as basis points and writes it back', () => {
    expect(parsePercentToBps('5')).toBe(500);
    expect(parsePercentToBps('2.75')).toBe(275);
    expect(parsePercentToBps('2.755')).toBeNull();
    expect(bpsToPercentInput(275)).toBe('2.75');
    expect(bpsToPercentInput(2000)).toBe('20');
    expect(bpsToPercentInput(5)).toBe('0.05');
  });
});

describe('formatMoney', () => {
  it('writes CNY as ¥ in both languages, with each currency’s decimals', () => {
    expect(formatMoney(123456, 'CNY', 'en')).toBe('¥1,234.56');
    expect(formatMoney(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatMoney(5000, 'JPY', 'en')).toBe('¥5,000');
    expect(formatMoney(123456, 'USD', 'en')).toBe('$1,234.56');
    expect(currencyExponent('KWD')).toBe(3);
  });
});

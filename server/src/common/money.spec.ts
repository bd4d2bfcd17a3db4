import fc from 'fast-check';

import {
  addMoney,
  allocate,
  applyBasisPoints,
  CURRENCY_CODES,
  type CurrencyCode,
  currencyExponent,
  divideRounded,
  isCurrencyCode,
  majorToMinor,
  minorToMajor,
  money,
  MoneyError,
  splitEvenly,
  subtractMoney,
} from './money';

const MAX = Number.MAX_SAFE_INTEGER; // 9 007 199 254 740 991

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof MoneyError ? error.code : `not a MoneyError: ${String(error)}`;
  }
  return undefined;
}

describe('currencies', () => {
  it('uses the ISO 4217 exponent of each currency', () => {
    expect(currencyExponent('CNY')).toBe(2); // 1 yuan = 100 fen
    expect(currencyExponent('USD')).toBe(2);
    expect(currencyExponent('EUR')).toBe(2);
    expect(currencyExponent('GBP')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0); // the yen has no minor unit
    expect(currencyExponent('KRW')).toBe(0);
    expect(currencyExponent('KWD')).toBe(3); // 1 dinar = 1000 fils
    expect(currencyExponent('BHD')).toBe(3);
  });

  it('recognises only listed, upper-case codes', () => {
    expect(isCurrencyCode('USD')).toBe(true);
    expect(isCurrencyCode('usd')).toBe(false);
    expect(isCurrencyCode('XXX')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false); // not fooled by Object.prototype
    expect(isCurrencyCode(840)).toBe(false);
    expect(errorCodeOf(() => currencyExponent('XXX' as CurrencyCode))).toBe('MONEY_UNKNOWN_CURRENCY');
  });
});

describe('money', () => {
  it('builds a value from a safe integer', () => {
    expect(money(1234, 'USD')).toEqual({ amountMinor: 1234, currency: 'USD' });
    expect(money(-5, 'KWD')).toEqual({ amountMinor: -5, currency: 'KWD' });
    expect(money(MAX, 'JPY').amountMinor).toBe(MAX);
  });

  it('refuses fractions, NaN, infinities and integers beyond 2^53 − 1', () => {
    expect(errorCodeOf(() => money(12.5, 'USD'))).toBe('MONEY_NOT_SAFE_INTEGER');
    expect(errorCodeOf(() => money(Number.NaN, 'USD'))).toBe('MONEY_NOT_SAFE_INTEGER');
    expect(errorCodeOf(() => money(Number.POSITIVE_INFINITY, 'USD'))).toBe('MONEY_NOT_SAFE_INTEGER');
    expect(errorCodeOf(() => money(MAX + 1, 'USD'))).toBe('MONEY_NOT_SAFE_INTEGER');
    expect(errorCodeOf(() => money(100, 'ABC' as CurrencyCode))).toBe('MONEY_UNKNOWN_CURRENCY');
  });

  it('adds and subtracts within one currency', () => {
    expect(addMoney(money(1050, 'USD'), money(250, 'USD'))).toEqual(money(1300, 'USD')); // 10.50 + 2.50 = 13.00
    expect(subtractMoney(money(1050, 'USD'), money(1250, 'USD'))).toEqual(money(-200, 'USD')); // 10.50 − 12.50 = −2.00
  });

  it('refuses to mix currencies or to leave the safe range', () => {
    expect(errorCodeOf(() => addMoney(money(100, 'USD'), money(100, 'EUR')))).toBe('MONEY_CURRENCY_MISMATCH');
    expect(errorCodeOf(() => subtractMoney(money(100, 'JPY'), money(1, 'CNY')))).toBe(
      'MONEY_CURRENCY_MISMATCH',
    );
    expect(errorCodeOf(() => addMoney(money(MAX, 'USD'), money(1, 'USD')))).toBe('MONEY_NOT_SAFE_INTEGER');
  });
});

describe('allocate (largest remainder)', () => {
  it('splits exactly when the weights divide the total', () => {
    // 1000 × 50/100 = 500, × 30/100 = 300, × 20/100 = 200
    expect(allocate(1000, [50, 30, 20], 'FIRST')).toEqual([500, 300, 200]);
  });

  it('puts the left-over unit on the first or the last part when the remainders tie', () => {
    // 100 / 3 = 33 r 1 each; floors 33 + 33 + 33 = 99; one unit left, all three remainders equal
    expect(allocate(100, [1, 1, 1], 'FIRST')).toEqual([34, 33, 33]);
    expect(allocate(100, [1, 1, 1], 'LAST')).toEqual([33, 33, 34]);
  });

  it('gives left-over units to the largest remainders first, whatever the placement', () => {
    // Σw = 7: 10×3/7 = 4 r 2, 10×3/7 = 4 r 2, 10×1/7 = 1 r 3; floors 4 + 4 + 1 = 9; one unit to r 3
    expect(allocate(10, [3, 3, 1], 'FIRST')).toEqual([4, 4, 2]);
    expect(allocate(10, [3, 3, 1], 'LAST')).toEqual([4, 4, 2]);
  });

  it('breaks ties between unequal weights by placement', () => {
    // Σw = 4: 6×2/4 = 3 r 0, 6×1/4 = 1 r 2, 6×1/4 = 1 r 2; floors 5; one unit, tie between parts 2 and 3
    expect(allocate(6, [2, 1, 1], 'FIRST')).toEqual([3, 2, 1]);
    expect(allocate(6, [2, 1, 1], 'LAST')).toEqual([3, 1, 2]);
  });

  it('gives nothing to a zero weight', () => {
    // 5 × 1/2 = 2 r 1 twice; floors 4; one unit to the first (FIRST) or last (LAST) non-zero part
    expect(allocate(5, [0, 1, 1], 'FIRST')).toEqual([0, 3, 2]);
    expect(allocate(5, [0, 1, 1], 'LAST')).toEqual([0, 2, 3]);
  });

  it('splits a negative total as its magnitude, negated', () => {
    expect(allocate(-100, [1, 1, 1], 'FIRST')).toEqual([-34, -33, -33]);
    expect(allocate(0, [1, 2], 'FIRST')).toEqual([0, 0]);
  });

  it('stays exact where total × weight is far beyond 2^53', () => {
    // T = 2^53 − 1, weights [T, 1], Σw = T + 1.
    // T×T / (T+1) = T − 1 r 1 (since T ≡ −1 mod T+1, T² ≡ 1); T×1 / (T+1) = 0 r T; one unit left, to r T.
    expect(allocate(MAX, [MAX, 1], 'FIRST')).toEqual([MAX - 1, 1]);
  });

  it('refuses weights that cannot split anything', () => {
    expect(errorCodeOf(() => allocate(100, [], 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
    expect(errorCodeOf(() => allocate(100, [0, 0], 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
    expect(errorCodeOf(() => allocate(100, [-1, 2], 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
    expect(errorCodeOf(() => allocate(100, [1.5, 1], 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
    expect(errorCodeOf(() => allocate(10.5, [1, 1], 'FIRST'))).toBe('MONEY_NOT_SAFE_INTEGER');
  });

  describe('properties', () => {
    const total = fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 });
    const weights = fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 })
      .filter((ws) => ws.some((w) => w > 0));
    const placement = fc.constantFrom('FIRST' as const, 'LAST' as const);

    it('parts always add up to the total', () => {
      fc.assert(
        fc.property(total, weights, placement, (t, ws, p) => {
          expect(allocate(t, ws, p).reduce((sum, part) => sum + part, 0)).toBe(t);
        }),
      );
    });

    it('each part is its exact share rounded down or up, and a zero weight gets 0', () => {
      fc.assert(
        fc.property(total, weights, placement, (t, ws, p) => {
          const weightSum = ws.reduce((sum, w) => sum + BigInt(w), 0n);
          allocate(t, ws, p).forEach((part, i) => {
            // |part| × Σw must lie within one Σw of |t| × w, i.e. floor(share) ≤ |part| ≤ ceil(share)
            const scaledPart = BigInt(Math.abs(part)) * weightSum;
            const scaledShare = BigInt(Math.abs(t)) * BigInt(ws[i]);
            expect(scaledPart > scaledShare - weightSum && scaledPart < scaledShare + weightSum).toBe(true);
            if (ws[i] === 0) expect(part).toBe(0);
          });
        }),
      );
    });

    it('LAST is FIRST read backwards', () => {
      fc.assert(
        fc.property(total, weights, (t, ws) => {
          expect(allocate(t, ws, 'LAST')).toEqual(allocate(t, [...ws].reverse(), 'FIRST').reverse());
        }),
      );
    });
  });
});

describe('splitEvenly', () => {
  it('puts the odd units on the first or last parts', () => {
    // 1000 / 3 = 333 r 1
    expect(splitEvenly(1000, 3, 'FIRST')).toEqual([334, 333, 333]);
    expect(splitEvenly(1000, 3, 'LAST')).toEqual([333, 333, 334]);
  });

  it('splits JPY 100 000 over 7 installments', () => {
    // 100 000 / 7 = 14 285 r 5: five parts of 14 286 and two of 14 285; 5×14 286 + 2×14 285 = 71 430 + 28 570
    expect(splitEvenly(100_000, 7, 'FIRST')).toEqual([
      14_286, 14_286, 14_286, 14_286, 14_286, 14_285, 14_285,
    ]);
    expect(splitEvenly(100_000, 7, 'LAST')).toEqual([14_285, 14_285, 14_286, 14_286, 14_286, 14_286, 14_286]);
  });

  it('refuses fewer than one part', () => {
    expect(errorCodeOf(() => splitEvenly(100, 0, 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
    expect(errorCodeOf(() => splitEvenly(100, 2.5, 'FIRST'))).toBe('MONEY_INVALID_ALLOCATION');
  });

  it('never lets parts differ by more than one unit, and keeps the total (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX }),
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom('FIRST' as const, 'LAST' as const),
        (t, n, p) => {
          const parts = splitEvenly(t, n, p);
          expect(parts).toHaveLength(n);
          expect(parts.reduce((sum, part) => sum + BigInt(part), 0n)).toBe(BigInt(t));
          expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
          const sorted = [...parts].sort((a, b) => (p === 'FIRST' ? b - a : a - b));
          expect(parts).toEqual(sorted); // FIRST: larger parts first; LAST: larger parts last
        },
      ),
    );
  });
});

describe('applyBasisPoints', () => {
  it('rounds a fraction above half the same way in every mode but DOWN', () => {
    // 12 345 × 250 / 10 000 = 308.625
    expect(applyBasisPoints(12_345, 250, 'HALF_UP')).toBe(309);
    expect(applyBasisPoints(12_345, 250, 'HALF_EVEN')).toBe(309);
    expect(applyBasisPoints(12_345, 250, 'DOWN')).toBe(308);
  });

  it('settles exact halves by mode', () => {
    // 1 × 5000 / 10 000 = 0.5; 3 × 5000 / 10 000 = 1.5; 5 × 5000 / 10 000 = 2.5
    expect([1, 3, 5].map((a) => applyBasisPoints(a, 5000, 'HALF_UP'))).toEqual([1, 2, 3]);
    expect([1, 3, 5].map((a) => applyBasisPoints(a, 5000, 'HALF_EVEN'))).toEqual([0, 2, 2]);
    expect([1, 3, 5].map((a) => applyBasisPoints(a, 5000, 'DOWN'))).toEqual([0, 1, 2]);
  });

  it('rounds negative amounts symmetrically (HALF_UP is half away from zero, DOWN toward zero)', () => {
    // −5 × 5000 / 10 000 = −2.5; −12 345 × 250 / 10 000 = −308.625
    expect(applyBasisPoints(-5, 5000, 'HALF_UP')).toBe(-3);
    expect(applyBasisPoints(-5, 5000, 'HALF_EVEN')).toBe(-2);
    expect(applyBasisPoints(-5, 5000, 'DOWN')).toBe(-2);
    expect(applyBasisPoints(-12_345, 250, 'HALF_UP')).toBe(-309);
    expect(applyBasisPoints(-12_345, 250, 'DOWN')).toBe(-308);
  });

  it('stays exact where a float product would not', () => {
    // (2^53 − 1) × 10 000 is not representable as a double; the result must still be 2^53 − 1 exactly
    expect(applyBasisPoints(MAX, 10_000, 'HALF_UP')).toBe(MAX);
    // 9 007 199 254 740 991 × 2 / 10 000 = 1 801 439 850 948.1982
    expect(applyBasisPoints(MAX, 2, 'HALF_UP')).toBe(1_801_439_850_948);
    // 100 × 1 / 10 000 = 0.01
    expect(applyBasisPoints(100, 1, 'HALF_UP')).toBe(0);
  });

  it('refuses a result beyond the safe range', () => {
    expect(errorCodeOf(() => applyBasisPoints(MAX, 20_000, 'DOWN'))).toBe('MONEY_NOT_SAFE_INTEGER');
    expect(errorCodeOf(() => applyBasisPoints(100, 12.5, 'DOWN'))).toBe('MONEY_NOT_SAFE_INTEGER');
  });
});

describe('divideRounded', () => {
  it('rounds by mode with either sign', () => {
    // 7/2 = 3.5, 5/2 = 2.5, −7/2 = −3.5, 7/−2 = −3.5, 8/3 = 2.67, 7/3 = 2.33
    expect(divideRounded(7n, 2n, 'HALF_UP')).toBe(4n);
    expect(divideRounded(7n, 2n, 'HALF_EVEN')).toBe(4n);
    expect(divideRounded(5n, 2n, 'HALF_EVEN')).toBe(2n);
    expect(divideRounded(-7n, 2n, 'HALF_UP')).toBe(-4n);
    expect(divideRounded(7n, -2n, 'HALF_UP')).toBe(-4n);
    expect(divideRounded(-7n, 2n, 'DOWN')).toBe(-3n);
    expect(divideRounded(8n, 3n, 'HALF_EVEN')).toBe(3n);
    expect(divideRounded(7n, 3n, 'HALF_UP')).toBe(2n);
    expect(() => divideRounded(1n, 0n, 'DOWN')).toThrow(RangeError);
  });
});

describe('majorToMinor', () => {
  it('parses decimal strings exactly in the currency exponent', () => {
    expect(majorToMinor('12.34', 'USD')).toBe(1234);
    expect(majorToMinor('12.3', 'USD')).toBe(1230);
    expect(majorToMinor('12', 'CNY')).toBe(1200);
    expect(majorToMinor('0.07', 'EUR')).toBe(7); // 0.07 is 0.07000000000000000666 as a double; no float here
    expect(majorToMinor('-0.05', 'USD')).toBe(-5);
    expect(majorToMinor('1000', 'JPY')).toBe(1000);
    expect(majorToMinor('1.234', 'KWD')).toBe(1234);
    expect(majorToMinor('0.001', 'KWD')).toBe(1);
    expect(majorToMinor('007.50', 'GBP')).toBe(750);
  });

  it('accepts trailing zeros beyond the exponent and returns +0 for -0', () => {
    expect(majorToMinor('12.340', 'USD')).toBe(1234);
    expect(majorToMinor('1000.00', 'JPY')).toBe(1000);
    expect(majorToMinor('-0', 'USD')).toBe(0); // toBe uses Object.is, so this also rules out -0
  });

  it('refuses more significant decimals than the currency has', () => {
    expect(errorCodeOf(() => majorToMinor('12.345', 'USD'))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(errorCodeOf(() => majorToMinor('1000.5', 'JPY'))).toBe('MONEY_TOO_MANY_DECIMALS');
    expect(errorCodeOf(() => majorToMinor('1.2345', 'KWD'))).toBe('MONEY_TOO_MANY_DECIMALS');
  });

  it('refuses anything that is not a plain decimal', () => {
    for (const text of ['', '1,000.00', '1e3', '+1', ' 1', '1 ', '.5', '5.', '-', '12.3.4', '0x10', 'NaN']) {
      expect(errorCodeOf(() => majorToMinor(text, 'USD'))).toBe('MONEY_INVALID_DECIMAL');
    }
  });

  it('refuses amounts beyond the safe range', () => {
    expect(majorToMinor('90071992547409.91', 'USD')).toBe(MAX);
    expect(errorCodeOf(() => majorToMinor('90071992547409.92', 'USD'))).toBe('MONEY_NOT_SAFE_INTEGER');
  });
});

describe('minorToMajor', () => {
  it('writes minor units as a decimal string', () => {
    expect(minorToMajor(1234, 'USD')).toBe('12.34');
    expect(minorToMajor(-5, 'USD')).toBe('-0.05');
    expect(minorToMajor(0, 'CNY')).toBe('0.00');
    expect(minorToMajor(1000, 'JPY')).toBe('1000');
    expect(minorToMajor(1, 'KWD')).toBe('0.001');
    expect(minorToMajor(1_234_567, 'KWD')).toBe('1234.567');
  });

  it('round-trips with majorToMinor (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -MAX, max: MAX }),
        fc.constantFrom(...CURRENCY_CODES),
        (amount, currency) => {
          expect(majorToMinor(minorToMajor(amount, currency), currency)).toBe(amount);
        },
      ),
    );
  });
});

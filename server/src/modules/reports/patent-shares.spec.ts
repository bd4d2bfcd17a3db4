import { splitOverPatents } from './patent-shares';

describe('splitOverPatents', () => {
  it('splits 1,000 fen over three patents as 334 + 333 + 333, the odd fen to the first patent listed', () => {
    expect(splitOverPatents(1_000, ['p1', 'p2', 'p3'])).toEqual([
      { patentId: 'p1', amountMinor: 334 },
      { patentId: 'p2', amountMinor: 333 },
      { patentId: 'p3', amountMinor: 333 },
    ]);
  });

  it('gives the two odd fen of 1,000.01 yuan (100,001 fen) to the first two patents, and a refund the same way', () => {
    expect(splitOverPatents(100_001, ['p1', 'p2', 'p3']).map((s) => s.amountMinor)).toEqual([
      33_334, 33_334, 33_333,
    ]);
    expect(splitOverPatents(-100_001, ['p1', 'p2', 'p3']).map((s) => s.amountMinor)).toEqual([
      -33_334, -33_334, -33_333,
    ]);
  });

  it('follows the order the contract lists its patents in, not their ids', () => {
    expect(splitOverPatents(5, ['p9', 'p1'])).toEqual([
      { patentId: 'p9', amountMinor: 3 },
      { patentId: 'p1', amountMinor: 2 },
    ]);
  });

  it('gives a patent 0 when an amount has fewer minor units than the contract has patents', () => {
    expect(splitOverPatents(1, ['p1', 'p2', 'p3']).map((s) => s.amountMinor)).toEqual([1, 0, 0]);
  });

  it('keeps the whole amount under no patent for a contract that lists none', () => {
    expect(splitOverPatents(70_000, [])).toEqual([{ patentId: null, amountMinor: 70_000 }]);
  });

  it('always adds up to the amount', () => {
    for (const amount of [0, 1, 2, 999, 1_000, 100_001, 9_007_199_254_740_991])
      for (const count of [1, 2, 3, 7])
        expect(
          splitOverPatents(
            amount,
            Array.from({ length: count }, (_, i) => `p${i}`),
          ).reduce((sum, s) => sum + BigInt(s.amountMinor), 0n),
        ).toBe(BigInt(amount));
  });
});

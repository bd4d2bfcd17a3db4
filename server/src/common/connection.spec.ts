import fc from 'fast-check';
import { AppError } from './errors';
import {
  decodeKeyCursor,
  encodeKeyCursor,
  pageAfterKey,
  pageSize,
  type CursorKey,
  type Page,
} from './connection';

const SHAPE = ['number', 'string'] as const;
type Item = { at: number; id: string };
const keyOf = (item: Item): CursorKey => [item.at, item.id];
// Newest first, then the greater id first.
const compare = (a: CursorKey, b: CursorKey) =>
  Number(b[0]) - Number(a[0]) || (a[1] === b[1] ? 0 : String(a[1]) > String(b[1]) ? -1 : 1);

function badInputOf(run: () => unknown): { code: string; field?: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { code: error.code, field: error.field };
  }
}

const ids = (page: Page<Item>) => page.edges.map((e) => e.node.id);

describe('pageSize', () => {
  it('is 20 when not asked for, and takes 1 to 100', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(pageSize(null)).toBe(20);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(100)).toBe(100);
  });

  it('refuses 0, 101, a negative and a fraction, naming `first`', () => {
    for (const first of [0, 101, -1, 2.5])
      expect(badInputOf(() => pageSize(first))).toEqual({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('key cursors', () => {
  it('give back the key they were made from, under the same scope', () => {
    const cursor = encodeKeyCursor([1_780_304_400_000, 'evt_1'], 'stripe-events:FAILED');
    expect(decodeKeyCursor(cursor, 'stripe-events:FAILED', SHAPE)).toEqual([1_780_304_400_000, 'evt_1']);
    expect(decodeKeyCursor(null, 'stripe-events:FAILED', SHAPE)).toBeNull();
    expect(decodeKeyCursor('', 'stripe-events:FAILED', SHAPE)).toBeNull();
  });

  it('refuse a cursor from another scope, of another shape, or not a cursor at all, naming `after`', () => {
    const refused = [
      encodeKeyCursor([1, 'evt_1'], 'stripe-events:ALL'),
      encodeKeyCursor(['1', 'evt_1'], 'stripe-events:FAILED'),
      encodeKeyCursor([1], 'stripe-events:FAILED'),
      Buffer.from(JSON.stringify({ o: 3, s: 'stripe-events:FAILED' })).toString('base64url'),
      'not a cursor',
    ];
    for (const cursor of refused)
      expect(badInputOf(() => decodeKeyCursor(cursor, 'stripe-events:FAILED', SHAPE))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'after',
      });
  });
});

describe('pageAfterKey', () => {
  // Given five items, newest first; c and b arrived in the same millisecond
  const items: Item[] = [
    { at: 300, id: 'e' },
    { at: 200, id: 'd' },
    { at: 100, id: 'c' },
    { at: 100, id: 'b' },
    { at: 50, id: 'a' },
  ];
  const page = (first: number, after: CursorKey | null, list = items) =>
    pageAfterKey(list, { first, after }, 'scope', keyOf, compare);

  it('pages through in order, each page right after the last item of the one before', () => {
    const one = page(2, null);
    expect(ids(one)).toEqual(['e', 'd']);
    expect(one.totalCount).toBe(5);
    expect(one.pageInfo).toEqual({ hasNextPage: true, endCursor: one.edges[1].cursor });
    const twoCursor = decodeKeyCursor(one.pageInfo.endCursor, 'scope', SHAPE);
    const two = page(2, twoCursor);
    expect(ids(two)).toEqual(['c', 'b']);
    const three = page(2, decodeKeyCursor(two.pageInfo.endCursor, 'scope', SHAPE));
    expect(ids(three)).toEqual(['a']);
    expect(three.pageInfo.hasNextPage).toBe(false);
  });

  it('goes on after the last item seen when newer items arrive or the item itself has left the list', () => {
    // When f arrives at the head and d (the last one seen) leaves the list
    const changed = [{ at: 400, id: 'f' }, ...items.filter((i) => i.id !== 'd')];
    // Then the next page still starts at c: nothing is shown twice or skipped
    expect(ids(page(2, [200, 'd'], changed))).toEqual(['c', 'b']);
  });

  it('is empty with no end cursor after the last item, and on an empty list', () => {
    expect(page(2, [50, 'a'])).toEqual({
      totalCount: 5,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
    expect(page(20, null, [])).toEqual({
      totalCount: 0,
      edges: [],
      pageInfo: { hasNextPage: false, endCursor: null },
    });
  });

  it('shows every item exactly once, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ at: fc.integer({ min: 0, max: 20 }), id: fc.string() }), {
          selector: (i) => `${i.at}:${i.id}`,
        }),
        fc.integer({ min: 1, max: 7 }),
        (unsorted, first) => {
          const sorted = [...unsorted].sort((a, b) => compare(keyOf(a), keyOf(b)));
          const seen: Item[] = [];
          let after: CursorKey | null = null;
          for (;;) {
            const next = pageAfterKey(sorted, { first, after }, 's', keyOf, compare);
            seen.push(...next.edges.map((e) => e.node));
            if (!next.pageInfo.hasNextPage) break;
            after = decodeKeyCursor(next.pageInfo.endCursor, 's', SHAPE);
          }
          expect(seen).toEqual(sorted);
        },
      ),
    );
  });
});

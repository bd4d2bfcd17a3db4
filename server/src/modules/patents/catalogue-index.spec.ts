import {
  BLOCK_CAPACITY,
  CatalogueSnapshot,
  TermDictionary,
  applyChanges,
  decodeBlock,
  encodeBlock,
  hasTerm,
  rowOf,
  type CatalogueBlock,
  type CatalogueRow,
} from './catalogue-index';

const hex = (n: number) => n.toString(16).padStart(24, '0');
const oid = (n: number) => ({ toHexString: () => hex(n) });

function source(n: number, terms: string[], filingDate = '2020-01-01') {
  return {
    _id: oid(n),
    institutionId: oid(1000),
    filingDate,
    trl: 5,
    jurisdiction: 'CN',
    legalStatus: 'GRANTED',
    technicalFields: ['ENERGY_STORAGE'],
    terms,
    boostTerms: terms.slice(0, 1),
  };
}

function termsOf(row: CatalogueRow, dictionary: TermDictionary): string[] {
  return Array.from(row.terms, (id) => dictionary.termOf(id)).sort();
}

describe('the catalogue index', () => {
  it('keeps terms as sorted ids and finds them by binary search', () => {
    const dictionary = new TermDictionary();
    dictionary.idOf('zeta');
    const row = rowOf(source(1, ['lithium', 'battery', 'lithium', '电池']), dictionary);
    expect([...row.terms]).toEqual([...row.terms].sort((a, b) => a - b));
    expect(row.terms).toHaveLength(3);
    for (const term of ['lithium', 'battery', '电池'])
      expect(hasTerm(row.terms, dictionary.find(term)!)).toBe(true);
    expect(hasTerm(row.terms, dictionary.find('zeta')!)).toBe(false);
    expect(dictionary.find('sodium')).toBeUndefined();
  });

  it('stores a block with its own dictionary, so another process decodes it with different ids', () => {
    const writer = new TermDictionary();
    const rows = [source(1, ['battery', 'anode']), source(2, ['anode', '锂电'])].map((s) => rowOf(s, writer));
    const data = encodeBlock(rows, writer);
    const reader = new TermDictionary();
    reader.idOf('unrelated');
    reader.idOf('anode');
    const decoded = decodeBlock(data, reader);
    expect(decoded.map((r) => termsOf(r, reader))).toEqual(rows.map((r) => termsOf(r, writer)));
    expect(decoded.map((r) => r.patentId)).toEqual([hex(1), hex(2)]);
    expect(decoded[0].boostTerms).toHaveLength(1);
    expect(reader.termOf(decoded[0].boostTerms[0])).toBe('battery');
    expect(() => decodeBlock('{"v":2,"terms":[],"rows":[]}', reader)).toThrow(/version 2/);
  });

  describe('applying changes', () => {
    const dictionary = new TermDictionary();
    let nextId = 0;
    const newId = () => `block-${++nextId}`;
    const row = (n: number) => rowOf(source(n, [`t${n}`]), dictionary);
    const block = (id: string, ns: number[]): CatalogueBlock => ({ id, rows: ns.map(row) });
    const ids = (blocks: CatalogueBlock[]) =>
      blocks.map((b) => [b.id, b.rows.map((r) => Number.parseInt(r.patentId, 16))]);

    it('rewrites only the block holding a changed or removed patent, in place', () => {
      const before = [block('a', [1, 2]), block('b', [3, 4]), block('c', [5])];
      const edited = { ...row(3), filingDate: '2024-05-01' };
      const { blocks, changedBlocks } = applyChanges(
        before,
        [
          { patentId: hex(3), row: edited },
          { patentId: hex(4), row: null },
        ],
        newId,
      );
      expect(ids(blocks)).toEqual([
        ['a', [1, 2]],
        ['block-1', [3]],
        ['c', [5]],
      ]);
      expect(blocks[1].rows[0].filingDate).toBe('2024-05-01');
      expect(changedBlocks.map((b) => b.id)).toEqual(['block-1']);
      expect(before[1].rows).toHaveLength(2); // the previous generation is untouched
    });

    it('drops a block left empty, and the last change of a patent wins', () => {
      const { blocks } = applyChanges(
        [block('a', [1]), block('b', [2])],
        [
          { patentId: hex(1), row: row(1) },
          { patentId: hex(1), row: null },
        ],
        newId,
      );
      expect(ids(blocks)).toEqual([['b', [2]]]);
    });

    it('appends a new patent to a copy of the last block while it has room, then opens a new block', () => {
      const full = Array.from({ length: BLOCK_CAPACITY - 1 }, (_, i) => i + 10);
      const start = [block('a', [1]), block('b', full)];
      const { blocks, changedBlocks } = applyChanges(
        start,
        [8001, 8002, 8003].map((n) => ({ patentId: hex(n), row: row(n) })),
        () => `new-${++nextId}`,
      );
      expect(blocks.map((b) => b.rows.length)).toEqual([1, BLOCK_CAPACITY, 2]);
      expect(blocks[0].id).toBe('a');
      expect(changedBlocks).toHaveLength(2);
      expect(start[1].rows).toHaveLength(BLOCK_CAPACITY - 1);
    });
  });

  it('lists newest filings first, ties by id, and sorts only once per generation', () => {
    const dictionary = new TermDictionary();
    const rows = [
      rowOf(source(3, ['a'], '2019-03-01'), dictionary),
      rowOf(source(2, ['a'], '2021-07-15'), dictionary),
      rowOf(source(1, ['a'], '2019-03-01'), dictionary),
    ];
    const snapshot = new CatalogueSnapshot('token', 1, [{ id: 'x', rows }], dictionary);
    expect(snapshot.newestFirst().map((r) => Number.parseInt(r.patentId, 16))).toEqual([2, 1, 3]);
    expect(snapshot.newestFirst()).toBe(snapshot.newestFirst());
  });
});

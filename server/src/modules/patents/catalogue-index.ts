/**
 * The catalogue's search index, held in memory: one compact row per published patent with what search filters,
 * counts and sorts by, and its terms as sorted ids into one dictionary. Rows live in blocks of up to
 * BLOCK_CAPACITY; a block is stored as one string (see catalogue-index.service), so that loading 100,000 rows
 * reads about a hundred documents instead of 100,000, and publishing one patent rewrites one block.
 *
 * This file is pure: building rows, encoding blocks, and matching a query against a snapshot.
 */

export const BLOCK_CAPACITY = 1000;

/** What the index keeps of a published patent: the public copy's search fields. */
export type CatalogueSource = {
  _id: { toHexString(): string };
  institutionId: { toHexString(): string };
  filingDate: string;
  trl: number;
  jurisdiction: string;
  legalStatus: string;
  technicalFields: string[];
  terms: string[];
  boostTerms: string[];
};

export type CatalogueRow = {
  patentId: string;
  institutionId: string;
  filingDate: string;
  trl: number;
  jurisdiction: string;
  legalStatus: string;
  technicalFields: string[];
  /** Term ids in the process's dictionary, ascending, so that membership is a binary search. */
  terms: Uint32Array;
  boostTerms: Uint32Array;
};

export type CatalogueBlock = { id: string; rows: CatalogueRow[] };

/**
 * Term ↔ id, for this process only: ids never reach the database (a stored block carries its own small
 * dictionary), so two processes may number terms differently. It only grows, which is bounded by the vocabulary.
 */
export class TermDictionary {
  private readonly ids = new Map<string, number>();
  private readonly terms: string[] = [];

  idOf(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) {
      id = this.terms.length;
      this.ids.set(term, id);
      this.terms.push(term);
    }
    return id;
  }

  /** The id of a term some patent has, or undefined: a query term nobody has matches nothing. */
  find(term: string): number | undefined {
    return this.ids.get(term);
  }

  termOf(id: number): string {
    return this.terms[id];
  }

  sortedIds(terms: string[]): Uint32Array {
    return Uint32Array.from(new Set(terms.map((t) => this.idOf(t)))).sort();
  }
}

export function rowOf(source: CatalogueSource, dictionary: TermDictionary): CatalogueRow {
  return {
    patentId: source._id.toHexString(),
    institutionId: source.institutionId.toHexString(),
    filingDate: source.filingDate,
    trl: source.trl,
    jurisdiction: source.jurisdiction,
    legalStatus: source.legalStatus,
    technicalFields: [...source.technicalFields],
    terms: dictionary.sortedIds(source.terms),
    boostTerms: dictionary.sortedIds(source.boostTerms),
  };
}

export function hasTerm(terms: Uint32Array, id: number): boolean {
  let low = 0;
  let high = terms.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = terms[mid];
    if (value === id) return true;
    if (value < id) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

// A stored block: its own dictionary, then one tuple per row with term positions in that dictionary.
type StoredRow = [string, string, string, number, string, string, string[], number[], number[]];
type StoredBlock = { v: 1; terms: string[]; rows: StoredRow[] };

export function encodeBlock(rows: CatalogueRow[], dictionary: TermDictionary): string {
  const local = new Map<number, number>();
  const terms: string[] = [];
  const localIds = (ids: Uint32Array) =>
    Array.from(ids, (id) => {
      let position = local.get(id);
      if (position === undefined) {
        position = terms.length;
        local.set(id, position);
        terms.push(dictionary.termOf(id));
      }
      return position;
    });
  const stored: StoredBlock = {
    v: 1,
    terms,
    rows: rows.map((r) => [
      r.patentId,
      r.institutionId,
      r.filingDate,
      r.trl,
      r.jurisdiction,
      r.legalStatus,
      r.technicalFields,
      localIds(r.terms),
      localIds(r.boostTerms),
    ]),
  };
  return JSON.stringify(stored);
}

export function decodeBlock(data: string, dictionary: TermDictionary): CatalogueRow[] {
  const stored = JSON.parse(data) as StoredBlock;
  if (stored.v !== 1) throw new Error(`unknown catalogue block version ${String(stored.v)}`);
  const globalIds = stored.terms.map((t) => dictionary.idOf(t));
  const toGlobal = (positions: number[]) => Uint32Array.from(positions, (p) => globalIds[p]).sort();
  return stored.rows.map(
    ([patentId, institutionId, filingDate, trl, jurisdiction, legalStatus, fields, t, b]) => ({
      patentId,
      institutionId,
      filingDate,
      trl,
      jurisdiction,
      legalStatus,
      technicalFields: fields,
      terms: toGlobal(t),
      boostTerms: toGlobal(b),
    }),
  );
}

/** A change to apply: the patent's public copy as it is now, or null when it is no longer public. */
export type CatalogueChange = { patentId: string; row: CatalogueRow | null };

/**
 * The blocks after applying changes: a changed row is replaced where it is, a removed one dropped, a new one
 * appended to the last block with room (or a new block). Only blocks that changed get `newBlockId()`; the others
 * keep their id, so their stored copy is shared with the previous generation.
 */
export function applyChanges(
  blocks: CatalogueBlock[],
  changes: CatalogueChange[],
  newBlockId: () => string,
): { blocks: CatalogueBlock[]; changedBlocks: CatalogueBlock[] } {
  const latest = new Map<string, CatalogueRow | null>();
  for (const change of changes) latest.set(change.patentId, change.row);
  const next: CatalogueBlock[] = [];
  const changed = new Set<CatalogueBlock>();
  for (const block of blocks) {
    if (!block.rows.some((row) => latest.has(row.patentId))) {
      next.push(block);
      continue;
    }
    const rows: CatalogueRow[] = [];
    for (const row of block.rows) {
      if (!latest.has(row.patentId)) {
        rows.push(row);
        continue;
      }
      const replacement = latest.get(row.patentId);
      latest.delete(row.patentId);
      if (replacement) rows.push(replacement);
    }
    if (rows.length === 0) continue;
    const rebuilt = { id: newBlockId(), rows };
    next.push(rebuilt);
    changed.add(rebuilt);
  }
  const added = [...latest.values()].filter((row): row is CatalogueRow => row !== null);
  for (const row of added) {
    let last = next.at(-1);
    if (!last || last.rows.length >= BLOCK_CAPACITY) {
      last = { id: newBlockId(), rows: [] };
      next.push(last);
      changed.add(last);
    } else if (!changed.has(last)) {
      const copy = { id: newBlockId(), rows: [...last.rows] };
      next[next.length - 1] = copy;
      changed.add(copy);
      last = copy;
    }
    last.rows.push(row);
  }
  return { blocks: next, changedBlocks: [...changed] };
}

/** One committed generation of the index, as this process loaded it. */
export class CatalogueSnapshot {
  readonly rows: CatalogueRow[];
  private newestFirstRows: CatalogueRow[] | null = null;

  constructor(
    /** The stored head this was loaded from; a reset database may reuse a generation number, never a token. */
    readonly headToken: string | null,
    readonly generation: number,
    readonly blocks: CatalogueBlock[],
    readonly dictionary: TermDictionary,
  ) {
    this.rows = blocks.flatMap((b) => b.rows);
  }

  /** Every row, newest filing first (ties by id): the default listing's order, sorted once per generation. */
  newestFirst(): CatalogueRow[] {
    this.newestFirstRows ??= [...this.rows].sort(newestFilingFirst);
    return this.newestFirstRows;
  }
}

export function newestFilingFirst(a: CatalogueRow, b: CatalogueRow): number {
  if (a.filingDate !== b.filingDate) return a.filingDate < b.filingDate ? 1 : -1;
  return a.patentId < b.patentId ? -1 : a.patentId > b.patentId ? 1 : 0;
}

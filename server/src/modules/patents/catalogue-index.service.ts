import { randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Types } from 'mongoose';
import { mapConcurrently } from '../../common/concurrency';
import { isDuplicateKeyError } from '../../common/errors';
import { logger } from '../../common/logger';
import {
  BLOCK_CAPACITY,
  CatalogueSnapshot,
  TermDictionary,
  applyChanges,
  decodeBlock,
  encodeBlock,
  rowOf,
  type CatalogueBlock,
  type CatalogueChange,
  type CatalogueRow,
  type CatalogueSource,
} from './catalogue-index';
import {
  CatalogueBlockModel,
  CatalogueChangeModel,
  CatalogueHeadModel,
  type CatalogueBlockRecord,
  type CatalogueHeadRecord,
} from './catalogue-index.model';
import { PublishedPatentModel, publishedPatentCount } from './patent.model';

/** The fields of a public copy the index keeps (see CatalogueSource). */
const SOURCE_FIELDS = {
  institutionId: 1,
  filingDate: 1,
  trl: 1,
  jurisdiction: 1,
  legalStatus: 1,
  technicalFields: 1,
  terms: 1,
  boostTerms: 1,
} as const;
// Enough for a reader that loaded a head just before it was superseded to fetch that head's blocks.
const GENERATIONS_KEPT = 3;
const READ_CONCURRENCY = 8;
const MAX_COMMIT_ATTEMPTS = 20;
const BLOCKS_READ_BY_ID = 4;

/** The seed's progress shape, so that its progress bar shows a rebuild too. */
export type IndexProgress = {
  start(label: string, total: number): void;
  tick(count: number): void;
  stop(): void;
};
const noProgress: IndexProgress = { start() {}, tick() {}, stop() {} };

/**
 * Keeps the catalogue index (catalogue-index.ts) in the database and in this process's memory.
 *
 * Readers ask for `current()`: one query for the heads (a handful of small documents); blocks are fetched only
 * when a newer generation names ones this process has not decoded, so a search after the first costs no block
 * reads, and every process sees another's publications on its next search.
 *
 * Writers record a change for a patent whose public copy they wrote, then `refresh()`: it re-reads those patents,
 * writes the blocks that changed and commits a new head. Changes are applied idempotently (a patent's row is
 * whatever its public copy is when read), so a lost race or a crash before the changes were removed only means
 * reading those patents again.
 */
export class CatalogueIndexService {
  private readonly dictionary = new TermDictionary();
  private snapshot: CatalogueSnapshot = this.emptySnapshot();
  private decodedBlocks = new Map<string, CatalogueRow[]>();
  // Searches that arrive while a generation loads wait for that one load rather than each reading every block.
  private loading: { token: string; done: Promise<CatalogueSnapshot | null> } | null = null;
  private refreshing: Promise<CatalogueSnapshot> | null = null;

  /** The latest committed generation; empty before the first one. */
  async current(): Promise<CatalogueSnapshot> {
    for (let attempt = 1; ; attempt++) {
      const head = await latestHead();
      if (!head) return this.emptySnapshot();
      if (this.snapshot.headToken === head.token) return this.snapshot;
      if (this.loading?.token !== head.token) {
        const done = this.load(head);
        this.loading = { token: head.token, done };
        void done.finally(() => {
          if (this.loading?.done === done) this.loading = null;
        });
      }
      const loaded = await this.loading.done;
      if (loaded) return loaded;
      // Its blocks were collected after a newer head superseded it: take the newer one.
      if (attempt >= MAX_COMMIT_ATTEMPTS)
        throw new Error('the catalogue index changed faster than it was read');
    }
  }

  /** Notes that a patent's public copy was written or removed; the next `refresh()` re-reads it. */
  async recordChange(patentId: Types.ObjectId | string): Promise<void> {
    await CatalogueChangeModel.create({ patentId: String(patentId) });
  }

  /**
   * What a search reads: the latest generation with every change recorded before this call applied. Costs one
   * query more than `current()` when nothing is pending. Should applying fail (other processes kept committing),
   * the search is answered from the latest generation rather than refused.
   */
  async upToDate(): Promise<CatalogueSnapshot> {
    if (!(await CatalogueChangeModel.exists({}))) return this.current();
    try {
      return await this.refresh();
    } catch (error) {
      logger.warn(
        { err: error },
        'catalogue index: recorded changes not applied yet; searching the latest generation',
      );
      return this.current();
    }
  }

  /**
   * Applies every recorded change as one new generation, and returns the generation that includes them. One at a
   * time in this process: a caller arriving during a refresh waits for it and then runs its own, which finds
   * nothing left to do unless changes were recorded meanwhile.
   */
  async refresh(): Promise<CatalogueSnapshot> {
    while (this.refreshing) await this.refreshing.catch(() => undefined);
    const running = this.applyRecordedChanges();
    this.refreshing = running;
    try {
      return await running;
    } finally {
      this.refreshing = null;
    }
  }

  private async applyRecordedChanges(): Promise<CatalogueSnapshot> {
    for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
      const base = await this.current();
      const recorded = await CatalogueChangeModel.find({}).lean();
      if (recorded.length === 0) return base;
      const patentIds = [...new Set(recorded.map((c) => c.patentId))];
      const sources = await mapConcurrently(patentIds, READ_CONCURRENCY, (id) =>
        PublishedPatentModel.findById(id, SOURCE_FIELDS).lean<CatalogueSource>(),
      );
      const changes = patentIds.map((patentId, i) => {
        const source = sources[i];
        return { patentId, row: source ? rowOf(source, this.dictionary) : null };
      });
      const committed = await this.commit(base, changes);
      if (!committed) continue;
      // One by id: FerretDB evaluates `$in` itself, after reading the whole collection.
      await mapConcurrently(recorded, READ_CONCURRENCY, (c) =>
        CatalogueChangeModel.deleteOne({ _id: c._id }),
      );
      return committed;
    }
    throw new Error('the catalogue index kept changing under this refresh; run it again');
  }

  /** Adds public copies the caller holds (a bulk load), without reading them back. */
  async indexPublished(sources: CatalogueSource[]): Promise<CatalogueSnapshot> {
    const changes = sources.map((s) => ({ patentId: s._id.toHexString(), row: rowOf(s, this.dictionary) }));
    for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
      const committed = await this.commit(await this.current(), changes);
      if (committed) return committed;
    }
    throw new Error('the catalogue index kept changing under this load; run it again');
  }

  /**
   * Builds a generation from every public copy: the first start on data without an index, or a repair. Changes
   * recorded while it reads stay recorded and are applied by the refresh that follows.
   */
  async rebuild(progress: IndexProgress = noProgress): Promise<CatalogueSnapshot> {
    const total = await publishedPatentCount();
    progress.start('catalogue index', total);
    const blocks: CatalogueBlock[] = [];
    let rows: CatalogueRow[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      const block = { id: new Types.ObjectId().toHexString(), rows };
      await CatalogueBlockModel.create({
        _id: block.id,
        data: packBlock(encodeBlock(block.rows, this.dictionary)),
      });
      blocks.push(block);
      rows = [];
    };
    const cursor = PublishedPatentModel.find({}, SOURCE_FIELDS)
      .batchSize(BLOCK_CAPACITY)
      .lean<CatalogueSource[]>()
      .cursor();
    for await (const source of cursor) {
      rows.push(rowOf(source as CatalogueSource, this.dictionary));
      if (rows.length >= BLOCK_CAPACITY) {
        await flush();
        progress.tick(BLOCK_CAPACITY);
      }
    }
    const tail = rows.length;
    await flush();
    progress.tick(tail);
    progress.stop();
    for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
      const latest = await latestHead();
      const committed = await this.commitBlocks((latest?._id ?? 0) + 1, blocks);
      if (committed) return this.refresh();
    }
    await deleteBlocks(blocks.map((b) => b.id));
    throw new Error('the catalogue index kept changing under this rebuild; run it again');
  }

  /** Builds the index on first start when patents are published but no generation exists yet. */
  async ensureBuilt(progress: IndexProgress = noProgress): Promise<void> {
    if (await latestHead()) {
      await this.refresh();
      return;
    }
    if (!(await PublishedPatentModel.exists({}))) return;
    logger.info('catalogue index: building from the published patents');
    const built = await this.rebuild(progress);
    logger.info({ patents: built.rows.length, generation: built.generation }, 'catalogue index: built');
  }

  private async commit(
    base: CatalogueSnapshot,
    changes: CatalogueChange[],
  ): Promise<CatalogueSnapshot | null> {
    const { blocks, changedBlocks } = applyChanges(base.blocks, changes, () =>
      new Types.ObjectId().toHexString(),
    );
    if (changedBlocks.length > 0)
      await CatalogueBlockModel.insertMany(
        changedBlocks.map((b) => ({ _id: b.id, data: packBlock(encodeBlock(b.rows, this.dictionary)) })),
        { ordered: false, lean: true },
      );
    const committed = await this.commitBlocks(base.generation + 1, blocks);
    if (!committed) await deleteBlocks(changedBlocks.map((b) => b.id));
    return committed;
  }

  /** Inserts the head of `generation`; null when another writer committed that generation first. */
  private async commitBlocks(
    generation: number,
    blocks: CatalogueBlock[],
  ): Promise<CatalogueSnapshot | null> {
    const head: CatalogueHeadRecord = {
      _id: generation,
      token: randomUUID(),
      blocks: blocks.map((b) => b.id),
      patentCount: blocks.reduce((n, b) => n + b.rows.length, 0),
    };
    try {
      await CatalogueHeadModel.create(head);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return null;
    }
    this.remember(head, blocks);
    await collectGarbage(generation);
    return this.snapshot;
  }

  /** Null when a block of the head is gone (collected after a newer generation superseded it). */
  private async load(head: CatalogueHeadRecord): Promise<CatalogueSnapshot | null> {
    const missing = head.blocks.filter((id) => !this.decodedBlocks.has(id));
    const fetched = new Map<string, CatalogueRow[]>();
    const decode = (stored: CatalogueBlockRecord) =>
      fetched.set(stored._id, decodeBlock(unpackBlock(stored.data), this.dictionary));
    if (missing.length > BLOCKS_READ_BY_ID) {
      // FerretDB's PostgreSQL plans even a lookup by `_id` in this small table as a scan that unpacks every block,
      // so many blocks are cheaper read in that one scan than one by one.
      for await (const stored of CatalogueBlockModel.find({}).lean<CatalogueBlockRecord[]>().cursor()) {
        if (missing.includes(stored._id)) decode(stored as CatalogueBlockRecord);
      }
    } else {
      const stored = await mapConcurrently(missing, READ_CONCURRENCY, (id) =>
        CatalogueBlockModel.findById(id).lean<CatalogueBlockRecord>(),
      );
      for (const block of stored) if (block) decode(block);
    }
    const blocks: CatalogueBlock[] = [];
    for (const id of head.blocks) {
      const rows = this.decodedBlocks.get(id) ?? fetched.get(id);
      if (!rows) return null;
      blocks.push({ id, rows });
    }
    this.remember(head, blocks);
    return this.snapshot;
  }

  private remember(head: CatalogueHeadRecord, blocks: CatalogueBlock[]): void {
    // Only the newest generation is kept in memory: a block the next one drops is garbage here too.
    this.decodedBlocks = new Map(blocks.map((b) => [b.id, b.rows]));
    this.snapshot = new CatalogueSnapshot(head.token, head._id, blocks, this.dictionary);
  }

  private emptySnapshot(): CatalogueSnapshot {
    return new CatalogueSnapshot(null, 0, [], this.dictionary);
  }
}

/**
 * A block as stored: its JSON gzipped, in base64. PostgreSQL keeps a large value compressed out of line and must
 * unpack all of it to read a document's `_id`; a value that is already compressed it stores as it is, and the
 * scan of a lookup then only copies it (measured: a lookup among 100 blocks of 1.1 MB JSON took 0.4 s).
 */
function packBlock(json: string): string {
  return gzipSync(json).toString('base64');
}

function unpackBlock(data: string): string {
  return gunzipSync(Buffer.from(data, 'base64')).toString('utf8');
}

async function latestHead(): Promise<CatalogueHeadRecord | null> {
  const heads = await CatalogueHeadModel.find({}).lean<CatalogueHeadRecord[]>();
  return heads.reduce<CatalogueHeadRecord | null>(
    (latest, h) => (!latest || h._id > latest._id ? h : latest),
    null,
  );
}

/** Removes generations older than the last few, and the blocks only they used. */
async function collectGarbage(latestGeneration: number): Promise<void> {
  const heads = await CatalogueHeadModel.find({}).lean<CatalogueHeadRecord[]>();
  const kept = heads.filter((h) => h._id > latestGeneration - GENERATIONS_KEPT);
  const old = heads.filter((h) => h._id <= latestGeneration - GENERATIONS_KEPT);
  if (old.length === 0) return;
  const referenced = new Set(kept.flatMap((h) => h.blocks));
  const unused = [...new Set(old.flatMap((h) => h.blocks))].filter((id) => !referenced.has(id));
  // The head goes first: a reader never finds a head whose blocks are already gone for good.
  for (const head of old) await CatalogueHeadModel.deleteOne({ _id: head._id });
  await deleteBlocks(unused);
}

// One by id: FerretDB evaluates `$in` itself, after reading every block.
async function deleteBlocks(ids: string[]): Promise<void> {
  await mapConcurrently(ids, READ_CONCURRENCY, (id) => CatalogueBlockModel.deleteOne({ _id: id }));
}

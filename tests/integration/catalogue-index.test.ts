import { Types } from 'mongoose';
import { systemClock } from '../../server/src/common/clock';
import { BLOCK_CAPACITY } from '../../server/src/modules/patents/catalogue-index';
import {
  CatalogueBlockModel,
  CatalogueChangeModel,
  CatalogueHeadModel,
} from '../../server/src/modules/patents/catalogue-index.model';
import { CatalogueIndexService } from '../../server/src/modules/patents/catalogue-index.service';
import { PublishedPatentModel, type PatentRecord } from '../../server/src/modules/patents/patent.model';
import {
  completeContent,
  publicCopyOf,
  type PatentContentInput,
} from '../../server/src/modules/patents/patent.service';
import { startTestServer, type TestServer } from '../support/test-server';
import { batteryPatent } from './fixtures/actors';

/*
 * The catalogue index as several API processes share it: each process is a CatalogueIndexService of its own
 * (its own memory), over one database.
 */
let server: TestServer;
const institutionId = new Types.ObjectId();

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.stop();
});

beforeEach(async () => {
  await CatalogueHeadModel.deleteMany({});
  await CatalogueBlockModel.deleteMany({});
  await CatalogueChangeModel.deleteMany({});
  await PublishedPatentModel.deleteMany({});
});

function publicCopy(n: number, titleEn: string) {
  const now = systemClock.now();
  const patent: PatentRecord = {
    ...completeContent({
      ...batteryPatent,
      titleEn,
      applicationNumber: `CN2024${String(n).padStart(6, '0')}`,
    } as PatentContentInput),
    _id: new Types.ObjectId(),
    institutionId,
    state: 'PUBLISHED',
    stateHistory: [],
    externalKey: `test:${n}`,
    createdAt: now,
    updatedAt: now,
  };
  return publicCopyOf(patent, now);
}

/** What a PatentService does when it publishes: write the public copy, record the change, refresh. */
async function publish(process: CatalogueIndexService, n: number, title = `Patent ${n}`): Promise<string> {
  const copy = publicCopy(n, title);
  await PublishedPatentModel.create(copy);
  await process.recordChange(copy._id);
  await process.refresh();
  return copy._id.toHexString();
}

const indexedIds = async (process: CatalogueIndexService) =>
  (await process.current()).rows.map((r) => r.patentId).sort();

describe('the catalogue index shared by several processes', () => {
  it('shows one process the patents another published, on its next read', async () => {
    const a = new CatalogueIndexService();
    const b = new CatalogueIndexService();
    expect((await b.current()).rows).toHaveLength(0);
    const id = await publish(a, 1, 'Solid-state sodium anode');
    const seen = await b.current();
    expect(seen.rows.map((r) => r.patentId)).toEqual([id]);
    expect(seen.dictionary.find('sodium')).toBeDefined();
    // Nothing changed since: the same snapshot, no block read again.
    expect(await b.current()).toBe(seen);
  });

  it('lets a search apply the changes another process recorded, once, however many search at once', async () => {
    const writer = new CatalogueIndexService();
    const reader = new CatalogueIndexService();
    const copies = [publicCopy(150, 'Sodium anode'), publicCopy(151, 'Sodium cathode')];
    for (const copy of copies) {
      await PublishedPatentModel.create(copy);
      await writer.recordChange(copy._id);
    }
    const before = (await CatalogueHeadModel.find({}).lean()).length;
    const seen = await Promise.all(Array.from({ length: 5 }, () => reader.upToDate()));
    for (const snapshot of seen)
      expect(snapshot.rows.map((r) => r.patentId).sort()).toEqual(
        copies.map((c) => c._id.toHexString()).sort(),
      );
    expect((await CatalogueHeadModel.find({}).lean()).length).toBe(before + 1);
    expect(await CatalogueChangeModel.countDocuments({})).toBe(0);
  });

  it('loses no publication when two processes commit at the same time', async () => {
    const a = new CatalogueIndexService();
    const b = new CatalogueIndexService();
    const published = await Promise.all(
      Array.from({ length: 12 }, (_, i) => publish(i % 2 === 0 ? a : b, 100 + i)),
    );
    const fresh = new CatalogueIndexService();
    expect(await indexedIds(fresh)).toEqual([...published].sort());
    expect(await CatalogueChangeModel.countDocuments({})).toBe(0);
    // Each generation is one head; old ones are collected with the blocks only they used.
    const heads = await CatalogueHeadModel.find({}).lean();
    expect(heads.length).toBeLessThanOrEqual(3);
    const referenced = new Set(heads.flatMap((h) => h.blocks));
    const stored = (await CatalogueBlockModel.find({}, { _id: 1 }).lean()).map((b) => b._id);
    expect(stored.filter((blockId) => !referenced.has(blockId))).toEqual([]);
  });

  it('applies a change a crashed process recorded but never refreshed', async () => {
    const crashed = new CatalogueIndexService();
    const copy = publicCopy(200, 'Graphene separator');
    await PublishedPatentModel.create(copy);
    await crashed.recordChange(copy._id);
    const next = new CatalogueIndexService();
    await next.ensureBuilt();
    expect(await indexedIds(next)).toEqual([copy._id.toHexString()]);
  });

  it('drops a withdrawn patent and follows an edit', async () => {
    const a = new CatalogueIndexService();
    const kept = await publish(a, 300, 'Lithium battery');
    const withdrawn = await publish(a, 301, 'Lithium anode');
    await PublishedPatentModel.deleteOne({ _id: withdrawn });
    await PublishedPatentModel.updateOne({ _id: kept }, { $set: { trl: 9 } });
    await a.recordChange(withdrawn);
    await a.recordChange(kept);
    const snapshot = await a.refresh();
    expect(snapshot.rows.map((r) => [r.patentId, r.trl])).toEqual([[kept, 9]]);
  });

  it('builds the index from published patents that have none, across several blocks', async () => {
    const count = BLOCK_CAPACITY + 5;
    await PublishedPatentModel.insertMany(
      Array.from({ length: count }, (_, i) => publicCopy(1000 + i, `Bulk patent ${i}`)),
      { ordered: false, lean: true },
    );
    const ticks: number[] = [];
    const process = new CatalogueIndexService();
    await process.ensureBuilt({ start: () => undefined, tick: (n) => ticks.push(n), stop: () => undefined });
    const snapshot = await process.current();
    expect(snapshot.rows).toHaveLength(count);
    expect(snapshot.blocks.map((b) => b.rows.length)).toEqual([BLOCK_CAPACITY, 5]);
    expect(ticks.reduce((a, b) => a + b, 0)).toBe(count);
    // Another process reads the same rows from the stored blocks.
    expect(await indexedIds(new CatalogueIndexService())).toEqual(
      snapshot.rows.map((r) => r.patentId).sort(),
    );
  });
});

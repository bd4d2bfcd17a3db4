import { systemClock } from '../../server/src/common/clock';
import { publishedPatentCount } from '../../server/src/modules/patents/patent.model';
import type { BackingServices } from '../../server/src/server';
import { bulkLoadPublishedPatents, seedDemoData } from '../seed/seed-demo';
import { terminalProgress } from '../seed/progress-bar';
import type { BenchSearch } from './bare-search';
import { round } from './stats';

/** The published patents the benchmarks of catalogue search run against, in the database `usefirst_bench`. */
export const BENCH_PATENT_COUNT = 100_000;

/** "battery" is in several energy-storage concepts of the demo vocabulary; CN is the commonest jurisdiction. */
export const BENCH_SEARCH: BenchSearch = {
  query: 'battery',
  technicalField: 'ENERGY_STORAGE',
  jurisdiction: 'CN',
  first: 20,
};

export type BenchSeed = { publishedPatents: number; bulkLoaded: number; seedSeconds: number };

/**
 * The organisations and users once, then 100,000 published patents once. When the patents are there already both
 * are skipped: the demo seed reads every patent's key even when asked for none, which costs minutes on FerretDB.
 */
export async function seedBenchPatents(backing: BackingServices): Promise<BenchSeed> {
  const started = Date.now();
  let bulkLoaded = 0;
  if ((await publishedPatentCount()) < BENCH_PATENT_COUNT) {
    await seedDemoData(backing.services, systemClock, terminalProgress(), 0);
    bulkLoaded = await bulkLoadPublishedPatents(
      backing.services.catalogueIndex,
      systemClock,
      BENCH_PATENT_COUNT,
      terminalProgress(),
    );
  }
  // Patents loaded before the catalogue had an index get one here, once (reading them all takes minutes).
  await backing.services.catalogueIndex.ensureBuilt(terminalProgress());
  return {
    publishedPatents: await publishedPatentCount(),
    bulkLoaded,
    seedSeconds: round((Date.now() - started) / 1000),
  };
}

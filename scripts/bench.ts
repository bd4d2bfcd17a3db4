import 'reflect-metadata';
import { systemClock } from '../server/src/common/clock';
import { logger } from '../server/src/common/logger';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { OrganizationModel } from '../server/src/modules/identity/organization.model';
import { PublishedPatentModel } from '../server/src/modules/patents/patent.model';
import { startBackingServices, startServer } from '../server/src/server';
import {
  bareSearchFilter,
  publishedPatents,
  runBareQuery,
  searchVariables,
  startBareSearchApp,
  type BenchSearch,
} from './bench/bare-search';
import { commandsDuring } from './bench/database-cost';
import { runLoad, type LoadFigures, type LoadTarget } from './bench/load';
import { operationDocument } from './bench/operations';
import { parseBenchOptions } from './bench/options';
import { percentile, round, timeSequentially } from './bench/stats';
import { terminalProgress } from './seed/progress-bar';
import { bulkLoadPublishedPatents, seedDemoData } from './seed/seed-demo';

const PATENT_COUNT = 100_000;
const CONNECTIONS = [1, 32] as const;
const DRIVER_REPEATS = 20;

/** "battery" is in several energy-storage concepts of the demo vocabulary; CN is the commonest jurisdiction. */
const SEARCH: BenchSearch = {
  query: 'battery',
  technicalField: 'ENERGY_STORAGE',
  jurisdiction: 'CN',
  first: 20,
};

type GraphQLBody = {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

/**
 * `npm run bench`: catalogue search and patent detail through the real server at 1 and 32 connections, the same
 * search through a bare express route on the driver, round trips per request, what the query costs in the database,
 * and the server's memory. Prints figures and asserts nothing.
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent', PORT: '0' });
  // The logger reads LOG_LEVEL from the environment when it is first imported, not from the config; an info line per
  // request would also put pino's writes to stdout inside every measured request.
  logger.level = config.logLevel;
  const backing = await startBackingServices(config, { dbName: 'usefirst_bench' });
  const stops: (() => Promise<void>)[] = [() => backing.stop()];
  try {
    const seeded = await seed(backing.services);

    const server = await startServer(config, { backing });
    stops.unshift(() => server.stop());
    const bare = await startBareSearchApp(SEARCH);
    stops.unshift(() => bare.stop());
    const graphqlUrl = `${server.url}/graphql`;

    const matched = (await runBareQuery(SEARCH)).length;
    const filterText = JSON.stringify(bareSearchFilter(SEARCH));
    console.log(
      `\nbenchmark search: "${SEARCH.query}" in ${SEARCH.technicalField}, jurisdiction ${SEARCH.jurisdiction}`,
    );
    console.log(
      `  database filter ${filterText} matches ${matched} of ${seeded.publishedPatents} published patents\n`,
    );

    const detailId = String(
      (await publishedPatents().findOne({ jurisdiction: SEARCH.jurisdiction }, { projection: { _id: 1 } }))
        ?._id ?? '',
    );
    if (!detailId) throw new Error('no published patent to show in detail');

    const targets: LoadTarget[] = [
      {
        name: 'graphql SearchPatents',
        url: graphqlUrl,
        method: 'POST',
        body: { query: operationDocument('SearchPatents'), variables: searchVariables(SEARCH) },
      },
      {
        name: 'graphql PatentDetail',
        url: graphqlUrl,
        method: 'POST',
        body: { query: operationDocument('PatentDetail'), variables: { id: detailId } },
      },
      { name: 'bare /bare-search', url: bare.url, method: 'GET' },
    ];
    // One request each first: it warms the server up, and a GraphQL error (HTTP 200) would not show in the load figures.
    for (const target of targets) await checkTarget(target);

    const load: LoadFigures[] = [];
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        console.error(
          `  loading ${target.name} at ${connections} connection(s) for ${options.durationSeconds} s…`,
        );
        load.push(await runLoad(target, connections, options.durationSeconds));
      }
    }
    const rps = (name: string, connections: number) =>
      load.find((f) => f.target === name && f.connections === connections)?.requestsPerSecond ?? Number.NaN;
    const ratios = CONNECTIONS.map((connections) => ({
      connections,
      graphqlOverBare: round(
        rps('graphql SearchPatents', connections) / rps('bare /bare-search', connections),
        3,
      ),
    }));

    const roundTrips = [];
    for (const first of [10, 100]) {
      const commands = await commandsDuring(() =>
        postGraphQL(graphqlUrl, operationDocument('SearchPatents'), searchVariables(SEARCH, first)),
      );
      roundTrips.push({ request: `SearchPatents first: ${first}`, ...commands });
    }
    roundTrips.push({
      request: 'PatentDetail',
      ...(await commandsDuring(() =>
        postGraphQL(graphqlUrl, operationDocument('PatentDetail'), { id: detailId }),
      )),
    });
    roundTrips.push({
      request: 'bare /bare-search',
      ...(await commandsDuring(() => fetch(bare.url).then((r) => r.arrayBuffer()))),
    });

    const searchQueryMs = await timeSequentially(DRIVER_REPEATS, () => runBareQuery(SEARCH));
    const detailObjectId = (
      await publishedPatents().findOne({ jurisdiction: SEARCH.jurisdiction }, { projection: { _id: 1 } })
    )?._id;
    const byIdMs = await timeSequentially(DRIVER_REPEATS, () =>
      publishedPatents().find({ _id: detailObjectId }).toArray(),
    );
    const organizationId = (await OrganizationModel.findOne({}, { _id: 1 }).lean())?._id;
    const organizationCount = await OrganizationModel.estimatedDocumentCount();
    const orgByIdMs = await timeSequentially(DRIVER_REPEATS, () =>
      OrganizationModel.collection.find({ _id: organizationId }).toArray(),
    );
    const database = {
      searchQueryP50Ms: round(percentile(searchQueryMs, 50)),
      searchQueryP90Ms: round(percentile(searchQueryMs, 90)),
      publishedPatentByIdP50Ms: round(percentile(byIdMs, 50)),
      organizationByIdP50Ms: round(percentile(orgByIdMs, 50)),
      organizations: organizationCount,
    };

    const rssMb = round(process.memoryUsage().rss / 2 ** 20);

    printReport({ options, seeded, matched, load, ratios, roundTrips, database, rssMb });
    const summary = {
      bench: 'usefirst',
      durationSeconds: options.durationSeconds,
      search: { ...SEARCH, filter: bareSearchFilter(SEARCH), matched },
      seeded,
      load: load.map((f) => ({
        ...f,
        requestsPerSecond: round(f.requestsPerSecond),
        p50Ms: round(f.p50Ms),
        p99Ms: round(f.p99Ms),
      })),
      ratios,
      roundTrips: roundTrips.map(({ request, total, byName }) => ({ request, total, byName })),
      database,
      rssMb,
    };
    console.log(JSON.stringify(summary));
  } finally {
    for (const stop of stops) await stop();
  }
}

/** Seeds the organisations and users once, then 100,000 published patents once; re-runs reuse them. */
async function seed(
  services: Parameters<typeof seedDemoData>[0],
): Promise<{ publishedPatents: number; bulkLoaded: number; seedSeconds: number }> {
  const started = Date.now();
  await seedDemoData(services, systemClock, terminalProgress(), 0);
  let bulkLoaded = 0;
  if ((await PublishedPatentModel.estimatedDocumentCount()) < PATENT_COUNT) {
    bulkLoaded = await bulkLoadPublishedPatents(systemClock, PATENT_COUNT, terminalProgress());
  }
  return {
    publishedPatents: await PublishedPatentModel.estimatedDocumentCount(),
    bulkLoaded,
    seedSeconds: round((Date.now() - started) / 1000),
  };
}

async function postGraphQL(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<{ status: number; body: GraphQLBody }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLBody };
}

async function checkTarget(target: LoadTarget): Promise<void> {
  const response = await fetch(target.url, {
    method: target.method,
    headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
  });
  const body = (await response.json()) as GraphQLBody & { totalCount?: number };
  const problem =
    response.status !== 200
      ? `HTTP ${response.status}`
      : body.errors?.length
        ? body.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ')
        : null;
  if (problem) throw new Error(`${target.name} does not answer cleanly: ${problem}`);
}

type Report = {
  options: { durationSeconds: number };
  seeded: { publishedPatents: number; bulkLoaded: number; seedSeconds: number };
  matched: number;
  load: LoadFigures[];
  ratios: { connections: number; graphqlOverBare: number }[];
  roundTrips: { request: string; total: number; byName: Record<string, number>; collections: string[] }[];
  database: {
    searchQueryP50Ms: number;
    searchQueryP90Ms: number;
    publishedPatentByIdP50Ms: number;
    organizationByIdP50Ms: number;
    organizations: number;
  };
  rssMb: number;
};

function printReport(r: Report): void {
  const table = (header: string[], rows: (string | number)[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
    const line = (cells: (string | number)[]) =>
      cells
        .map((c, i) => (i === 0 ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0)))
        .join('  ');
    console.log(`  ${line(header)}`);
    for (const row of rows) console.log(`  ${line(row)}`);
  };
  const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');

  console.log(
    `\nUseFirst benchmark: ${r.seeded.publishedPatents} published patents (${r.seeded.bulkLoaded} loaded this run, seeding ${r.seeded.seedSeconds} s), ${r.options.durationSeconds} s per run\n`,
  );
  console.log('Load (autocannon in the same process as the server)');
  table(
    ['target', 'conns', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'timeouts', 'non-2xx'],
    r.load.map((f) => [
      f.target,
      f.connections,
      f.requests,
      fixed(f.requestsPerSecond),
      fixed(f.p50Ms),
      fixed(f.p99Ms),
      f.errors,
      f.timeouts,
      f.non2xx,
    ]),
  );
  console.log('');
  for (const ratio of r.ratios)
    console.log(
      `  GraphQL search / bare route throughput at ${ratio.connections} connection(s): ${fixed(ratio.graphqlOverBare, 3)}`,
    );

  console.log(`\nDatabase commands per request (search matches ${r.matched} documents)`);
  table(
    ['request', 'commands', 'by name', 'in order'],
    r.roundTrips.map((t) => [
      t.request,
      t.total,
      Object.entries(t.byName)
        .map(([k, v]) => `${k} ${v}`)
        .join(', '),
      t.collections.join(' → '),
    ]),
  );

  console.log(`\nInside the database (${DRIVER_REPEATS} sequential driver calls each)`);
  table(
    ['query', 'p50 ms'],
    [
      [
        `search filter on published_patents (p90 ${fixed(r.database.searchQueryP90Ms)} ms)`,
        fixed(r.database.searchQueryP50Ms),
      ],
      [
        `find({ _id }) on published_patents (${r.seeded.publishedPatents} documents)`,
        fixed(r.database.publishedPatentByIdP50Ms),
      ],
      [
        `find({ _id }) on organizations (${r.database.organizations} documents)`,
        fixed(r.database.organizationByIdP50Ms),
      ],
    ],
  );

  console.log(
    `\nProcess RSS after the run (server, bare app and autocannon share it): ${fixed(r.rssMb)} MiB\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);

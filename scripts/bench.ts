import 'reflect-metadata';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { OrganizationModel } from '../server/src/modules/identity/organization.model';
import { startBackingServices, startServer } from '../server/src/server';
import {
  bareSearchFilter,
  publishedPatents,
  runBareQuery,
  searchVariables,
  startBareSearchApp,
} from './bench/bare-search';
import { BENCH_SEARCH as SEARCH, seedBenchPatents, type BenchSeed } from './bench/bench-patents';
import { commandsDuring, DatabaseActivity, type CommandCount } from './bench/database-activity';
import { runLoad, type LoadFigures, type LoadTarget } from './bench/load';
import { operationDocument } from './graphql-operations';
import { BenchUsageError, parseBenchOptions } from './bench/options';
import { percentile, round, timeSequentially } from './bench/stats';

const CONNECTIONS = [1, 32] as const;
const DRIVER_REPEATS = 20;
// The search takes seconds on FerretDB: 20 sequential runs of it alone would take minutes.
const DRIVER_BUDGET_MS = 30_000;

type GraphQLBody = {
  data?: { searchPatents?: { totalCount: number }; patent?: { id: string } | null } | null;
  errors?: { message: string; extensions?: { code?: string } }[];
};

type RoundTrips = CommandCount & { request: string };

type DriverTimings = {
  searchQuery: { samples: number; p50Ms: number; p90Ms: number };
  publishedPatentById: { samples: number; p50Ms: number; documents: number };
  organizationById: { samples: number; p50Ms: number; documents: number };
};

/**
 * `npm run bench` (`-- --duration N` for N seconds per load run): catalogue search and patent detail through the
 * real server at 1 and 32 connections, the same search through a bare express route on the driver, database
 * commands per request, what the query costs inside the database, and the process's memory. Asserts nothing.
 */
async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent', PORT: '0' });
  // The logger takes its level from the environment when first imported, not from the config; left at info it
  // would write a line to stdout inside every measured request.
  const backing = await startBackingServices(config, { dbName: 'usefirst_bench' });
  const stops: (() => Promise<void>)[] = [() => backing.stop()];
  try {
    const seeded = await seedBenchPatents(backing);

    const server = await startServer(config, { backing });
    stops.unshift(() => server.stop());
    const bare = await startBareSearchApp(SEARCH);
    stops.unshift(() => bare.stop());
    const activity = new DatabaseActivity();
    stops.unshift(async () => activity.detach());
    const graphqlUrl = `${server.url}/graphql`;
    const searchDocument = operationDocument('SearchPatents');
    const detailDocument = operationDocument('PatentDetail');
    const detailId = String(
      (await publishedPatents().findOne({ jurisdiction: SEARCH.jurisdiction }, { projection: { _id: 1 } }))
        ?._id ?? '',
    );
    if (!detailId) throw new Error('no published patent to show in detail');

    // One request of each kind, alone, counting its database commands; they also warm the server up and catch a
    // GraphQL error, which answers HTTP 200 and so would not show in the load figures.
    console.log(
      `\nBenchmark search: "${SEARCH.query}" in ${SEARCH.technicalField}, jurisdiction ${SEARCH.jurisdiction}`,
    );
    let matched = 0;
    const bareRoundTrips = await commandsDuring(async () => {
      const response = await fetch(bare.url);
      matched = ((await response.json()) as { totalCount: number }).totalCount;
    });
    console.log(
      `  filter ${JSON.stringify(bareSearchFilter(SEARCH))} matches ${matched} of ${seeded.publishedPatents} published patents\n`,
    );
    const roundTrips: RoundTrips[] = [];
    for (const first of [10, 100]) {
      let totalCount = 0;
      const commands = await commandsDuring(async () => {
        totalCount =
          (await postGraphQLOrThrow(graphqlUrl, searchDocument, searchVariables(SEARCH, first))).searchPatents
            ?.totalCount ?? -1;
      });
      if (totalCount !== matched)
        console.log(
          `  note: GraphQL counts ${totalCount} matches, the bare route ${matched}: the filters differ`,
        );
      roundTrips.push({ request: `SearchPatents first: ${first}`, ...commands });
    }
    roundTrips.push({
      request: 'PatentDetail',
      ...(await commandsDuring(() => postGraphQLOrThrow(graphqlUrl, detailDocument, { id: detailId }))),
    });
    roundTrips.push({ request: 'bare /bare-search', ...bareRoundTrips });

    const targets: LoadTarget[] = [
      {
        name: 'graphql SearchPatents',
        url: graphqlUrl,
        method: 'POST',
        body: { query: searchDocument, variables: searchVariables(SEARCH) },
        collection: 'published_patents',
      },
      {
        name: 'graphql PatentDetail',
        url: graphqlUrl,
        method: 'POST',
        body: { query: detailDocument, variables: { id: detailId } },
        collection: 'patents',
      },
      { name: 'bare /bare-search', url: bare.url, method: 'GET', collection: 'published_patents' },
    ];
    const load: LoadFigures[] = [];
    for (const connections of CONNECTIONS) {
      for (const target of targets) {
        progress(`  ${target.name} at ${connections} connection(s) for ${options.durationSeconds} s: `);
        const figures = await runLoad(target, connections, options.durationSeconds, activity, progress);
        progress(`idle after ${round(figures.drainSeconds)} s\n`);
        load.push(figures);
      }
    }
    const ratios = CONNECTIONS.map((connections) => {
      const of = (name: string) => load.find((f) => f.target === name && f.connections === connections);
      const graphql = of('graphql SearchPatents');
      const bareFigures = of('bare /bare-search');
      return {
        connections,
        graphqlOverBare:
          graphql && bareFigures && bareFigures.requestsPerSecond > 0
            ? round(graphql.requestsPerSecond / bareFigures.requestsPerSecond, 3)
            : null,
        serverGraphqlOverBare:
          graphql && bareFigures && bareFigures.serverPerSecond > 0
            ? round(graphql.serverPerSecond / bareFigures.serverPerSecond, 3)
            : null,
      };
    });

    progress('  timing the queries alone on the driver…\n');
    const driver = await timeDriverQueries(seeded.publishedPatents);
    const rssMb = round(process.memoryUsage().rss / 2 ** 20);

    printReport({
      durationSeconds: options.durationSeconds,
      seeded,
      matched,
      load,
      ratios,
      roundTrips,
      driver,
      rssMb,
    });
    const rounded = (n: number | null) => (n === null ? null : round(n));
    console.log(
      JSON.stringify({
        bench: 'usefirst',
        durationSeconds: options.durationSeconds,
        seeded,
        search: {
          query: SEARCH.query,
          technicalField: SEARCH.technicalField,
          jurisdiction: SEARCH.jurisdiction,
          first: SEARCH.first,
          filter: bareSearchFilter(SEARCH),
          matched,
        },
        load: load.map((f) => ({
          ...f,
          requestsPerSecond: round(f.requestsPerSecond),
          p50Ms: rounded(f.p50Ms),
          p99Ms: rounded(f.p99Ms),
          drainSeconds: round(f.drainSeconds),
          serverPerSecond: round(f.serverPerSecond, 3),
        })),
        ratios,
        roundTrips: roundTrips.map(({ request, total, byName }) => ({ request, commands: total, byName })),
        driver,
        rssMb,
      }),
    );
  } finally {
    for (const stop of stops) await stop();
  }
}

/** "find a, getMore a ×21, find b" for a list of commands. */
function runLengths(commands: string[]): string {
  const runs: { command: string; times: number }[] = [];
  for (const command of commands) {
    const last = runs[runs.length - 1];
    if (last?.command === command) last.times++;
    else runs.push({ command, times: 1 });
  }
  return runs.map((r) => (r.times > 1 ? `${r.command} ×${r.times}` : r.command)).join(', ');
}

/** Where the run is, on stderr, so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(message);
}

async function timeDriverQueries(publishedCount: number): Promise<DriverTimings> {
  const search = await timeSequentially(DRIVER_REPEATS, () => runBareQuery(SEARCH), DRIVER_BUDGET_MS);
  const anyPatent = await publishedPatents().findOne({}, { projection: { _id: 1 } });
  const byId = await timeSequentially(
    DRIVER_REPEATS,
    () => publishedPatents().find({ _id: anyPatent?._id }).toArray(),
    DRIVER_BUDGET_MS,
  );
  const organization = await OrganizationModel.collection.findOne({}, { projection: { _id: 1 } });
  const organizationById = await timeSequentially(DRIVER_REPEATS, () =>
    OrganizationModel.collection.find({ _id: organization?._id }).toArray(),
  );
  return {
    searchQuery: {
      samples: search.length,
      p50Ms: round(percentile(search, 50)),
      p90Ms: round(percentile(search, 90)),
    },
    publishedPatentById: {
      samples: byId.length,
      p50Ms: round(percentile(byId, 50)),
      documents: publishedCount,
    },
    organizationById: {
      samples: organizationById.length,
      p50Ms: round(percentile(organizationById, 50)),
      documents: await OrganizationModel.estimatedDocumentCount(),
    },
  };
}

async function postGraphQLOrThrow(
  url: string,
  query: string,
  variables: Record<string, unknown>,
): Promise<NonNullable<GraphQLBody['data']>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLBody;
  if (response.status !== 200 || body.errors?.length || !body.data) {
    const reason =
      body.errors?.map((e) => `${e.extensions?.code}: ${e.message}`).join('; ') ?? `HTTP ${response.status}`;
    throw new Error(`the GraphQL request ${JSON.stringify(variables)} failed: ${reason}`);
  }
  return body.data;
}

type Report = {
  durationSeconds: number;
  seeded: BenchSeed;
  matched: number;
  load: LoadFigures[];
  ratios: { connections: number; graphqlOverBare: number | null; serverGraphqlOverBare: number | null }[];
  roundTrips: RoundTrips[];
  driver: DriverTimings;
  rssMb: number;
};

function printReport(r: Report): void {
  // Text columns (leftColumns) read left-aligned, figures right-aligned.
  const table = (header: string[], rows: (string | number)[][], leftColumns = [0]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => String(row[i]).length)));
    const line = (cells: (string | number)[]) =>
      cells
        .map((c, i) =>
          leftColumns.includes(i) ? String(c).padEnd(widths[i] ?? 0) : String(c).padStart(widths[i] ?? 0),
        )
        .join('  ')
        .trimEnd();
    console.log(`  ${line(header)}`);
    for (const row of rows) console.log(`  ${line(row)}`);
  };
  const fixed = (n: number | null, digits = 1) =>
    n !== null && Number.isFinite(n) ? n.toFixed(digits) : '-';

  console.log(
    `\nUseFirst benchmark: ${r.seeded.publishedPatents} published patents (${r.seeded.bulkLoaded ? `${r.seeded.bulkLoaded} loaded in ${r.seeded.seedSeconds} s` : 'reused'}), ` +
      `search matches ${r.matched}, ${r.durationSeconds} s per run\n`,
  );
  console.log('Load (autocannon, in the same process as the server)');
  table(
    [
      'target',
      'conns',
      'answered',
      'req/s',
      'p50 ms',
      'p99 ms',
      'errors',
      'timeouts',
      'non-2xx',
      'drain s',
      'server req/s',
    ],
    r.load.map((f) => [
      f.target,
      f.connections,
      f.requests,
      fixed(f.requestsPerSecond, 2),
      fixed(f.p50Ms),
      fixed(f.p99Ms),
      f.errors,
      f.timeouts,
      f.non2xx,
      `${fixed(f.drainSeconds)}${f.drained ? '' : '+'}`,
      fixed(f.serverPerSecond, 3),
    ]),
  );
  console.log(
    '  answered and req/s: within the run. drain s: how long the server then worked on the requests left open.',
  );
  console.log(
    '  server req/s: requests the server finished during the run and the drain, per second of both.\n',
  );
  for (const ratio of r.ratios) {
    console.log(
      `  GraphQL search / bare route at ${ratio.connections} connection(s): ${fixed(ratio.graphqlOverBare, 3)} (req/s within the run), ${fixed(ratio.serverGraphqlOverBare, 3)} (server req/s)`,
    );
  }

  console.log('\nDatabase commands per request (each sent alone)');
  table(
    ['request', 'commands', 'in order'],
    r.roundTrips.map((t) => [t.request, t.total, runLengths(t.inOrder)]),
    [0, 2],
  );

  console.log('\nInside the database (sequential driver calls, nothing else running)');
  table(
    ['query', 'runs', 'p50 ms'],
    [
      [
        `the search filter on published_patents (p90 ${fixed(r.driver.searchQuery.p90Ms)} ms)`,
        r.driver.searchQuery.samples,
        fixed(r.driver.searchQuery.p50Ms),
      ],
      [
        `find({ _id }) on published_patents (${r.driver.publishedPatentById.documents} documents)`,
        r.driver.publishedPatentById.samples,
        fixed(r.driver.publishedPatentById.p50Ms),
      ],
      [
        `find({ _id }) on organizations (${r.driver.organizationById.documents} documents)`,
        r.driver.organizationById.samples,
        fixed(r.driver.organizationById.p50Ms),
      ],
    ],
  );

  console.log(
    `\nProcess RSS after the run (server, bare app and autocannon together): ${fixed(r.rssMb)} MiB\n`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof BenchUsageError ? error.message : error);
    process.exit(1);
  },
);

import 'reflect-metadata';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, errors, type Browser, type Response } from 'playwright-core';
import { logger } from '../server/src/common/logger';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { startBackingServices, startServer } from '../server/src/server';
import { BENCH_SEARCH, seedBenchPatents, type BenchSeed } from './bench/bench-patents';
import { percentile, round } from './bench/stats';

/*
 * `npm run bench` (last part): the web client as a first-time visitor meets it, with 100,000 published patents in
 * the database. Prints, asserts nothing.
 * - the JavaScript the catalogue page loads on a first visit (empty cache), as Chromium received it, and gzipped;
 * - the time from navigation start to the first result card, for the default listing and for the search the other
 *   benchmark uses, each RUNS times in a fresh browser context (nothing cached), against the built client served by
 *   the real server.
 */
const RUNS = 5;
// A listing that matches every patent makes FerretDB decode all 100,000 of them, minutes on this machine: a page
// gets at least one load, and no further one once this much time has gone on it.
const PAGE_BUDGET_MS = 90_000;
const FIRST_RESULT_TIMEOUT_MS = 600_000;
const GZIP_LEVEL = 9;
const CHROMIUM = '/usr/bin/chromium';
// The flags of the browser tests (tests/browser/): no sandbox in a container, and no traffic of Chromium's own.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** A result card's title link (search-results.tsx). */
const RESULT_LINK = 'a[data-result-link]';

type CataloguePage = { name: string; path: string };

const PAGES: CataloguePage[] = [
  { name: 'default listing (no query)', path: '/' },
  {
    name: `search "${BENCH_SEARCH.query}" + ${BENCH_SEARCH.technicalField} + ${BENCH_SEARCH.jurisdiction}`,
    path: `/?${new URLSearchParams({
      q: BENCH_SEARCH.query,
      field: BENCH_SEARCH.technicalField,
      jurisdiction: BENCH_SEARCH.jurisdiction,
    })}`,
  },
];

type ScriptFile = { file: string; bytes: number; gzipBytes: number; contentEncoding: string | null };

/** One page load, in milliseconds from navigation start (the page's `performance.now()`). */
type PageTiming = {
  firstResultMs: number;
  domContentLoadedMs: number;
  /** When the last GraphQL answer before the first result had arrived: what the page waited for from the server. */
  graphqlAnsweredMs: number | null;
};

type PageFigures = CataloguePage & {
  runs: PageTiming[];
  coldMs: number;
  p50Ms: number;
  maxMs: number;
};

type FirstResultMark = { __firstResultMs?: number };

async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false', LOG_LEVEL: 'silent', PORT: '0' });
  // The logger took its level from the environment when first imported; a line per request would fill the report.
  logger.level = 'silent';
  const backing = await startBackingServices(config, { dbName: 'usefirst_bench' });
  const stops: (() => Promise<void>)[] = [() => backing.stop()];
  try {
    const seeded = await seedBenchPatents(backing);
    const server = await startServer(config, { backing });
    stops.unshift(() => server.stop());
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    stops.unshift(() => browser.close());

    let scripts: ScriptFile[] = [];
    const pageErrors: string[] = [];
    const pages: PageFigures[] = [];
    for (const page of PAGES) {
      const runs: PageTiming[] = [];
      const started = Date.now();
      for (let run = 1; run <= RUNS && (run === 1 || Date.now() - started < PAGE_BUDGET_MS); run++) {
        progress(`  ${page.name}, run ${run} of ${RUNS}: `);
        // The scripts of the very first load: an empty cache and a server that has answered nothing yet.
        const collectScripts = pages.length === 0 && run === 1;
        const load = await loadPage(browser, `${server.url}${page.path}`, collectScripts);
        runs.push(load.timing);
        if (collectScripts) scripts = load.scripts;
        pageErrors.push(...load.pageErrors);
        progress(`${round(load.timing.firstResultMs)} ms\n`);
        if (!Number.isFinite(load.timing.firstResultMs)) break;
      }
      const firstResults = runs.map((r) => r.firstResultMs);
      pages.push({
        ...page,
        runs,
        coldMs: firstResults[0] ?? Number.NaN,
        p50Ms: percentile(firstResults, 50),
        maxMs: Math.max(...firstResults),
      });
    }

    printReport(seeded, scripts, pages, pageErrors);
    console.log(
      JSON.stringify({
        bench: 'usefirst-client',
        seeded,
        javascript: {
          measuredOn: PAGES[0]?.path,
          // The server does not compress; the figures are what gzip at this level would send.
          gzipLevel: GZIP_LEVEL,
          serverCompressed: scripts.some((s) => s.contentEncoding !== null),
          files: scripts.length,
          bytes: sum(scripts.map((s) => s.bytes)),
          gzipBytes: sum(scripts.map((s) => s.gzipBytes)),
          perFile: scripts.map(({ file, bytes, gzipBytes }) => ({ file, bytes, gzipBytes })),
        },
        // A load that showed no result within this is null in firstResultMs.
        firstResultTimeoutMs: FIRST_RESULT_TIMEOUT_MS,
        firstResult: pages.map((p) => ({
          page: p.name,
          path: p.path,
          runs: p.runs.length,
          coldMs: round(p.coldMs),
          p50Ms: round(p.p50Ms),
          maxMs: round(p.maxMs),
          firstResultMs: p.runs.map((r) => round(r.firstResultMs)),
          domContentLoadedMs: p.runs.map((r) => round(r.domContentLoadedMs)),
          graphqlAnsweredMs: p.runs.map((r) =>
            r.graphqlAnsweredMs === null ? null : round(r.graphqlAnsweredMs),
          ),
        })),
        pageErrors,
      }),
    );
  } finally {
    for (const stop of stops) await stop();
  }
}

/** Opens `url` in a fresh context (no cache, no stored session) and waits for the first result card. */
async function loadPage(
  browser: Browser,
  url: string,
  collectScripts: boolean,
): Promise<{ timing: PageTiming; scripts: ScriptFile[]; pageErrors: string[] }> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 900 } });
  try {
    // Marks the first frame painted with a result card in it, in the page's own clock; polling from here would
    // add the round trips of the polling to the figure.
    await context.addInitScript((selector: string) => {
      new MutationObserver((_records, observer) => {
        if (!document.querySelector(selector)) return;
        observer.disconnect();
        requestAnimationFrame(() => {
          (window as unknown as FirstResultMark).__firstResultMs = performance.now();
        });
      }).observe(document, { childList: true, subtree: true });
    }, RESULT_LINK);
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(`${url}: ${error.message}`));
    const scriptBodies: Promise<ScriptFile>[] = [];
    if (collectScripts) {
      page.on('response', (response) => {
        if (response.request().resourceType() === 'script') scriptBodies.push(scriptFile(response));
      });
    }

    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.locator(RESULT_LINK).first().waitFor({ state: 'visible', timeout: FIRST_RESULT_TIMEOUT_MS });
      await page.waitForFunction(() => (window as unknown as FirstResultMark).__firstResultMs !== undefined);
    } catch (error) {
      if (!(error instanceof errors.TimeoutError)) throw error;
      // Reported as an infinite time ("none within …"), not as the timeout: the figure is a lower bound only.
      pageErrors.push(`${url}: no result card within ${FIRST_RESULT_TIMEOUT_MS / 1000} s`);
    }
    const timing = await page.evaluate((): PageTiming => {
      const firstResultMs =
        (window as unknown as FirstResultMark).__firstResultMs ?? Number.POSITIVE_INFINITY;
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      const graphql = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((entry) => new URL(entry.name).pathname === '/graphql' && entry.responseEnd <= firstResultMs)
        .map((entry) => entry.responseEnd);
      return {
        firstResultMs,
        domContentLoadedMs: navigation?.domContentLoadedEventEnd ?? Number.NaN,
        graphqlAnsweredMs: graphql.length > 0 ? Math.max(...graphql) : null,
      };
    });
    const scripts = (await Promise.all(scriptBodies)).sort((a, b) => b.gzipBytes - a.gzipBytes);
    return { timing, scripts, pageErrors };
  } finally {
    await context.close();
  }
}

async function scriptFile(response: Response): Promise<ScriptFile> {
  const body = await response.body();
  const contentEncoding = response.headers()['content-encoding'] ?? null;
  const contentLength = Number(response.headers()['content-length']);
  return {
    file: path.posix.basename(new URL(response.url()).pathname),
    bytes: body.length,
    // Were the server to compress, what it sent would be the figure; it does not (no compression middleware).
    gzipBytes:
      contentEncoding === 'gzip' && Number.isFinite(contentLength)
        ? contentLength
        : gzipSync(body, { level: GZIP_LEVEL }).length,
    contentEncoding,
  };
}

function printReport(
  seeded: BenchSeed,
  scripts: ScriptFile[],
  pages: PageFigures[],
  pageErrors: string[],
): void {
  const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
  const ms = (n: number | null) =>
    n === Number.POSITIVE_INFINITY
      ? `>${FIRST_RESULT_TIMEOUT_MS}`
      : n === null || !Number.isFinite(n)
        ? '-'
        : `${Math.round(n)}`;
  const table = (header: string[], rows: string[][]) => {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
        .join('  ')
        .trimEnd();
    console.log(`  ${line(header)}`);
    for (const row of rows) console.log(`  ${line(row)}`);
  };

  console.log(
    `\nUseFirst web client: ${seeded.publishedPatents} published patents (${seeded.bulkLoaded ? `${seeded.bulkLoaded} loaded in ${seeded.seedSeconds} s` : 'reused'}), ` +
      `built client served by the server, headless Chromium, a fresh context per load\n`,
  );
  const compressed = scripts.some((s) => s.contentEncoding !== null);
  console.log(
    `JavaScript of the first load of the catalogue (${PAGES[0]?.path}), ` +
      (compressed
        ? 'as the server sent it compressed'
        : `sent uncompressed by the server, gzipped here at level ${GZIP_LEVEL}`),
  );
  table(
    ['file', 'bytes', 'gzipped'],
    [
      ...scripts.map((s) => [s.file, kib(s.bytes), kib(s.gzipBytes)]),
      [
        `total (${scripts.length} files)`,
        kib(sum(scripts.map((s) => s.bytes))),
        kib(sum(scripts.map((s) => s.gzipBytes))),
      ],
    ],
  );

  console.log(
    `\nFrom navigation start to the first result card painted, ms (up to ${RUNS} loads each, none started after ` +
      `${PAGE_BUDGET_MS / 1000} s on the page; run 1 of the default listing is the first request to a freshly ` +
      'started server, run 1 of the search the first of that search)',
  );
  table(
    ['page', 'run 1', 'p50', 'max', 'all runs', 'DOMContentLoaded p50', 'GraphQL answered p50'],
    pages.map((p) => {
      const answered = p.runs.map((r) => r.graphqlAnsweredMs).filter((n): n is number => n !== null);
      return [
        p.name,
        ms(p.coldMs),
        ms(p.p50Ms),
        ms(p.maxMs),
        p.runs.map((r) => ms(r.firstResultMs)).join(' '),
        ms(
          percentile(
            p.runs.map((r) => r.domContentLoadedMs),
            50,
          ),
        ),
        answered.length > 0 ? ms(percentile(answered, 50)) : '-',
      ];
    }),
  );
  console.log(
    '  GraphQL answered: when the last answer from /graphql before the first result had arrived; the rest of the\n' +
      '  time after it is the client rendering.',
  );
  if (pageErrors.length > 0) console.log(`\nErrors thrown in the page:\n  ${pageErrors.join('\n  ')}`);
  console.log('');
}

function sum(values: number[]): number {
  return values.reduce((total, n) => total + n, 0);
}

/** Where the run is, on stderr, so that stdout holds only the report. */
function progress(message: string): void {
  process.stderr.write(message);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(1);
  },
);

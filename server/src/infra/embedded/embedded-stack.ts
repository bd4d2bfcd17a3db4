import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';

/** What the embedded stack started, as the server needs it. */
export type EmbeddedEndpoints = {
  mongodbUri?: string;
  /** The PostgreSQL database under FerretDB, for the indexes FerretDB cannot make itself (see ferretdb-indexes.ts). */
  postgresUrl?: string;
  stripe?: { host: string; port: number };
};

export type EmbeddedStackOptions = {
  /** Where PostgreSQL keeps its cluster; kept across restarts unless `persistent` is false. */
  dataDir: string;
  database: boolean;
  stripe: boolean;
  persistent: boolean;
  toolsBin: string;
};

export type EmbeddedStack = EmbeddedEndpoints & { stop(): Promise<void> };

type SupervisorMessage =
  { type: 'ready'; endpoints: EmbeddedEndpoints } | { type: 'failed'; message: string };

/**
 * Starts PostgreSQL, FerretDB and stripe-mock in a supervisor process of their own. The supervisor is forked with
 * an IPC channel: when this process dies in any way, even by SIGKILL, the channel closes and the supervisor stops
 * every child it started before exiting, so no orphan is left behind.
 */
export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const entry = path.join(__dirname, `embedded-supervisor${path.extname(__filename)}`);
  const execArgv = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const child = fork(entry, [JSON.stringify(options)], {
    execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const endpoints = await new Promise<EmbeddedEndpoints>((resolve, reject) => {
    child.once('message', (message: SupervisorMessage) => {
      if (message.type === 'ready') resolve(message.endpoints);
      else reject(new Error(message.message));
    });
    child.once('exit', (code) =>
      reject(new Error(`the embedded stack exited during start-up (code ${code})`)),
    );
  });
  return { ...endpoints, stop: () => stopSupervisor(child) };
}

function stopSupervisor(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

import autocannon from 'autocannon';
import type { DatabaseActivity } from './database-activity';

export type LoadTarget = {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  /** A JSON body, sent with content-type application/json. */
  body?: unknown;
  /** The collection each request runs its one `find` on, to count requests the server finishes after the run. */
  collection: string;
};

export type LoadFigures = {
  target: string;
  connections: number;
  durationSeconds: number;
  /** Answered within the run, as autocannon saw them. */
  requests: number;
  requestsPerSecond: number;
  /** Null when no request was answered within the run. */
  p50Ms: number | null;
  p99Ms: number | null;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** How long the server kept working on requests still open when the run ended. */
  drainSeconds: number;
  drained: boolean;
  /** Requests the server finished during the run and the drain, per second of both: its throughput when saturated. */
  serverCompleted: number;
  serverPerSecond: number;
};

/**
 * Load at a fixed number of connections for a fixed time, then a wait until the server has finished what was still
 * open (autocannon drops those requests; the server does not). autocannon runs in this process beside the server,
 * so on a small machine it takes a share of the same CPUs: compare targets with each other, not with other hosts.
 */
export async function runLoad(
  target: LoadTarget,
  connections: number,
  durationSeconds: number,
  activity: DatabaseActivity,
  log: (message: string) => void = () => undefined,
): Promise<LoadFigures> {
  const findsBefore = activity.findsFinished(target.collection);
  const result = await autocannon({
    url: target.url,
    method: target.method,
    connections,
    duration: durationSeconds,
    // A queued search waits for minutes at 32 connections; it shows as not answered within the run, not as an error.
    timeout: 600,
    headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
  });
  log(
    `${result.requests.total} answered in ${durationSeconds} s; waiting for the server to finish the rest… `,
  );
  const drain = await activity.waitUntilQuiet();
  const serverCompleted = activity.findsFinished(target.collection) - findsBefore;
  const answered = result.requests.total > 0;
  return {
    target: target.name,
    connections,
    durationSeconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: answered ? result.latency.p50 : null,
    p99Ms: answered ? result.latency.p99 : null,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    drainSeconds: drain.seconds,
    drained: drain.quiet,
    serverCompleted,
    serverPerSecond: serverCompleted / (durationSeconds + drain.seconds),
  };
}

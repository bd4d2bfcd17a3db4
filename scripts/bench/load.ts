import autocannon from 'autocannon';

export type LoadTarget = {
  name: string;
  url: string;
  method: 'GET' | 'POST';
  /** A JSON body, sent with content-type application/json. */
  body?: unknown;
};

export type LoadFigures = {
  target: string;
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
};

/**
 * Load at a fixed number of connections for a fixed time. autocannon runs in this process, beside the server,
 * so on a small machine it takes a share of the same CPUs: compare targets with each other, not with other hosts.
 */
export async function runLoad(
  target: LoadTarget,
  connections: number,
  durationSeconds: number,
): Promise<LoadFigures> {
  const result = await autocannon({
    url: target.url,
    method: target.method,
    connections,
    duration: durationSeconds,
    // A slow search at 32 connections queues for seconds; count it as slow, not as a timeout.
    timeout: 60,
    headers: target.body === undefined ? {} : { 'content-type': 'application/json' },
    body: target.body === undefined ? undefined : JSON.stringify(target.body),
  });
  return {
    target: target.name,
    connections,
    durationSeconds,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleApiRequest } from './api-routes';
import { StripeApiError } from './errors';
import type { FaultInjector } from './faults';
import { parseFormEncoded } from './form-encoding';
import { fingerprintOf, type IdempotencyKeys, type RecordedResponse } from './idempotency';
import { checkWithStripeMock } from './stripe-mock-check';
import type { JsonObject, StripeErrorObject } from './stripe-objects.types';
import type { SimulatorStore } from './store';

export type ControlHandler = (request: {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
}) => Promise<{ status: number; body?: unknown; redirect?: string }>;

export type ServerParts = {
  store: SimulatorStore;
  idempotency: IdempotencyKeys;
  faults: FaultInjector;
  stripeMockUrl: string;
  control: ControlHandler;
};

type Answer = RecordedResponse & { contentType: string; headers?: { [name: string]: string } };

/**
 * The simulator's HTTP front: control routes under `/__simulator/`, and for the API, in this order: faults that
 * come before any work, the idempotency key, stripe-mock's shape check (its 4xx goes back unchanged), the work on
 * the simulator's state, the answer kept under the key, and faults that come after the work.
 */
export async function startHttpServer(parts: ServerParts): Promise<{ server: http.Server; port: number }> {
  // Request ids count requests apart from the object ids, so that reads do not shift the ids of what is created.
  let requestCounter = 0;
  const server = http.createServer((req, res) => {
    requestCounter += 1;
    const requestId = `req_simulated${String(requestCounter).padStart(6, '0')}`;
    handle(parts, req, res, requestId).catch((error: unknown) => {
      if (!res.headersSent) {
        const message = error instanceof Error ? error.message : String(error);
        send(
          res,
          requestId,
          jsonAnswer(500, { error: { type: 'api_error', message: `Simulator failure: ${message}` } }),
        );
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

async function handle(
  parts: ServerParts,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  requestId: string,
): Promise<void> {
  const body = await readBody(req);
  const method = (req.method ?? 'GET').toUpperCase();
  const url = new URL(req.url ?? '/', 'http://simulator');
  const path = url.pathname;

  if (path.startsWith('/__simulator/')) {
    const answer = await parts.control({ method, path, query: url.searchParams, body });
    if (answer.redirect) {
      res.writeHead(302, { Location: answer.redirect });
      res.end();
      return;
    }
    send(res, requestId, jsonAnswer(answer.status, answer.body ?? {}));
    return;
  }

  const fault = parts.faults.take(method, path);
  if (fault?.kind === 'rate-limit') {
    send(res, requestId, errorAnswer(429, rateLimitError()));
    return;
  }
  if (fault?.kind === 'error-500-before-work') {
    send(res, requestId, errorAnswer(500, apiError()));
    return;
  }

  const params = method === 'GET' ? parseFormEncoded(url.search.slice(1)) : parseFormEncoded(body);
  const key = method === 'POST' ? header(req, 'idempotency-key') : undefined;
  const scope = `${apiKeyOf(req)}\u0000${header(req, 'stripe-account') ?? ''}`;
  const fingerprint = fingerprintOf(params);
  let answer: Answer;
  const decision = key
    ? parts.idempotency.begin(scope, key, method, path, fingerprint)
    : { kind: 'proceed' as const };
  if (decision.kind === 'refuse') {
    send(res, requestId, errorAnswer(decision.status, decision.error));
    return;
  }
  if (decision.kind === 'replay') {
    answer = {
      ...decision.response,
      contentType: 'application/json',
      headers: { 'Idempotent-Replayed': 'true' },
    };
  } else {
    try {
      if (fault?.kind === 'delay') await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      const verdict = await checkWithStripeMock(parts.stripeMockUrl, {
        method,
        pathAndQuery: `${path}${url.search}`,
        headers: req.headers,
        body,
      });
      if (verdict.status >= 400 && verdict.status < 500) {
        if (key) parts.idempotency.abandon(scope, key);
        send(res, requestId, {
          status: verdict.status,
          body: verdict.body,
          contentType: verdict.contentType,
        });
        return;
      }
      const worked = work(parts.store, { method, path, params, requestId, key, baseUrl: baseUrlOf(req) });
      answer = worked.answer;
      if (key && worked.remembered) {
        const recorded = { status: answer.status, body: answer.body };
        parts.idempotency.complete(scope, key, { method, path, fingerprint }, recorded);
      } else if (key) {
        parts.idempotency.abandon(scope, key);
      }
    } catch (error) {
      if (key) parts.idempotency.abandon(scope, key);
      throw error;
    }
  }

  // A replay meets these faults too: a retry's answer can be lost like the first one.
  if (fault?.kind === 'drop-after-work') {
    req.socket.destroy();
    return;
  }
  if (fault?.kind === 'error-500-after-work') {
    send(res, requestId, errorAnswer(500, apiError()));
    return;
  }
  send(res, requestId, {
    ...answer,
    headers: { ...answer.headers, ...(key ? { 'Idempotency-Key': key } : {}) },
  });
}

function work(
  store: SimulatorStore,
  request: {
    method: string;
    path: string;
    params: JsonObject;
    requestId: string;
    key: string | undefined;
    baseUrl: string;
  },
): { answer: Answer; remembered: boolean } {
  // The work is synchronous: no other request can interleave with one request's state changes.
  store.origin = { id: request.requestId, idempotencyKey: request.key ?? null };
  try {
    const body = handleApiRequest(store, request);
    return { answer: jsonAnswer(200, body), remembered: true };
  } catch (error) {
    if (error instanceof StripeApiError) {
      return { answer: errorAnswer(error.status, error.error), remembered: error.remembered };
    }
    throw error;
  } finally {
    store.origin = { id: null, idempotencyKey: null };
  }
}

function jsonAnswer(status: number, body: unknown): Answer {
  return { status, body: JSON.stringify(body, null, 2), contentType: 'application/json' };
}

function errorAnswer(status: number, error: StripeErrorObject): Answer {
  return jsonAnswer(status, { error });
}

function rateLimitError(): StripeErrorObject {
  return {
    type: 'invalid_request_error',
    code: 'rate_limit',
    message:
      'Too many requests hit the API too quickly. We recommend an exponential backoff of your requests. (simulated)',
  };
}

function apiError(): StripeErrorObject {
  return { type: 'api_error', message: 'An unknown error occurred (simulated).' };
}

function send(res: http.ServerResponse, requestId: string, answer: Answer): void {
  res.writeHead(answer.status, {
    'Content-Type': answer.contentType,
    'Request-Id': requestId,
    ...answer.headers,
  });
  res.end(answer.body);
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The secret key, from `Bearer sk_…` (stripe-node) or HTTP Basic (curl's `-u sk_…:`). */
function apiKeyOf(req: http.IncomingMessage): string {
  const authorization = header(req, 'authorization') ?? '';
  if (authorization.startsWith('Bearer ')) return authorization.slice('Bearer '.length);
  if (authorization.startsWith('Basic ')) {
    return Buffer.from(authorization.slice('Basic '.length), 'base64').toString('utf8').split(':')[0];
  }
  return '';
}

function baseUrlOf(req: http.IncomingMessage): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

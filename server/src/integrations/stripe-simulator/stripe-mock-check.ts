/** stripe-mock's verdict on a request: its status and body, kept as they came. */
export type MockVerdict = { status: number; contentType: string; body: string };

const FORWARDED_HEADERS = [
  'authorization',
  'stripe-account',
  'stripe-version',
  'content-type',
  'idempotency-key',
];

/**
 * Sends the request to stripe-mock unchanged: it checks the method, the path and every parameter against
 * Stripe's OpenAPI spec (and that an API key is there), which the simulator does not re-implement.
 */
export async function checkWithStripeMock(
  stripeMockUrl: string,
  request: {
    method: string;
    pathAndQuery: string;
    headers: { [name: string]: string | string[] | undefined };
    body: string;
  },
): Promise<MockVerdict> {
  const headers: { [name: string]: string } = {};
  for (const name of FORWARDED_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const response = await fetch(`${stripeMockUrl}${request.pathAndQuery}`, {
    method: request.method,
    headers,
    body: request.method === 'GET' || request.method === 'HEAD' ? undefined : request.body,
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: await response.text(),
  };
}

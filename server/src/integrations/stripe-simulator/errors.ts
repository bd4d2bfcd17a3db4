import type { StripeErrorObject } from './stripe-objects.types';

/**
 * An answer in Stripe's error shape. `remembered` says whether Stripe keeps it under the request's idempotency key:
 * Stripe saves every result once an endpoint has started executing (card declines included), but not a request
 * refused by validation, which is what `invalid_request_error`s are here.
 */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly error: StripeErrorObject,
    readonly remembered: boolean,
  ) {
    super(error.message);
  }
}

export function invalidRequest(
  message: string,
  options: { param?: string; code?: string } = {},
): StripeApiError {
  return new StripeApiError(
    400,
    { type: 'invalid_request_error', message, ...options, ...docUrl(options.code) },
    false,
  );
}

/** `No such customer: 'cus_x'`: 404 when the id is in the path, 400 naming the parameter when it is a parameter. */
export function noSuch(label: string, id: string, param?: string): StripeApiError {
  return new StripeApiError(
    param ? 400 : 404,
    {
      type: 'invalid_request_error',
      code: 'resource_missing',
      message: `No such ${label}: '${id}'`,
      ...(param ? { param } : {}),
      ...docUrl('resource_missing'),
    },
    false,
  );
}

export function unexpectedState(code: string, message: string): StripeApiError {
  return invalidRequest(message, { code });
}

export function notImplemented(method: string, path: string): StripeApiError {
  return new StripeApiError(
    501,
    { type: 'api_error', message: `The Stripe simulator does not implement ${method} ${path}.` },
    false,
  );
}

export function docUrl(code: string | undefined): { doc_url?: string } {
  return code ? { doc_url: `https://stripe.com/docs/error-codes/${code.replace(/_/g, '-')}` } : {};
}

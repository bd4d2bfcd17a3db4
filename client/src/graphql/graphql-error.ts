import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/** What went wrong, in the terms the error messages are translated in. */
export type RequestProblem =
  | { kind: 'badInput'; field: string | null }
  | { kind: 'forbidden' }
  | { kind: 'unavailable' }
  | { kind: 'unexpected' };

/**
 * Turns an Apollo Client error into a problem a person can be told about. The server puts a code in
 * `extensions.code` and, for BAD_USER_INPUT, the offending input in `extensions.field`.
 */
export function describeRequestError(error: unknown): RequestProblem {
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = first?.extensions?.['code'];
    if (code === 'BAD_USER_INPUT') {
      const field = first?.extensions?.['field'];
      return { kind: 'badInput', field: typeof field === 'string' ? field : null };
    }
    if (code === 'UNAUTHENTICATED' || code === 'FORBIDDEN') return { kind: 'forbidden' };
    return { kind: 'unexpected' };
  }
  if (ServerError.is(error))
    return error.statusCode >= 500 ? { kind: 'unavailable' } : { kind: 'unexpected' };
  // fetch rejects with a TypeError when the server cannot be reached at all.
  if (error instanceof TypeError) return { kind: 'unavailable' };
  return { kind: 'unexpected' };
}

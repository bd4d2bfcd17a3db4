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

/** A refusal from the API, as a form shows it: a code, a message, and one message per input field it concerns. */
export type FormProblem = {
  code: string;
  message: string;
  /** Keyed by the API's field path, such as `paymentPlan.royalty.tiers[0].rateBps`. */
  fieldErrors: Record<string, string>;
};

/**
 * The API's refusal in a form's terms, or null when the error is not a refusal (network, server failure). The
 * server sends `extensions.fieldErrors` (one per field) or `extensions.field` with the message.
 */
export function formProblem(error: unknown): FormProblem | null {
  if (!CombinedGraphQLErrors.is(error)) return null;
  const first = error.errors[0];
  if (!first) return null;
  const extensions = first.extensions ?? {};
  const code = typeof extensions['code'] === 'string' ? extensions['code'] : 'INTERNAL_SERVER_ERROR';
  const fieldErrors: Record<string, string> = {};
  const list = extensions['fieldErrors'];
  if (Array.isArray(list)) {
    for (const item of list as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const field = Reflect.get(item, 'field');
      const message = Reflect.get(item, 'message');
      if (typeof field === 'string' && typeof message === 'string')
        fieldErrors[field] = fieldErrors[field] ? `${fieldErrors[field]} ${message}` : message;
    }
  } else if (typeof extensions['field'] === 'string') {
    fieldErrors[extensions['field']] = first.message;
  }
  return { code, message: first.message, fieldErrors };
}

/** The errors for the fields under one input (`paymentPlan.`), keyed by the rest of their path. */
export function fieldErrorsUnder(
  fieldErrors: Record<string, string>,
  prefix: string,
): Record<string, string> {
  const under: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) {
    if (field.startsWith(`${prefix}.`)) under[field.slice(prefix.length + 1)] = message;
  }
  return under;
}

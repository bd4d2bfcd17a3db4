import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { AppError, type MessageId } from '../common/errors';
import { requestLocale } from '../i18n/request-locale';
import { translate } from '../i18n/translate';

// Errors Apollo and graphql-js raise about the request itself (bad syntax, unknown field, wrong variable type,
// limits exceeded). They describe the client's request, never our internals, so they go out as they are.
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

export const INTERNAL_ERROR_MESSAGE: MessageId =
  'Something went wrong on our side. It has been logged; please try again later.';

/**
 * The one place where errors become what the client sees: `extensions.code`, and the field where there is one. Our
 * own messages (AppError and the masked internal error) are translated into the request's language; code and field
 * never are. Errors about the request itself come from graphql-js and Apollo, in English.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const locale = requestLocale();
  const original = unwrapResolverError(error);
  if (original instanceof AppError) {
    return {
      message: translate(locale, original.text),
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: original.code,
        ...(original.field ? { field: original.field } : {}),
        ...(original.fieldErrors
          ? {
              fieldErrors: original.fieldErrors.map(({ field, ...text }) => ({
                field,
                message: translate(locale, text),
              })),
            }
          : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  return {
    message: translate(locale, { message: INTERNAL_ERROR_MESSAGE }),
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  if (original instanceof AppError) return false;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return !(typeof code === 'string' && REQUEST_ERROR_CODES.has(code));
}

import type { Message, MessageId, MessageParams } from '../i18n/message';
import { translate } from '../i18n/translate';

export type { Message, MessageId, MessageParams } from '../i18n/message';

/**
 * The one error type the services throw. Its code reaches the client as `extensions.code`; its message is written
 * for the person using the product, as a message id with params that the API translates into the language of the
 * request (see i18n/message.ts). Validation errors name the field (and may carry one message per field).
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'RATE_LIMITED'
  | 'INVALID_STATE_TRANSITION'
  | 'EMAIL_ALREADY_REGISTERED'
  | 'INVALID_CREDENTIALS'
  | 'INVALID_REFRESH_TOKEN'
  | 'INVITATION_INVALID'
  | 'LAST_ADMIN'
  | 'PATENT_NOT_EDITABLE'
  | 'OFFER_EXCEEDS_POLICY_CAP'
  | 'PATENT_NOT_PUBLISHED'
  | 'NOT_ELIGIBLE'
  | 'OFFER_NOT_AVAILABLE'
  | 'SUBLICENSING_NOT_ALLOWED'
  | 'LEDGER_INVALID_ENTRY'
  | 'LEDGER_UNBALANCED'
  | 'LEDGER_IDEMPOTENCY_CONFLICT'
  | 'LEDGER_ALREADY_REVERSED';

/** One problem with one input field, shown next to it: a message id and its params, and the field's path. */
export type FieldError = Message & { field: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly fieldErrors?: FieldError[];
  /** The message untranslated: `message` holds it in English, for logs and for callers that read it. */
  readonly text: Message;

  constructor(
    code: ErrorCode,
    message: MessageId,
    options: { field?: string; fieldErrors?: FieldError[]; params?: MessageParams } = {},
  ) {
    const text: Message = options.params ? { message, params: options.params } : { message };
    super(translate('en', text));
    this.name = 'AppError';
    this.code = code;
    this.text = text;
    this.field = options.field ?? options.fieldErrors?.[0]?.field;
    this.fieldErrors = options.fieldErrors;
  }

  /** `what` names the thing as the start of a sentence: `'The offer'`. */
  static notFound(what: MessageId): AppError {
    return new AppError('NOT_FOUND', '{{what}} was not found.', { params: { what: { message: what } } });
  }

  static forbidden(message: MessageId = 'You are not allowed to do this.', params?: MessageParams): AppError {
    return new AppError('FORBIDDEN', message, { params });
  }

  static badInput(field: string, message: MessageId, params?: MessageParams): AppError {
    return new AppError('BAD_USER_INPUT', message, { field, params });
  }

  /** Throws one BAD_USER_INPUT that lists every problem, so a form can show each next to its field. */
  static assertNoFieldErrors(errors: FieldError[]): void {
    if (errors.length === 0) return;
    if (errors.length === 1)
      throw new AppError('BAD_USER_INPUT', errors[0].message, {
        params: errors[0].params,
        fieldErrors: errors,
      });
    throw new AppError('BAD_USER_INPUT', '{{count}} fields need attention: {{problems}}', {
      params: { count: errors.length, problems: errors },
      fieldErrors: errors,
    });
  }
}

export function isDuplicateKeyError(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 11000
  );
}

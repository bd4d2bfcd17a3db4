/**
 * The one error type the services throw. Its code reaches the client as `extensions.code`; its message is written
 * for the person using the product. Validation errors name the field (and may carry one message per field).
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

export type FieldError = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field?: string;
  readonly fieldErrors?: FieldError[];

  constructor(
    code: ErrorCode,
    message: string,
    options: { field?: string; fieldErrors?: FieldError[] } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = options.field ?? options.fieldErrors?.[0]?.field;
    this.fieldErrors = options.fieldErrors;
  }

  static notFound(what: string): AppError {
    return new AppError('NOT_FOUND', `${what} was not found.`);
  }

  static forbidden(message = 'You are not allowed to do this.'): AppError {
    return new AppError('FORBIDDEN', message);
  }

  static badInput(field: string, message: string): AppError {
    return new AppError('BAD_USER_INPUT', message, { field });
  }

  /** Throws one BAD_USER_INPUT that lists every problem, so a form can show each next to its field. */
  static assertNoFieldErrors(errors: FieldError[]): void {
    if (errors.length === 0) return;
    const summary =
      errors.length === 1
        ? errors[0].message
        : `${errors.length} fields need attention: ${errors.map((e) => e.message).join(' ')}`;
    throw new AppError('BAD_USER_INPUT', summary, { fieldErrors: errors });
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

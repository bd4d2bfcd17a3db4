import { isCalendarDate } from '../../common/calendar-date';
import {
  AppError,
  type FieldError,
  type Message,
  type MessageId,
  type MessageParams,
} from '../../common/errors';
import { isCurrencyCode, type CurrencyCode } from '../../common/money';
import { ACCOUNT_DEFINITIONS, isLedgerAccount, type LedgerAccount } from './ledger-accounts';

/**
 * What a journal entry records, and the pure rules every entry obeys. The service checks these before it inserts
 * and the ledger check runs them again over what is stored.
 */

/** Why an entry exists; `cause.id` is our id (obligation, entry) or Stripe's (payment intent, refund, payout…). */
export const CAUSE_KINDS = [
  'OBLIGATION_DUE',
  'LATE_INTEREST',
  'PAYMENT',
  'PLATFORM_FEE',
  'STRIPE_FEE',
  'TRANSFER',
  'REFUND',
  'DISPUTE',
  'PAYOUT',
  'REVERSAL',
] as const;
export type CauseKind = (typeof CAUSE_KINDS)[number];

export type EntryCause = { kind: CauseKind; id: string };

export type JournalLine = {
  account: LedgerAccount;
  contractId: string | null;
  organizationId: string | null;
  debitMinor: number;
  creditMinor: number;
};

/** What a poster (the billing module) hands to `LedgerService.post`. */
export type JournalEntryInput = {
  /** One key, one entry, forever: derive it from the cause (`payment:pi_123`), never from the time. */
  idempotencyKey: string;
  /** The calendar day the entry counts from in balances as of a date. */
  effectiveDate: string;
  cause: EntryCause;
  memo: string;
  currency: string;
  lines: readonly {
    account: LedgerAccount;
    contractId?: string | null;
    organizationId?: string | null;
    debitMinor: number;
    creditMinor: number;
  }[];
  /** Stripe object ids the entry stands for, so reconciliation finds it by equality. */
  stripeIds?: readonly string[];
};

/** A validated entry, ready to insert (without `_id` and `postedAt`), with its denormalised query arrays. */
export type PreparedEntry = {
  idempotencyKey: string;
  effectiveDate: string;
  cause: EntryCause;
  memo: string;
  currency: CurrencyCode;
  lines: JournalLine[];
  reverses: string | null;
  contractIds: string[];
  organizationIds: string[];
  accounts: LedgerAccount[];
  stripeIds: string[];
};

const MAX_KEY_LENGTH = 200;
const MAX_MEMO_LENGTH = 500;

/** Every problem with the shape of an entry except whether it balances, each naming its field. */
export function entryShapeProblems(entry: {
  idempotencyKey: unknown;
  effectiveDate: unknown;
  cause: unknown;
  memo: unknown;
  currency: unknown;
  lines: unknown;
  stripeIds?: unknown;
}): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, message: MessageId, params?: MessageParams) =>
    problems.push({ field, message, params });

  if (typeof entry.idempotencyKey !== 'string' || entry.idempotencyKey.trim() === '')
    problem('idempotencyKey', 'The idempotency key must be a non-empty string.');
  else if (entry.idempotencyKey.length > MAX_KEY_LENGTH)
    problem('idempotencyKey', 'The idempotency key must be at most {{max}} characters.', {
      max: MAX_KEY_LENGTH,
    });
  if (!isCalendarDate(entry.effectiveDate))
    problem('effectiveDate', 'The effective date must be a calendar date, YYYY-MM-DD.');
  const cause = entry.cause as { kind?: unknown; id?: unknown } | null;
  if (!cause || !(CAUSE_KINDS as readonly unknown[]).includes(cause.kind))
    problem('cause.kind', 'The cause must be one of {{kinds}}.', { kinds: CAUSE_KINDS.join(', ') });
  if (!cause || typeof cause.id !== 'string' || cause.id.trim() === '')
    problem('cause.id', 'The cause needs the id of what caused the entry.');
  if (typeof entry.memo !== 'string' || entry.memo.length > MAX_MEMO_LENGTH)
    problem('memo', 'The memo must be text of at most {{max}} characters.', { max: MAX_MEMO_LENGTH });
  if (!isCurrencyCode(entry.currency))
    problem('currency', '{{currency}} is not a currency we handle (ISO 4217).', {
      currency: String(entry.currency),
    });
  if (entry.stripeIds !== undefined) {
    const ids = entry.stripeIds;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string' || id.trim() === ''))
      problem('stripeIds', 'Stripe ids must be non-empty strings.');
  }
  if (!Array.isArray(entry.lines) || entry.lines.length < 2) {
    problem('lines', 'An entry needs at least two lines.');
    return problems;
  }
  entry.lines.forEach((line: unknown, i) => problems.push(...lineProblems(line, `lines[${i}]`)));
  return problems;
}

function lineProblems(value: unknown, at: string): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, message: MessageId, params?: MessageParams) =>
    problems.push({ field: `${at}.${field}`, message, params });
  const line = (value ?? {}) as Record<string, unknown>;
  const { account, debitMinor, creditMinor } = line;
  const contractId = line.contractId ?? null;
  const organizationId = line.organizationId ?? null;

  for (const [field, amount] of [
    ['debitMinor', debitMinor],
    ['creditMinor', creditMinor],
  ] as const) {
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount))
      problem(
        field,
        field === 'debitMinor'
          ? 'The debit must be a whole number of minor units.'
          : 'The credit must be a whole number of minor units.',
      );
    else if (amount < 0) problem(field, 'Amounts are never negative: put the amount on the other side.');
  }
  if (problems.length === 0 && (debitMinor as number) > 0 === (creditMinor as number) > 0)
    problem('debitMinor', 'Each line is either a debit or a credit: exactly one of them must be above zero.');
  for (const [field, id] of [
    ['contractId', contractId],
    ['organizationId', organizationId],
  ] as const) {
    if (id !== null && (typeof id !== 'string' || id.trim() === ''))
      problem(field, 'The {{field}} must be an id or null.', { field });
  }
  if (!isLedgerAccount(account)) {
    problem('account', '{{account}} is not a ledger account.', { account: String(account) });
    return problems;
  }
  const scope = ACCOUNT_DEFINITIONS[account].scope;
  if (scope === 'CONTRACT' && contractId === null)
    problem('contractId', '{{account}} is kept per contract: the line needs its contract.', { account });
  if (scope === 'CONTRACT' && organizationId === null)
    problem('organizationId', '{{account}} is kept per organisation: the line needs its organisation.', {
      account,
    });
  if (scope === 'PLATFORM' && organizationId !== null)
    problem('organizationId', "{{account}} is the platform's own: no organisation owns a line on it.", {
      account,
    });
  return problems;
}

/** Debits and credits of well-formed lines, summed exactly. */
export function lineTotals(lines: readonly Pick<JournalLine, 'debitMinor' | 'creditMinor'>[]): {
  debitMinor: bigint;
  creditMinor: bigint;
} {
  let debitMinor = 0n;
  let creditMinor = 0n;
  for (const line of lines) {
    debitMinor += BigInt(line.debitMinor);
    creditMinor += BigInt(line.creditMinor);
  }
  return { debitMinor, creditMinor };
}

/** The entry's query arrays, derived from its lines: the balance queries rely on them, so nothing else sets them. */
export function denormalise(
  lines: readonly JournalLine[],
): Pick<PreparedEntry, 'contractIds' | 'organizationIds' | 'accounts'> {
  const distinct = <T extends string>(values: (T | null)[]) =>
    [...new Set(values.filter((v): v is T => v !== null))].sort();
  return {
    contractIds: distinct(lines.map((l) => l.contractId)),
    organizationIds: distinct(lines.map((l) => l.organizationId)),
    accounts: distinct(lines.map((l) => l.account)),
  };
}

/**
 * Checks an entry and puts it in its stored shape; throws `LEDGER_INVALID_ENTRY` listing every malformed field, or
 * `LEDGER_UNBALANCED` when well-formed lines do not have debits equal to credits.
 */
export function prepareEntry(input: JournalEntryInput, reverses: string | null = null): PreparedEntry {
  const problems = entryShapeProblems(input);
  if (problems.length > 0) {
    throw new AppError('LEDGER_INVALID_ENTRY', 'The journal entry is malformed: {{problems}}', {
      params: {
        problems: problems.map((p): Message => ({
          message: '{{field}}: {{problem}}',
          params: { field: p.field, problem: p },
        })),
      },
      fieldErrors: problems,
    });
  }
  const lines: JournalLine[] = input.lines.map((line) => ({
    account: line.account,
    contractId: line.contractId ?? null,
    organizationId: line.organizationId ?? null,
    debitMinor: line.debitMinor,
    creditMinor: line.creditMinor,
  }));
  const totals = lineTotals(lines);
  if (totals.debitMinor !== totals.creditMinor) {
    throw new AppError(
      'LEDGER_UNBALANCED',
      'The journal entry does not balance: debits {{debitMinor}} and credits {{creditMinor}} {{currency}} minor units.',
      {
        field: 'lines',
        params: {
          debitMinor: String(totals.debitMinor),
          creditMinor: String(totals.creditMinor),
          currency: input.currency,
        },
      },
    );
  }
  return {
    idempotencyKey: input.idempotencyKey,
    effectiveDate: input.effectiveDate,
    cause: { kind: input.cause.kind, id: input.cause.id },
    memo: input.memo,
    currency: input.currency as CurrencyCode,
    lines,
    reverses,
    ...denormalise(lines),
    stripeIds: [...new Set(input.stripeIds ?? [])].sort(),
  };
}

export type ComparableEntry = {
  currency: string;
  effectiveDate: string;
  cause: EntryCause;
  lines: readonly JournalLine[];
  reverses: string | null;
};

/**
 * Whether a stored entry is the one a retry asks for. What counts is what the entry does to balances and why:
 * currency, effective date, cause, what it reverses, and its lines in any order. Memo and posting time may differ.
 */
export function sameEntry(a: ComparableEntry, b: ComparableEntry): boolean {
  const canonical = (lines: readonly JournalLine[]) =>
    lines
      .map((l) =>
        JSON.stringify([
          l.account,
          l.contractId ?? null,
          l.organizationId ?? null,
          l.debitMinor,
          l.creditMinor,
        ]),
      )
      .sort()
      .join('\n');
  return (
    a.currency === b.currency &&
    a.effectiveDate === b.effectiveDate &&
    a.cause.kind === b.cause.kind &&
    a.cause.id === b.cause.id &&
    (a.reverses ?? null) === (b.reverses ?? null) &&
    canonical(a.lines) === canonical(b.lines)
  );
}

/** The lines that undo `lines`: each debit becomes a credit of the same amount on the same account, and back. */
export function mirrorLines(lines: readonly JournalLine[]): JournalLine[] {
  return lines.map((l) => ({ ...l, debitMinor: l.creditMinor, creditMinor: l.debitMinor }));
}

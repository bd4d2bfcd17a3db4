import { Types } from 'mongoose';
import { isCalendarDate, maxDate, toCalendarDate, type CalendarDate } from '../../common/calendar-date';
import { claimOnce } from '../../common/claims';
import { AppError, isDuplicateKeyError } from '../../common/errors';
import { isCurrencyCode } from '../../common/money';
import {
  isPlatformAdmin,
  requireRoleIn,
  requireViewer,
  type RequestContext,
  type Viewer,
} from '../../common/request-context';
import { isLedgerAccount, type LedgerAccount } from './ledger-accounts';
import {
  mirrorLines,
  prepareEntry,
  sameEntry,
  type JournalEntryInput,
  type JournalLine,
  type PreparedEntry,
} from './journal-entry';
import { JournalEntryModel, type JournalEntryRecord } from './journal-entry.model';
import {
  checkReceivablesMatchObligations,
  ledgerInvariants,
  type LedgerViolation,
} from './ledger-invariants';
import {
  compareEntries,
  signedBalance,
  statementRows,
  sumByAccount,
  type AccountBalance,
  type LineFilter,
  type StatementRow,
} from './ledger-balance';

/** A stored entry with its id as text, in ledger order wherever a list of them is returned. */
export type LedgerEntry = JournalEntryRecord & { id: string };

export type BalanceQuery = LineFilter & { currency: string; asOf: string };
export type BalancesQuery = LineFilter & { asOf: string };

export type LedgerEntryFilter = {
  contractId?: string | null;
  organizationId?: string | null;
  account?: LedgerAccount | null;
  /** Effective dates, inclusive. */
  from?: string | null;
  to?: string | null;
};

/** An entry as a particular viewer may see it: an organisation's finance staff see only their organisation's lines. */
export type VisibleEntry = { entry: LedgerEntry; lines: JournalLine[]; complete: boolean };

/**
 * The double-entry ledger: append-only journal entries, balances and statements computed from them.
 *
 * Posting is for the platform's own code (billing, webhooks, reconciliation): no API reaches `post` or `reverse`,
 * so they check no role. Reads for people go through `visibleEntries` and `visibleBalances`, which decide who sees
 * what; `balance`, `balancesByAccount` and `statement` are for platform code and check nothing.
 */
export class LedgerService {
  /**
   * Writes an entry once. Posting the same key again returns the stored entry (any number of times, concurrently
   * or after a crash); the same key with different lines, currency, date or cause is a bug in the caller and
   * throws `LEDGER_IDEMPOTENCY_CONFLICT`. Throws `LEDGER_INVALID_ENTRY` or `LEDGER_UNBALANCED` for a bad entry.
   */
  async post(ctx: RequestContext, input: JournalEntryInput): Promise<LedgerEntry> {
    return this.insertOnce(ctx, prepareEntry(input));
  }

  /**
   * Undoes an entry with its mirror image (every debit a credit and back), effective today or on the original's
   * date if that is later. An entry is reversed at most once: a second reversal under another key throws
   * `LEDGER_ALREADY_REVERSED`; under the same key it returns the reversal already written.
   */
  async reverse(
    ctx: RequestContext,
    entryId: string,
    reason: string,
    idempotencyKey: string,
    options: { effectiveDate?: string } = {},
  ): Promise<LedgerEntry> {
    const original = await this.getEntryOrThrow(entryId);
    const effectiveDate =
      options.effectiveDate ??
      maxDate(toCalendarDate(ctx.clock.now()), original.effectiveDate as CalendarDate);
    if (isCalendarDate(effectiveDate) && effectiveDate < original.effectiveDate)
      throw new AppError(
        'LEDGER_INVALID_ENTRY',
        'A reversal cannot take effect ({{effectiveDate}}) before the entry it reverses ({{originalDate}}).',
        { field: 'effectiveDate', params: { effectiveDate, originalDate: original.effectiveDate } },
      );
    const prepared = prepareEntry(
      {
        idempotencyKey,
        effectiveDate,
        cause: { kind: 'REVERSAL', id: original.id },
        memo: reason,
        currency: original.currency,
        lines: mirrorLines(original.lines),
        stripeIds: original.stripeIds,
      },
      original.id,
    );
    // The key may already be taken (a retry, or a caller's mistake): settle that before claiming the reversal, so
    // a conflicting key does not leave the entry marked as reversed.
    const existing = await this.findByIdempotencyKey(idempotencyKey);
    if (existing) return this.sameOrConflict(existing, prepared);
    // Two reversals under different keys would both insert: the claim lets one key reverse the entry.
    const claim = await claimOnce(`ledger-reversal:${original.id}`, idempotencyKey, ctx.clock.now());
    if (!claim.won)
      throw new AppError(
        'LEDGER_ALREADY_REVERSED',
        'The entry {{entryId}} is already reversed (by the entry with key {{reversalKey}}).',
        { params: { entryId: original.id, reversalKey: claim.holder } },
      );
    return this.insertOnce(ctx, prepared);
  }

  async getEntryOrThrow(entryId: string): Promise<LedgerEntry> {
    const record = Types.ObjectId.isValid(entryId)
      ? await JournalEntryModel.findById(entryId).lean<JournalEntryRecord>()
      : null;
    if (!record) throw AppError.notFound('The journal entry');
    return withId(record);
  }

  async findByIdempotencyKey(idempotencyKey: string): Promise<LedgerEntry | null> {
    const record = await JournalEntryModel.findOne({ idempotencyKey }).lean<JournalEntryRecord>();
    return record ? withId(record) : null;
  }

  /** The entries that name a Stripe object (payment intent, charge, balance transaction, transfer, refund…). */
  async entriesByStripeId(stripeId: string): Promise<LedgerEntry[]> {
    const records = await JournalEntryModel.find({ stripeIds: stripeId }).lean<JournalEntryRecord[]>();
    return records.map(withId).sort(compareEntries);
  }

  /** Debits minus credits of the matching lines in one currency, effective on or before `asOf`. */
  async balance(query: BalanceQuery): Promise<number> {
    const { currency, asOf } = query;
    if (!isCurrencyCode(currency))
      throw AppError.badInput('currency', '{{currency}} is not a currency.', { currency });
    const entries = await this.entriesMatching(query, asOf, currency);
    return signedBalance(entries, query, currency, asOf);
  }

  /** Per account and currency, the matching lines' debits, credits and balance, effective on or before `asOf`. */
  async balancesByAccount(query: BalancesQuery): Promise<AccountBalance[]> {
    const entries = await this.entriesMatching(query, query.asOf, null);
    return sumByAccount(entries, query, query.asOf);
  }

  /** Every entry of a contract in ledger order, with the running balance of its receivable. */
  async statement(contractId: string): Promise<StatementRow<LedgerEntry>[]> {
    const records = await JournalEntryModel.find({ contractIds: contractId }).lean<JournalEntryRecord[]>();
    return statementRows(records.map(withId), contractId);
  }

  /**
   * The entries a viewer asked for, in ledger order. Platform finance and admins see the whole ledger; an
   * organisation's finance staff see the entries touching their organisation, and of those only its own lines.
   */
  async visibleEntries(ctx: RequestContext, filter: LedgerEntryFilter): Promise<VisibleEntry[]> {
    const scope = this.scopeFor(ctx, filter.organizationId ?? null);
    if (filter.account && !isLedgerAccount(filter.account))
      throw AppError.badInput('account', '{{account}} is not a ledger account.', {
        account: String(filter.account),
      });
    for (const field of ['from', 'to'] as const) {
      const value = filter[field];
      if (value && !isCalendarDate(value))
        throw AppError.badInput(field, '{{field}} must be a calendar date, YYYY-MM-DD.', { field });
    }
    const lineFilter: LineFilter = {
      contractId: filter.contractId ?? null,
      organizationId: scope.organizationId,
      account: filter.account ?? null,
    };
    const records = await JournalEntryModel.find(equalityFilter(lineFilter)).lean<JournalEntryRecord[]>();
    return records
      .filter(
        (r) =>
          (!filter.from || r.effectiveDate >= filter.from) && (!filter.to || r.effectiveDate <= filter.to),
      )
      .map(withId)
      .sort(compareEntries)
      .map((entry) => {
        const lines = scope.restricted
          ? entry.lines.filter((l) => l.organizationId === scope.organizationId)
          : entry.lines;
        return { entry, lines, complete: lines.length === entry.lines.length };
      });
  }

  /** Balances per account as of a date, for the same viewers and with the same scoping as `visibleEntries`. */
  async visibleBalances(
    ctx: RequestContext,
    query: { contractId?: string | null; organizationId?: string | null; asOf: string },
  ): Promise<AccountBalance[]> {
    const scope = this.scopeFor(ctx, query.organizationId ?? null);
    return this.balancesByAccount({
      contractId: query.contractId ?? null,
      organizationId: scope.organizationId,
      asOf: query.asOf,
    });
  }

  /** Every stored entry is well-formed and balances, and no key is shared: the violations, none when all is well. */
  ledgerInvariants(
    options: { progress?: (entriesChecked: number) => void } = {},
  ): Promise<LedgerViolation[]> {
    return ledgerInvariants(options);
  }

  /** Each contract's receivable against its DUE and OVERDUE obligations: the violations, per contract and currency. */
  checkReceivablesMatchObligations(): Promise<LedgerViolation[]> {
    return checkReceivablesMatchObligations();
  }

  private async entriesMatching(
    filter: LineFilter,
    asOf: string,
    currency: string | null,
  ): Promise<JournalEntryRecord[]> {
    if (!isCalendarDate(asOf))
      throw AppError.badInput('asOf', '{{field}} must be a calendar date, YYYY-MM-DD.', { field: 'asOf' });
    if (filter.account && !isLedgerAccount(filter.account))
      throw AppError.badInput('account', '{{account}} is not a ledger account.', {
        account: String(filter.account),
      });
    return JournalEntryModel.find({
      ...equalityFilter(filter),
      ...(currency ? { currency } : {}),
      // Not handed to PostgreSQL by FerretDB, but applied before the documents come back to us.
      effectiveDate: { $lte: asOf },
    })
      .select({ effectiveDate: 1, currency: 1, lines: 1 })
      .lean<JournalEntryRecord[]>();
  }

  /**
   * Whose lines a viewer may read: everything (`organizationId` is then only a filter) for the platform's own
   * finance staff and admins and for scripts; otherwise one organisation in which the viewer holds FINANCE, named
   * or, when the viewer does finance for exactly one, implied.
   */
  private scopeFor(
    ctx: RequestContext,
    organizationId: string | null,
  ): { organizationId: string | null; restricted: boolean } {
    if (ctx.system || seesWholeLedger(ctx.viewer)) return { organizationId, restricted: false };
    const viewer = requireViewer(ctx);
    if (organizationId) {
      requireRoleIn(ctx, organizationId, 'FINANCE');
      return { organizationId, restricted: true };
    }
    const financeOf = viewer.memberships.filter((m) => m.roles.includes('FINANCE'));
    if (financeOf.length === 0) throw AppError.forbidden('The ledger is for finance staff.');
    if (financeOf.length > 1)
      throw AppError.badInput(
        'organizationId',
        'You do finance for several organisations: name the one whose ledger to show.',
      );
    return { organizationId: financeOf[0].organizationId, restricted: true };
  }

  private async insertOnce(ctx: RequestContext, prepared: PreparedEntry): Promise<LedgerEntry> {
    try {
      const created = await JournalEntryModel.create({
        ...prepared,
        reverses: prepared.reverses ? new Types.ObjectId(prepared.reverses) : null,
        postedAt: ctx.clock.now(),
      });
      return withId(created.toObject<JournalEntryRecord>());
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // The unique index on the key let another insert of it win, now or earlier: that entry is the answer.
      const existing = await this.findByIdempotencyKey(prepared.idempotencyKey);
      if (!existing) throw error;
      return this.sameOrConflict(existing, prepared);
    }
  }

  private sameOrConflict(existing: LedgerEntry, prepared: PreparedEntry): LedgerEntry {
    const stored = { ...existing, reverses: existing.reverses?.toHexString() ?? null };
    if (sameEntry(stored, prepared)) return existing;
    throw new AppError(
      'LEDGER_IDEMPOTENCY_CONFLICT',
      'The idempotency key {{idempotencyKey}} already belongs to a different journal entry ({{entryId}}).',
      { field: 'idempotencyKey', params: { idempotencyKey: prepared.idempotencyKey, entryId: existing.id } },
    );
  }
}

/** The platform's own finance staff and admins see the whole ledger. */
export function seesWholeLedger(viewer: Viewer | null): boolean {
  return (
    isPlatformAdmin(viewer) ||
    Boolean(viewer?.memberships.some((m) => m.organizationKind === 'PLATFORM' && m.roles.includes('FINANCE')))
  );
}

/**
 * Equality on the top-level query arrays only: FerretDB hands these to PostgreSQL (a GIN index each), so a query
 * reads the matching entries rather than the whole journal. The lines themselves are matched in memory.
 */
function equalityFilter(filter: LineFilter): Record<string, string> {
  const query: Record<string, string> = {};
  if (filter.contractId) query.contractIds = filter.contractId;
  if (filter.organizationId) query.organizationIds = filter.organizationId;
  if (filter.account) query.accounts = filter.account;
  return query;
}

function withId(record: JournalEntryRecord): LedgerEntry {
  return { ...record, id: record._id.toHexString() };
}

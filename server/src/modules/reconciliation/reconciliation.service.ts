import type Stripe from 'stripe';
import { isCalendarDate, toCalendarDate } from '../../common/calendar-date';
import type { PayoutReconciliationRow } from '../reports/payout-reconciliation.port';
import { AppError, isDuplicateKeyError } from '../../common/errors';
import type { CurrencyCode } from '../../common/money';
import { requireViewer, type RequestContext } from '../../common/request-context';
import { fromStripeAmount, fromStripeCurrency } from '../billing/stripe-amount';
import { JournalEntryModel, type JournalEntryRecord } from '../ledger/journal-entry.model';
import { seesWholeLedger } from '../ledger/ledger.service';
import {
  indexEntries,
  matchBalanceTransaction,
  type EntryFacts,
  type LedgerIndex,
  type MatchResult,
} from './matching';
import {
  ImportCursorModel,
  ImportedBalanceTransactionModel,
  ImportedPayoutModel,
  ReconciliationExceptionModel,
  type ImportCursorRecord,
  type ImportedBalanceTransactionRecord,
  type ImportedPayoutRecord,
  type ReconciliationExceptionRecord,
} from './reconciliation.model';

export type ReconciliationRun = {
  imported: number;
  payoutsImported: number;
  matched: number;
  pending: number;
  exceptionsOpened: number;
  exceptionsClosed: number;
  durationMs: number;
};

export type PayoutReconciliation = {
  payout: ImportedPayoutRecord;
  transactions: number;
  matched: number;
  exceptions: number;
  state: 'RECONCILED' | 'PENDING' | 'EXCEPTIONS';
};

const PAGE = 100;
const FINANCE_OWNER = 'platform-finance';
/** Ledger entries this much older than the newest Stripe transaction imported should be in Stripe by now. */
const MISSING_IN_STRIPE_AFTER_SECONDS = 2 * 86_400;

/**
 * Finance's reconciliation: import Stripe's balance transactions and payouts since the last import (page by page,
 * resumable), match each to the ledger by Stripe ids, and open an exception, once, for anything unmatched, different
 * or missing on either side. Exceptions close by themselves when a later run matches them, or by finance with a note.
 */
export class ReconciliationService {
  constructor(private readonly stripe: Stripe) {}

  async reconcile(
    ctx: RequestContext,
    options: { onProgress?: (imported: number) => void } = {},
  ): Promise<ReconciliationRun> {
    this.requireFinance(ctx);
    const started = Date.now();
    const run: ReconciliationRun = {
      imported: 0,
      payoutsImported: 0,
      matched: 0,
      pending: 0,
      exceptionsOpened: 0,
      exceptionsClosed: 0,
      durationMs: 0,
    };
    const index = await this.ledgerIndex();
    const payouts = await this.importPayouts(ctx);
    run.payoutsImported = payouts.imported;
    const payoutStatus = (id: string) => payouts.statusById.get(id) ?? null;

    run.imported = await this.importBalanceTransactions(ctx, index, payoutStatus, options.onProgress);
    // Once their transactions are here: which of them each new or changed payout paid out.
    for (const payoutId of payouts.changed) await this.linkPayoutTransactions(payoutId);

    // Everything not yet matched is looked at again: a late webhook may have posted its entry since.
    const open = [
      ...(await ImportedBalanceTransactionModel.find({ status: 'UNMATCHED' }).lean<
        ImportedBalanceTransactionRecord[]
      >()),
      ...(await ImportedBalanceTransactionModel.find({ status: 'EXCEPTION' }).lean<
        ImportedBalanceTransactionRecord[]
      >()),
    ];
    for (const bt of open) {
      const result = matchBalanceTransaction(factsOf(bt), index, payoutStatus);
      const status = statusOf(result);
      if (status !== bt.status || result.status === 'MATCHED')
        await ImportedBalanceTransactionModel.updateOne(
          { _id: bt._id },
          { $set: { status, matchedEntryIds: result.status === 'MATCHED' ? result.entryIds : [] } },
        );
      if (result.status === 'EXCEPTION' && (await this.openException(ctx, bt, result)))
        run.exceptionsOpened++;
      if (result.status === 'MATCHED' && bt.status === 'EXCEPTION')
        run.exceptionsClosed += await this.closeFor(ctx, bt._id);
    }
    run.exceptionsOpened += await this.ledgerEntriesMissingInStripe(ctx);
    const [matched, pending] = await Promise.all([
      ImportedBalanceTransactionModel.countDocuments({ status: 'MATCHED' }),
      ImportedBalanceTransactionModel.countDocuments({ status: 'UNMATCHED' }),
    ]);
    run.matched = matched;
    run.pending = pending;
    run.durationMs = Date.now() - started;
    return run;
  }

  async exceptions(ctx: RequestContext, status: string | null): Promise<ReconciliationExceptionRecord[]> {
    this.requireFinance(ctx);
    if (status !== null && status !== 'OPEN' && status !== 'RESOLVED')
      throw AppError.badInput('status', 'The status is OPEN or RESOLVED.');
    const list = await ReconciliationExceptionModel.find(status ? { status } : {}).lean<
      ReconciliationExceptionRecord[]
    >();
    return list.sort((a, b) => a.openedAt.getTime() - b.openedAt.getTime());
  }

  /** Finance takes an exception: it becomes theirs to resolve. */
  async take(ctx: RequestContext, id: string): Promise<ReconciliationExceptionRecord> {
    const viewer = this.requireFinance(ctx);
    const exception = await this.exceptionOrThrow(id);
    await ReconciliationExceptionModel.updateOne({ _id: id }, { $set: { owner: viewer.userId } });
    return { ...exception, owner: viewer.userId };
  }

  /** Resolves an exception with a note that says why (kept, with who and when); the ledger is not touched. */
  async resolve(ctx: RequestContext, id: string, note: string): Promise<ReconciliationExceptionRecord> {
    const viewer = this.requireFinance(ctx);
    if (!note?.trim() || note.length > 4000)
      throw AppError.badInput('note', 'Say how it was resolved (up to 4000 characters).');
    const exception = await this.exceptionOrThrow(id);
    if (exception.status === 'RESOLVED')
      throw new AppError('CONFLICT', 'This exception is already resolved.');
    const at = ctx.clock.now();
    const notes = [...exception.notes, { byUserId: viewer.userId, at, text: note.trim() }];
    await ReconciliationExceptionModel.updateOne(
      { _id: id },
      { $set: { status: 'RESOLVED', resolvedAt: at, notes } },
    );
    return { ...exception, status: 'RESOLVED', resolvedAt: at, notes };
  }

  /** Each payout with how many of its balance transactions matched. */
  async payouts(ctx: RequestContext): Promise<PayoutReconciliation[]> {
    this.requireFinance(ctx);
    const payouts = await ImportedPayoutModel.find({}).lean<ImportedPayoutRecord[]>();
    const result: PayoutReconciliation[] = [];
    for (const payout of payouts.sort((a, b) => b.createdAtStripe - a.createdAtStripe)) {
      const transactions = await ImportedBalanceTransactionModel.find({ payoutId: payout._id }).lean<
        ImportedBalanceTransactionRecord[]
      >();
      const matched = transactions.filter((t) => t.status === 'MATCHED').length;
      const exceptions = transactions.filter((t) => t.status === 'EXCEPTION').length;
      result.push({
        payout,
        transactions: transactions.length,
        matched,
        exceptions,
        state:
          exceptions > 0
            ? 'EXCEPTIONS'
            : matched === transactions.length && payout.status === 'paid'
              ? 'RECONCILED'
              : 'PENDING',
      });
    }
    return result;
  }

  /** The payouts arriving in a range, as the finance CSV shows them (with what the ledger put in the bank). */
  async payoutRows(
    ctx: RequestContext,
    range: { from: string; to: string },
  ): Promise<PayoutReconciliationRow[]> {
    if (!isCalendarDate(range.from)) throw AppError.badInput('from', 'Give the date as YYYY-MM-DD.');
    if (!isCalendarDate(range.to)) throw AppError.badInput('to', 'Give the date as YYYY-MM-DD.');
    const rows: PayoutReconciliationRow[] = [];
    for (const p of await this.payouts(ctx)) {
      if (p.payout.arrivalDate < range.from || p.payout.arrivalDate > range.to) continue;
      const entries = await JournalEntryModel.find({ stripeIds: p.payout._id }).lean<JournalEntryRecord[]>();
      const ledgerAmountMinor = entries
        .flatMap((e) => e.lines)
        .filter((l) => l.account === 'BANK')
        .reduce((sum, l) => sum + l.debitMinor - l.creditMinor, 0);
      rows.push({
        payoutId: p.payout._id,
        arrivalDate: p.payout.arrivalDate,
        status: p.payout.status,
        amountMinor: p.payout.amountMinor,
        currency: p.payout.currency,
        ledgerAmountMinor,
        state: p.state,
        openExceptions: p.exceptions,
      });
    }
    return rows;
  }

  private async importBalanceTransactions(
    ctx: RequestContext,
    index: LedgerIndex,
    payoutStatus: (id: string) => string | null,
    onProgress?: (imported: number) => void,
  ): Promise<number> {
    const cursor = await this.cursor('balance_transactions', ctx.clock.now());
    let startingAfter = cursor.resume?.startingAfter;
    let maxCreated = cursor.resume?.maxCreated ?? cursor.createdGte;
    let imported = 0;
    for (;;) {
      const page = await this.stripe.balanceTransactions.list({
        limit: PAGE,
        created: { gte: cursor.createdGte },
        ...(startingAfter ? { starting_after: startingAfter } : {}),
      });
      const documents = page.data.map((bt) => {
        const doc = documentOf(bt, ctx.clock.now());
        const result = matchBalanceTransaction(factsOf(doc), index, payoutStatus);
        return {
          ...doc,
          status: statusOf(result),
          matchedEntryIds: result.status === 'MATCHED' ? result.entryIds : [],
        };
      });
      imported += await insertIgnoringDuplicates(documents);
      for (const doc of documents) {
        maxCreated = Math.max(maxCreated, doc.createdAtStripe);
        if (doc.status === 'EXCEPTION') {
          const result = matchBalanceTransaction(factsOf(doc), index, payoutStatus);
          if (result.status === 'EXCEPTION') await this.openException(ctx, doc, result);
        }
      }
      onProgress?.(imported);
      if (!page.has_more || page.data.length === 0) break;
      startingAfter = page.data[page.data.length - 1].id;
      // A crash after this line resumes from this page, not from the start.
      await ImportCursorModel.updateOne(
        { _id: 'balance_transactions' },
        { $set: { resume: { startingAfter, maxCreated }, updatedAt: ctx.clock.now() } },
      );
    }
    // Balance transactions created in the same second as the newest one may still appear: `gte` re-reads that
    // second next time, and the duplicates are ignored.
    await ImportCursorModel.updateOne(
      { _id: 'balance_transactions' },
      { $set: { createdGte: maxCreated, resume: null, updatedAt: ctx.clock.now() } },
    );
    return imported;
  }

  private async importPayouts(
    ctx: RequestContext,
  ): Promise<{ imported: number; changed: string[]; statusById: Map<string, string> }> {
    let imported = 0;
    const changed: string[] = [];
    for await (const payout of this.stripe.payouts.list({ limit: PAGE })) {
      const currency = fromStripeCurrency(payout.currency);
      const doc: ImportedPayoutRecord = {
        _id: payout.id,
        amountMinor: fromStripeAmount(payout.amount, currency),
        currency,
        status: payout.status,
        arrivalDate: toCalendarDate(new Date(payout.arrival_date * 1000)),
        createdAtStripe: payout.created,
        importedAt: ctx.clock.now(),
      };
      const existing = await ImportedPayoutModel.findById(payout.id).lean<ImportedPayoutRecord>();
      if (!existing) {
        await ImportedPayoutModel.create(doc).catch((error: unknown) => {
          if (!isDuplicateKeyError(error)) throw error;
        });
        imported++;
      } else if (existing.status !== doc.status)
        await ImportedPayoutModel.updateOne({ _id: payout.id }, { $set: { status: doc.status } });
      if (!existing || existing.status !== doc.status) changed.push(payout.id);
    }
    const all = await ImportedPayoutModel.find({}).lean<ImportedPayoutRecord[]>();
    return { imported, changed, statusById: new Map(all.map((p) => [p._id, p.status])) };
  }

  /** Which balance transactions a payout paid out (Stripe lists them by payout). */
  private async linkPayoutTransactions(payoutId: string): Promise<void> {
    for await (const bt of this.stripe.balanceTransactions.list({ payout: payoutId, limit: PAGE }))
      await ImportedBalanceTransactionModel.updateOne({ _id: bt.id }, { $set: { payoutId } });
  }

  private async ledgerIndex(): Promise<LedgerIndex> {
    const entries = await JournalEntryModel.find({ accounts: 'CASH_IN_TRANSIT' }).lean<
      JournalEntryRecord[]
    >();
    return indexEntries(entries.map(entryFacts));
  }

  /** Cash entries that name a Stripe balance transaction we never received, once Stripe had time to show it. */
  private async ledgerEntriesMissingInStripe(ctx: RequestContext): Promise<number> {
    const cursor = await ImportCursorModel.findById('balance_transactions').lean<ImportCursorRecord>();
    const horizon = (cursor?.createdGte ?? 0) - MISSING_IN_STRIPE_AFTER_SECONDS;
    const entries = await JournalEntryModel.find({ accounts: 'CASH_IN_TRANSIT' }).lean<
      JournalEntryRecord[]
    >();
    const matched = new Set(
      (
        await ImportedBalanceTransactionModel.find({ status: 'MATCHED' }, { matchedEntryIds: 1 }).lean<
          Pick<ImportedBalanceTransactionRecord, 'matchedEntryIds'>[]
        >()
      ).flatMap((t) => t.matchedEntryIds),
    );
    let opened = 0;
    for (const entry of entries) {
      const id = entry._id.toHexString();
      if (matched.has(id) || entry.postedAt.getTime() / 1000 > horizon) continue;
      if (entryFacts(entry).cashNetMinor === 0) continue;
      const exception: ReconciliationExceptionRecord = {
        _id: `MISSING_IN_STRIPE:${id}`,
        reason: 'MISSING_IN_STRIPE',
        stripeId: entry.stripeIds[0] ?? null,
        entryIds: [id],
        // Stripe shows nothing; the ledger shows this movement.
        expectedMinor: null,
        actualMinor: entryFacts(entry).cashNetMinor,
        currency: entry.currency,
        description: `The ledger entry ${entry.idempotencyKey} moved money at Stripe that no Stripe balance transaction shows.`,
        owner: FINANCE_OWNER,
        status: 'OPEN',
        openedAt: ctx.clock.now(),
        resolvedAt: null,
        notes: [],
      };
      if (await createOnce(exception)) opened++;
    }
    return opened;
  }

  private async openException(
    ctx: RequestContext,
    bt: ImportedBalanceTransactionRecord,
    result: Extract<MatchResult, { status: 'EXCEPTION' }>,
  ): Promise<boolean> {
    return createOnce({
      _id: `${result.reason}:${bt._id}`,
      reason: result.reason,
      stripeId: bt._id,
      entryIds: result.entryIds,
      expectedMinor: result.expectedMinor,
      actualMinor: result.actualMinor,
      currency: bt.currency,
      description: result.description,
      owner: FINANCE_OWNER,
      status: 'OPEN',
      openedAt: ctx.clock.now(),
      resolvedAt: null,
      notes: [],
    });
  }

  private async closeFor(ctx: RequestContext, stripeId: string): Promise<number> {
    let closed = 0;
    for (const reason of ['MISSING_IN_LEDGER', 'AMOUNT_MISMATCH', 'CURRENCY_MISMATCH']) {
      const id = `${reason}:${stripeId}`;
      const exception = await ReconciliationExceptionModel.findById(id).lean<ReconciliationExceptionRecord>();
      if (!exception || exception.status === 'RESOLVED') continue;
      const at = ctx.clock.now();
      await ReconciliationExceptionModel.updateOne(
        { _id: id },
        {
          $set: {
            status: 'RESOLVED',
            resolvedAt: at,
            notes: [
              ...exception.notes,
              { byUserId: 'system', at, text: 'Matched by a later reconciliation run.' },
            ],
          },
        },
      );
      closed++;
    }
    return closed;
  }

  private async cursor(id: string, at: Date): Promise<ImportCursorRecord> {
    const existing = await ImportCursorModel.findById(id).lean<ImportCursorRecord>();
    if (existing) return existing;
    await ImportCursorModel.create({ _id: id, createdGte: 0, resume: null, updatedAt: at }).catch(
      (error: unknown) => {
        if (!isDuplicateKeyError(error)) throw error;
      },
    );
    return (await ImportCursorModel.findById(id).lean<ImportCursorRecord>())!;
  }

  private async exceptionOrThrow(id: string): Promise<ReconciliationExceptionRecord> {
    const exception = await ReconciliationExceptionModel.findById(id).lean<ReconciliationExceptionRecord>();
    if (!exception) throw AppError.notFound('The exception');
    return exception;
  }

  private requireFinance(ctx: RequestContext) {
    if (ctx.system) return { userId: 'system', email: '', memberships: [] };
    const viewer = requireViewer(ctx);
    if (!seesWholeLedger(viewer)) throw AppError.forbidden('Only the platform’s finance staff reconcile.');
    return viewer;
  }
}

function documentOf(bt: Stripe.BalanceTransaction, at: Date): ImportedBalanceTransactionRecord {
  const currency: CurrencyCode = fromStripeCurrency(bt.currency);
  return {
    _id: bt.id,
    type: bt.type,
    source: typeof bt.source === 'string' ? bt.source : (bt.source?.id ?? null),
    payoutId: null,
    amountMinor: fromStripeAmount(Math.abs(bt.amount), currency) * Math.sign(bt.amount),
    feeMinor: fromStripeAmount(bt.fee, currency),
    netMinor: fromStripeAmount(Math.abs(bt.net), currency) * Math.sign(bt.net),
    currency,
    createdAtStripe: bt.created,
    status: 'UNMATCHED',
    matchedEntryIds: [],
    importedAt: at,
  };
}

const factsOf = (bt: ImportedBalanceTransactionRecord) => ({
  id: bt._id,
  type: bt.type,
  source: bt.source,
  netMinor: bt.netMinor,
  currency: bt.currency,
});

const statusOf = (result: MatchResult): ImportedBalanceTransactionRecord['status'] =>
  result.status === 'PENDING' ? 'UNMATCHED' : result.status;

function entryFacts(entry: JournalEntryRecord): EntryFacts {
  return {
    id: entry._id.toHexString(),
    idempotencyKey: entry.idempotencyKey,
    currency: entry.currency,
    cashNetMinor: entry.lines
      .filter((l) => l.account === 'CASH_IN_TRANSIT')
      .reduce((sum, l) => sum + l.debitMinor - l.creditMinor, 0),
    stripeIds: entry.stripeIds,
  };
}

async function insertIgnoringDuplicates(documents: ImportedBalanceTransactionRecord[]): Promise<number> {
  if (documents.length === 0) return 0;
  try {
    const inserted = await ImportedBalanceTransactionModel.insertMany(documents, { ordered: false });
    return inserted.length;
  } catch (error) {
    const bulk = error as {
      code?: number;
      writeErrors?: { code?: number }[];
      insertedDocs?: unknown[];
      result?: { insertedCount?: number };
    };
    const errors = bulk.writeErrors ?? [];
    if (bulk.code !== 11000 && !errors.every((e) => e.code === 11000)) throw error;
    return bulk.insertedDocs?.length ?? bulk.result?.insertedCount ?? 0;
  }
}

async function createOnce(exception: ReconciliationExceptionRecord): Promise<boolean> {
  try {
    await ReconciliationExceptionModel.create(exception);
    return true;
  } catch (error) {
    if (isDuplicateKeyError(error)) return false;
    throw error;
  }
}

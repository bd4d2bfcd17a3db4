import { Schema, model } from 'mongoose';

/**
 * Stripe's balance transactions and payouts as imported (amounts already in our minor units), each with where it
 * stands in reconciliation. Imported documents are Stripe's facts: reconciling never edits the ledger, it only
 * records matches and exceptions.
 */
export type ImportedBalanceTransactionRecord = {
  _id: string;
  type: string;
  source: string | null;
  payoutId: string | null;
  amountMinor: number;
  feeMinor: number;
  netMinor: number;
  currency: string;
  createdAtStripe: number;
  status: 'UNMATCHED' | 'MATCHED' | 'EXCEPTION';
  matchedEntryIds: string[];
  importedAt: Date;
};

const balanceTransactionSchema = new Schema(
  {
    _id: { type: String, required: true },
    type: { type: String, required: true },
    source: { type: String, default: null },
    payoutId: { type: String, default: null },
    amountMinor: { type: Number, required: true },
    feeMinor: { type: Number, required: true },
    netMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    createdAtStripe: { type: Number, required: true },
    status: { type: String, required: true },
    matchedEntryIds: { type: [String], default: [] },
    importedAt: { type: Date, required: true },
  },
  { collection: 'stripe_balance_transactions', versionKey: false },
);
balanceTransactionSchema.index({ status: 1 });
balanceTransactionSchema.index({ payoutId: 1 });
export const ImportedBalanceTransactionModel = model<ImportedBalanceTransactionRecord>(
  'ImportedBalanceTransaction',
  balanceTransactionSchema,
);

export type ImportedPayoutRecord = {
  _id: string;
  amountMinor: number;
  currency: string;
  status: string;
  arrivalDate: string;
  createdAtStripe: number;
  importedAt: Date;
};

const payoutSchema = new Schema(
  {
    _id: { type: String, required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    status: { type: String, required: true },
    arrivalDate: { type: String, required: true },
    createdAtStripe: { type: Number, required: true },
    importedAt: { type: Date, required: true },
  },
  { collection: 'stripe_payouts', versionKey: false },
);
export const ImportedPayoutModel = model<ImportedPayoutRecord>('ImportedPayout', payoutSchema);

/**
 * Where an import stands: `createdGte` is the low-water mark of the next import; `resume` is set while an import
 * is under way (the last id handed over page by page), so that one killed halfway goes on from its last page.
 */
export type ImportCursorRecord = {
  _id: string;
  createdGte: number;
  resume: { startingAfter: string; maxCreated: number } | null;
  updatedAt: Date;
};
const cursorSchema = new Schema(
  {
    _id: { type: String, required: true },
    createdGte: { type: Number, required: true },
    resume: { type: Schema.Types.Mixed, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'reconciliation_cursors', versionKey: false, minimize: false },
);
export const ImportCursorModel = model<ImportCursorRecord>('ImportCursor', cursorSchema);

export const EXCEPTION_REASONS = [
  'MISSING_IN_LEDGER',
  'AMOUNT_MISMATCH',
  'CURRENCY_MISMATCH',
  'MISSING_IN_STRIPE',
] as const;
export type ExceptionReason = (typeof EXCEPTION_REASONS)[number];

/**
 * Something that did not reconcile, once per problem (`<reason>:<stripe or ledger id>`). Finance resolves it with a
 * note; the notes are the audit trail. The ledger is never edited from here: a correction is a reversing entry,
 * posted by whoever fixes the cause.
 */
export type ReconciliationExceptionRecord = {
  _id: string;
  reason: ExceptionReason;
  stripeId: string | null;
  entryIds: string[];
  expectedMinor: number | null;
  actualMinor: number | null;
  currency: string;
  description: string;
  /** Who is to look at it: a user id once someone takes it, the platform's finance team until then. */
  owner: string;
  status: 'OPEN' | 'RESOLVED';
  openedAt: Date;
  resolvedAt: Date | null;
  notes: { byUserId: string; at: Date; text: string }[];
};

const exceptionSchema = new Schema(
  {
    _id: { type: String, required: true },
    reason: { type: String, required: true },
    stripeId: { type: String, default: null },
    entryIds: { type: [String], default: [] },
    expectedMinor: { type: Number, default: null },
    actualMinor: { type: Number, default: null },
    currency: { type: String, required: true },
    description: { type: String, required: true },
    owner: { type: String, required: true },
    status: { type: String, required: true },
    openedAt: { type: Date, required: true },
    resolvedAt: { type: Date, default: null },
    notes: { type: [Schema.Types.Mixed], default: [] },
  },
  { collection: 'reconciliation_exceptions', versionKey: false, minimize: false },
);
exceptionSchema.index({ status: 1 });
export const ReconciliationExceptionModel = model<ReconciliationExceptionRecord>(
  'ReconciliationException',
  exceptionSchema,
);

import { Schema, model, type Types } from 'mongoose';
import { LEDGER_ACCOUNTS, type LedgerAccount } from './ledger-accounts';
import { CAUSE_KINDS, type EntryCause, type JournalLine } from './journal-entry';

/**
 * One journal entry, with all its lines, is one document: it is written once, by one insert under its unique
 * idempotency key, and never updated or deleted (a correction is another entry that reverses it).
 *
 * The query arrays (`contractIds`, `organizationIds`, `accounts`, `stripeIds`) repeat what the lines say at the top
 * level, because FerretDB v1 hands an equality filter on a top-level field, array membership included, to
 * PostgreSQL (where a GIN index serves it), but evaluates dotted paths such as `lines.contractId` itself after
 * reading every document (measured in `scripts/bench-ledger.ts`).
 */
export type JournalEntryRecord = {
  _id: Types.ObjectId;
  idempotencyKey: string;
  /** Calendar day, YYYY-MM-DD: balances as of a date count the entries effective on or before it. */
  effectiveDate: string;
  /** When the entry was written. */
  postedAt: Date;
  cause: EntryCause;
  memo: string;
  currency: string;
  lines: JournalLine[];
  /** The entry this one reverses, if it is a reversal. */
  reverses: Types.ObjectId | null;
  contractIds: string[];
  organizationIds: string[];
  accounts: LedgerAccount[];
  stripeIds: string[];
};

const lineSchema = new Schema(
  {
    account: { type: String, enum: LEDGER_ACCOUNTS, required: true },
    contractId: { type: String, default: null },
    organizationId: { type: String, default: null },
    debitMinor: { type: Number, required: true },
    creditMinor: { type: Number, required: true },
  },
  { _id: false },
);

const journalEntrySchema = new Schema(
  {
    idempotencyKey: { type: String, required: true, unique: true },
    effectiveDate: { type: String, required: true },
    postedAt: { type: Date, required: true },
    cause: {
      kind: { type: String, enum: CAUSE_KINDS, required: true },
      id: { type: String, required: true },
    },
    memo: { type: String, default: '' },
    currency: { type: String, required: true },
    lines: { type: [lineSchema], required: true },
    reverses: { type: Schema.Types.ObjectId, default: null },
    contractIds: { type: [String], default: [] },
    organizationIds: { type: [String], default: [] },
    accounts: { type: [String], default: [] },
    stripeIds: { type: [String], default: [] },
  },
  { collection: 'journal_entries', versionKey: false, minimize: false },
);
journalEntrySchema.index({ contractIds: 1 });
journalEntrySchema.index({ organizationIds: 1 });
journalEntrySchema.index({ accounts: 1 });
journalEntrySchema.index({ stripeIds: 1 });

export const JournalEntryModel = model<JournalEntryRecord>('JournalEntry', journalEntrySchema);

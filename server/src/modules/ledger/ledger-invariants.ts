import { translate } from '../../i18n/translate';
import { ObligationModel } from '../contracts/contract.model';
import { denormalise, entryShapeProblems, lineTotals, type JournalLine } from './journal-entry';
import { JournalEntryModel, type JournalEntryRecord } from './journal-entry.model';

/**
 * What must always hold of the ledger, checked over what is stored (so that a bug, a manual write or a migration
 * that slipped past `LedgerService.post` is found). `scripts/ledger-check.ts` and the tests run these.
 */
export type LedgerViolation = {
  invariant: string;
  message: string;
  entryId?: string;
  idempotencyKey?: string;
  contractId?: string;
  currency?: string;
};

/** The structural problems of one stored entry: its shape, its balance, and its query arrays against its lines. */
export function entryViolations(record: JournalEntryRecord): LedgerViolation[] {
  const about = { entryId: record._id.toHexString(), idempotencyKey: record.idempotencyKey };
  const shape = entryShapeProblems(record);
  const violations = shape.map((p): LedgerViolation => ({
    invariant: 'ENTRY_WELL_FORMED',
    message: `${p.field}: ${translate('en', p)}`,
    ...about,
  }));
  if (shape.length > 0) return violations;

  const totals = lineTotals(record.lines);
  if (totals.debitMinor !== totals.creditMinor)
    violations.push({
      invariant: 'ENTRY_BALANCES',
      message: `Debits ${totals.debitMinor} ≠ credits ${totals.creditMinor} ${record.currency} minor units.`,
      currency: record.currency,
      ...about,
    });
  const expected = denormalise(record.lines as JournalLine[]);
  for (const field of ['contractIds', 'organizationIds', 'accounts'] as const) {
    const stored = [...(record[field] ?? [])].sort();
    if (JSON.stringify(stored) !== JSON.stringify(expected[field]))
      violations.push({
        invariant: 'ENTRY_WELL_FORMED',
        message: `${field} is ${JSON.stringify(stored)} but the lines say ${JSON.stringify(expected[field])}.`,
        ...about,
      });
  }
  if ((record.cause.kind === 'REVERSAL') !== Boolean(record.reverses))
    violations.push({
      invariant: 'ENTRY_WELL_FORMED',
      message: 'A reversal, and only a reversal, names the entry it reverses.',
      ...about,
    });
  return violations;
}

/**
 * Every stored entry is well-formed and balances (each entry is in one currency, so this is per currency), and no
 * two entries share an idempotency key (the unique index makes it so; checked in case an index went missing).
 */
export async function ledgerInvariants(
  options: { progress?: (entriesChecked: number) => void } = {},
): Promise<LedgerViolation[]> {
  const violations: LedgerViolation[] = [];
  const keys = new Map<string, string>();
  let checked = 0;
  for await (const record of JournalEntryModel.find().lean<JournalEntryRecord>().cursor()) {
    violations.push(...entryViolations(record));
    const id = record._id.toHexString();
    const first = keys.get(record.idempotencyKey);
    if (first)
      violations.push({
        invariant: 'IDEMPOTENCY_KEY_UNIQUE',
        message: `Entries ${first} and ${id} share the key.`,
        entryId: id,
        idempotencyKey: record.idempotencyKey,
      });
    else keys.set(record.idempotencyKey, id);
    checked++;
    if (checked % 1000 === 0) options.progress?.(checked);
  }
  options.progress?.(checked);
  return violations;
}

/**
 * For every contract and currency, the contract's RECEIVABLE balance (all entries, whatever their date) equals the
 * sum of its obligations that are DUE or OVERDUE. Read while billing is quiet: a payment landing between the two
 * reads shows up as a difference that the next run no longer finds.
 */
export async function checkReceivablesMatchObligations(): Promise<LedgerViolation[]> {
  const receivable = new Map<string, bigint>();
  const unpaid = new Map<string, bigint>();
  const keyOf = (contractId: string, currency: string) => `${contractId} ${currency}`;

  const entries = JournalEntryModel.find({ accounts: 'RECEIVABLE' })
    .select({ currency: 1, lines: 1 })
    .lean<JournalEntryRecord>()
    .cursor();
  for await (const entry of entries) {
    for (const line of entry.lines) {
      if (line.account !== 'RECEIVABLE' || !line.contractId) continue;
      const key = keyOf(line.contractId, entry.currency);
      receivable.set(key, (receivable.get(key) ?? 0n) + BigInt(line.debitMinor) - BigInt(line.creditMinor));
    }
  }
  for (const status of ['DUE', 'OVERDUE'] as const) {
    // One equality query per status: FerretDB hands equality to PostgreSQL, not `$in`.
    const obligations = ObligationModel.find({ status })
      .select({ contractId: 1, currency: 1, amountMinor: 1 })
      .lean<{ contractId: { toHexString(): string }; currency: string; amountMinor: number }>()
      .cursor();
    for await (const obligation of obligations) {
      const key = keyOf(obligation.contractId.toHexString(), obligation.currency);
      unpaid.set(key, (unpaid.get(key) ?? 0n) + BigInt(obligation.amountMinor));
    }
  }

  const violations: LedgerViolation[] = [];
  for (const key of [...new Set([...receivable.keys(), ...unpaid.keys()])].sort()) {
    const [contractId, currency] = key.split(' ');
    const inLedger = receivable.get(key) ?? 0n;
    const owed = unpaid.get(key) ?? 0n;
    if (inLedger !== owed)
      violations.push({
        invariant: 'RECEIVABLE_MATCHES_OBLIGATIONS',
        message: `The receivable is ${inLedger} but the unpaid due obligations come to ${owed} ${currency} minor units.`,
        contractId,
        currency,
      });
  }
  return violations;
}

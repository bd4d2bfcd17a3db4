import { systemClock } from '../../common/clock';
import { systemContext } from '../../common/request-context';
import type { JournalEntryInput } from '../ledger/journal-entry';
import { JournalEntryModel, type JournalEntryRecord } from '../ledger/journal-entry.model';
import type { LedgerService } from '../ledger/ledger.service';
import type { LedgerPort } from './collection.service';

/** Billing's view of the ledger: it posts as the platform and asks what it already recognised. */
export function ledgerPortOf(ledger: LedgerService): LedgerPort {
  const ctx = systemContext(systemClock, 'billing');
  return {
    post: (posting) => ledger.post(ctx, posting as JournalEntryInput),
    hasEntry: async (key) => Boolean(await ledger.findByIdempotencyKey(key)),
    recognisedDueMinor: async (contractId, obligationId) => {
      // An equality query on the contract (indexed), then the obligation's own entries among them.
      const entries = await JournalEntryModel.find({ contractIds: contractId }).lean<JournalEntryRecord[]>();
      return entries
        .filter((e) => e.cause.kind === 'OBLIGATION_DUE' && e.cause.id === obligationId)
        .flatMap((e) => e.lines)
        .filter((l) => l.account === 'RECEIVABLE')
        .reduce((sum, l) => sum + l.debitMinor - l.creditMinor, 0);
    },
  };
}

import { normalBalance, normalSideOf } from './ledger-accounts';
import type { AccountBalance } from './ledger-balance';
import type { VisibleEntry } from './ledger.service';
import type { LedgerBalance, LedgerEntry } from './ledger.types';

export function toLedgerEntry({ entry, lines, complete }: VisibleEntry): LedgerEntry {
  return {
    id: entry.id,
    idempotencyKey: entry.idempotencyKey,
    effectiveDate: entry.effectiveDate,
    postedAt: entry.postedAt,
    cause: { kind: entry.cause.kind, id: entry.cause.id },
    memo: entry.memo,
    currency: entry.currency,
    lines: lines.map((l) => ({
      account: l.account,
      contractId: l.contractId,
      organizationId: l.organizationId,
      debitMinor: l.debitMinor,
      creditMinor: l.creditMinor,
    })),
    complete,
    reverses: entry.reverses?.toHexString() ?? null,
    stripeIds: [...entry.stripeIds],
  };
}

export function toLedgerBalance(balance: AccountBalance): LedgerBalance {
  return {
    ...balance,
    normalSide: normalSideOf(balance.account),
    normalBalanceMinor: normalBalance(balance.account, balance.balanceMinor),
  };
}

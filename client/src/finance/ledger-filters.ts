import { appendConnectionPage } from '../graphql/connection-page';
import { enumValues, isEnumValue } from '../graphql/enum-values';
import type {
  LedgerAccount,
  LedgerBalancesQueryVariables,
  LedgerEntriesQuery,
  LedgerEntriesQueryVariables,
} from '../graphql/generated/graphql';
import { isCalendarDate } from './report-dates';

/**
 * What the ledger page shows, as the address bar holds it so that a view of the books can be bookmarked and sent to
 * a colleague: `/finance/ledger?contract=…&organization=…&account=RECEIVABLE&from=2026-01-01&to=2026-03-31&asOf=…`.
 * Every filter is one the `ledgerEntries` query takes; `asOf` is the day the balances are read at.
 */
export type LedgerView = {
  contractId: string | null;
  organizationId: string | null;
  account: LedgerAccount | null;
  from: string | null;
  to: string | null;
  /** Null: today. */
  asOf: string | null;
};

export const LEDGER_PAGE_SIZE = 25;

const PARAM = {
  contractId: 'contract',
  organizationId: 'organization',
  account: 'account',
  from: 'from',
  to: 'to',
  asOf: 'asOf',
} as const;

// The chart of accounts in the order money flows through it: owed, collected, paid on, earned and spent.
export const LEDGER_ACCOUNTS = enumValues<LedgerAccount>({
  RECEIVABLE: true,
  CASH_IN_TRANSIT: true,
  LICENSOR_PAYABLE: true,
  PLATFORM_FEE_REVENUE: true,
  LATE_INTEREST_INCOME: true,
  STRIPE_FEES: true,
  REFUNDS: true,
  DISPUTES: true,
  BANK: true,
});

export const EMPTY_LEDGER_VIEW: LedgerView = {
  contractId: null,
  organizationId: null,
  account: null,
  from: null,
  to: null,
  asOf: null,
};

/**
 * Reads the view from a query string. What an old link or a hand-edited address may carry (an unknown account, a
 * date that is no day) is dropped rather than sent to the server to be refused; a range given backwards is turned
 * round.
 */
export function parseLedgerView(params: URLSearchParams): LedgerView {
  const id = (name: string) => params.get(name)?.trim() || null;
  const day = (name: string) => {
    const value = params.get(name)?.trim();
    return value && isCalendarDate(value) ? value : null;
  };
  const account = params.get(PARAM.account);
  let from = day(PARAM.from);
  let to = day(PARAM.to);
  if (from && to && from > to) [from, to] = [to, from];
  return {
    contractId: id(PARAM.contractId),
    organizationId: id(PARAM.organizationId),
    account: isEnumValue(account, LEDGER_ACCOUNTS) ? account : null,
    from,
    to,
    asOf: day(PARAM.asOf),
  };
}

/** The query string of a view, in a fixed order and without empty parts, so that equal views have equal addresses. */
export function ledgerViewParams(view: LedgerView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of Object.keys(PARAM) as (keyof LedgerView)[]) {
    const value = view[key];
    if (value) params.set(PARAM[key], value);
  }
  return params;
}

/** How many filters narrow the entries (the balances' day is not one). */
export function activeLedgerFilters(view: LedgerView): number {
  return [view.contractId, view.organizationId, view.account, view.from, view.to].filter(Boolean).length;
}

/** The variables of LedgerEntries: newest first, empty filters left out. */
export function ledgerEntriesVariables(view: LedgerView): LedgerEntriesQueryVariables {
  const filter: NonNullable<LedgerEntriesQueryVariables['filter']> = {};
  if (view.contractId) filter.contractId = view.contractId;
  if (view.organizationId) filter.organizationId = view.organizationId;
  if (view.account) filter.account = view.account;
  if (view.from) filter.from = view.from;
  if (view.to) filter.to = view.to;
  return {
    ...(Object.keys(filter).length ? { filter } : {}),
    first: LEDGER_PAGE_SIZE,
    order: 'NEWEST_FIRST',
  };
}

/** The variables of LedgerBalances: the same contract and organisation as the entries, on the chosen day. */
export function ledgerBalancesVariables(view: LedgerView, today: string): LedgerBalancesQueryVariables {
  return {
    asOf: view.asOf ?? today,
    ...(view.contractId ? { contractId: view.contractId } : {}),
    ...(view.organizationId ? { organizationId: view.organizationId } : {}),
  };
}

/** The next page of entries after those already shown; the server's totals and page info are the newest. */
export function appendLedgerPage(shown: LedgerEntriesQuery, next: LedgerEntriesQuery): LedgerEntriesQuery {
  return { ledgerEntries: appendConnectionPage(shown.ledgerEntries, next.ledgerEntries) };
}

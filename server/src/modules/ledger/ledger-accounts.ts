/**
 * The chart of accounts. Every amount the platform touches sits in one of these; a journal entry moves it between
 * them. Balances are kept debit-positive (debits minus credits); `normalBalance` turns that into the number a
 * finance person expects to read on the account's normal side (a receivable of 100 reads 100, and so does a payable
 * of 100).
 */
export const LEDGER_ACCOUNTS = [
  'RECEIVABLE',
  'CASH_IN_TRANSIT',
  'LICENSOR_PAYABLE',
  'PLATFORM_FEE_REVENUE',
  'STRIPE_FEES',
  'LATE_INTEREST_INCOME',
  'BANK',
  'REFUNDS',
  'DISPUTES',
] as const;
export type LedgerAccount = (typeof LEDGER_ACCOUNTS)[number];

export type NormalSide = 'DEBIT' | 'CREDIT';

/**
 * Who a line on the account belongs to:
 * - `CONTRACT`: one contract and one organisation (the licensee's for a receivable, the licensor's for what is owed
 *   to it); both ids are required, so that every contract and every organisation has its own balance;
 * - `PLATFORM`: the platform's own money; a contract id may say what it came from, but no organisation owns it;
 * - `EITHER`: the platform's, optionally traced to a contract and the organisation concerned.
 */
export type AccountScope = 'CONTRACT' | 'PLATFORM' | 'EITHER';

export type AccountDefinition = { normalSide: NormalSide; scope: AccountScope; meaning: string };

export const ACCOUNT_DEFINITIONS: Readonly<Record<LedgerAccount, AccountDefinition>> = {
  RECEIVABLE: {
    normalSide: 'DEBIT',
    scope: 'CONTRACT',
    meaning:
      "What a licensee owes under a contract: debited when an obligation falls due, credited when it is paid. Line organisation: the licensee's.",
  },
  CASH_IN_TRANSIT: {
    normalSide: 'DEBIT',
    scope: 'PLATFORM',
    meaning:
      "The platform's money held at Stripe: debited when a payment succeeds, credited by transfers to licensors, Stripe's fees, refunds, disputes and payouts to the bank.",
  },
  LICENSOR_PAYABLE: {
    normalSide: 'CREDIT',
    scope: 'CONTRACT',
    meaning:
      "What the platform owes a licensor under a contract: credited with the licensor's share when an obligation falls due, debited when it is transferred. Line organisation: the licensor's.",
  },
  PLATFORM_FEE_REVENUE: {
    normalSide: 'CREDIT',
    scope: 'PLATFORM',
    meaning: "The platform's fee on each payment, earned by the platform.",
  },
  STRIPE_FEES: {
    normalSide: 'DEBIT',
    scope: 'PLATFORM',
    meaning: "Stripe's processing fees, an expense of the platform (from each balance transaction).",
  },
  LATE_INTEREST_INCOME: {
    normalSide: 'CREDIT',
    scope: 'CONTRACT',
    meaning:
      "Late interest charged on an overdue obligation, earned for the licensor of the contract. Line organisation: the licensor's.",
  },
  BANK: {
    normalSide: 'DEBIT',
    scope: 'PLATFORM',
    meaning: "The platform's bank account: debited when a Stripe payout arrives.",
  },
  REFUNDS: {
    normalSide: 'DEBIT',
    scope: 'EITHER',
    meaning: 'Money given back to licensees by refund: debited by each refund, reducing what was collected.',
  },
  DISPUTES: {
    normalSide: 'DEBIT',
    scope: 'EITHER',
    meaning:
      'Money withdrawn by card disputes: debited when a dispute takes the funds, credited if the dispute is won.',
  },
};

export function isLedgerAccount(value: unknown): value is LedgerAccount {
  return typeof value === 'string' && Object.hasOwn(ACCOUNT_DEFINITIONS, value);
}

export function normalSideOf(account: LedgerAccount): NormalSide {
  return ACCOUNT_DEFINITIONS[account].normalSide;
}

/** A debit-positive balance as read on the account's normal side: a credit-normal account holding 100 reads 100. */
export function normalBalance(account: LedgerAccount, debitPositiveMinor: number): number {
  // `0 - x` rather than `-x`, so that an empty balance is 0 and not -0.
  return normalSideOf(account) === 'DEBIT' ? debitPositiveMinor : 0 - debitPositiveMinor;
}

import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import { ACCOUNT_DEFINITIONS, LEDGER_ACCOUNTS, type LedgerAccount, type NormalSide } from './ledger-accounts';
import { CAUSE_KINDS, type CauseKind } from './journal-entry';

export const LedgerAccountEnum = enumObject(LEDGER_ACCOUNTS);
registerEnumType(LedgerAccountEnum, {
  name: 'LedgerAccount',
  description: 'An account of the double-entry ledger.',
  valuesConfig: Object.fromEntries(
    LEDGER_ACCOUNTS.map((a) => [
      a,
      { description: `${ACCOUNT_DEFINITIONS[a].meaning} Normal side: ${ACCOUNT_DEFINITIONS[a].normalSide}.` },
    ]),
  ),
});

export const NormalSideEnum = enumObject(['DEBIT', 'CREDIT'] as const);
registerEnumType(NormalSideEnum, {
  name: 'NormalSide',
  description: 'The side on which an account normally holds its balance.',
  valuesConfig: {
    DEBIT: { description: 'Assets and expenses: debits increase the balance.' },
    CREDIT: { description: 'Liabilities and income: credits increase the balance.' },
  },
});

export const LedgerCauseKindEnum = enumObject(CAUSE_KINDS);
registerEnumType(LedgerCauseKindEnum, {
  name: 'LedgerCauseKind',
  description: 'Why a journal entry was posted.',
  valuesConfig: {
    OBLIGATION_DUE: { description: 'An obligation fell due: the licensee owes it.' },
    LATE_INTEREST: { description: 'Late interest accrued on an overdue obligation.' },
    PAYMENT: { description: 'A payment succeeded at Stripe.' },
    PLATFORM_FEE: { description: "The platform's fee on a payment." },
    STRIPE_FEE: { description: "Stripe's fee, from the payment's balance transaction." },
    TRANSFER: { description: "The licensor's share was transferred to its Stripe account." },
    REFUND: { description: 'A payment was refunded.' },
    DISPUTE: { description: 'A card dispute was opened or closed.' },
    PAYOUT: { description: "A Stripe payout reached (or failed to reach) the platform's bank." },
    REVERSAL: { description: 'A correction: the mirror image of an earlier entry.' },
  },
});

export const LEDGER_ENTRY_ORDERS = ['OLDEST_FIRST', 'NEWEST_FIRST'] as const;
export type LedgerEntryOrder = (typeof LEDGER_ENTRY_ORDERS)[number];
export const LedgerEntryOrderEnum = enumObject(LEDGER_ENTRY_ORDERS);
registerEnumType(LedgerEntryOrderEnum, {
  name: 'LedgerEntryOrder',
  description: 'Which way a list of journal entries runs.',
  valuesConfig: {
    OLDEST_FIRST: { description: 'Ledger order: effective date, then posting time.' },
    NEWEST_FIRST: {
      description: 'Ledger order reversed: the latest effective date first, as a journal is browsed.',
    },
  },
});

@ObjectType({ description: 'Why an entry exists: a kind and the id of what caused it.' })
export class LedgerCause {
  @Field(() => LedgerCauseKindEnum, { description: 'What happened.' })
  kind!: CauseKind;
  @Field(() => String, {
    description: "Our id (obligation, journal entry) or Stripe's (payment intent, refund, payout...).",
  })
  id!: string;
}

@ObjectType({ description: 'One line of a journal entry: a debit or a credit to one account.' })
export class LedgerLine {
  @Field(() => LedgerAccountEnum, { description: 'The account.' })
  account!: LedgerAccount;
  @Field(() => ID, { nullable: true, description: 'The contract the amount belongs to, if any.' })
  contractId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The organisation the amount belongs to, if any.' })
  organizationId!: string | null;
  @Field(() => GraphQLSafeInt, {
    description: 'Debit in minor units of the entry currency (0 on a credit line).',
  })
  debitMinor!: number;
  @Field(() => GraphQLSafeInt, {
    description: 'Credit in minor units of the entry currency (0 on a debit line).',
  })
  creditMinor!: number;
}

@ObjectType({
  description: 'A journal entry: lines whose debits equal their credits, posted once, never changed.',
})
export class LedgerEntry {
  @Field(() => ID, { description: 'The entry id.' })
  id!: string;
  @Field(() => String, { description: 'The key that makes the entry once-only.' })
  idempotencyKey!: string;
  @Field(() => String, { description: 'The day it counts from in balances, YYYY-MM-DD.' })
  effectiveDate!: string;
  @Field(() => Date, { description: 'When it was written.' })
  postedAt!: Date;
  @Field(() => LedgerCause, { description: 'Why it was posted.' })
  cause!: LedgerCause;
  @Field(() => String, { description: 'A note for people.' })
  memo!: string;
  @Field(() => String, { description: 'ISO 4217 currency of every line.' })
  currency!: string;
  @Field(() => [LedgerLine], { description: 'The lines you may see.' })
  lines!: LedgerLine[];
  @Field(() => Boolean, {
    description:
      "Whether `lines` is the whole entry; false when lines belonging to others (the other party's, the platform's) are left out.",
  })
  complete!: boolean;
  @Field(() => ID, { nullable: true, description: 'The entry this one reverses, if it is a reversal.' })
  reverses!: string | null;
  @Field(() => [String], { description: 'The Stripe objects the entry stands for.' })
  stripeIds!: string[];
}

export const LedgerEntryConnection = connectionOf(LedgerEntry, 'LedgerEntry', 'journal entry');

@ObjectType({ description: 'What one account holds in one currency as of a date.' })
export class LedgerBalance {
  @Field(() => LedgerAccountEnum, { description: 'The account.' })
  account!: LedgerAccount;
  @Field(() => NormalSideEnum, { description: 'The side on which the account normally holds its balance.' })
  normalSide!: NormalSide;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, { description: 'Sum of the debits, minor units.' })
  debitMinor!: number;
  @Field(() => GraphQLSafeInt, { description: 'Sum of the credits, minor units.' })
  creditMinor!: number;
  @Field(() => GraphQLSafeInt, { description: 'Debits minus credits, minor units.' })
  balanceMinor!: number;
  @Field(() => GraphQLSafeInt, {
    description: 'The balance read on the normal side: a payable of 100 reads 100, not -100.',
  })
  normalBalanceMinor!: number;
}

@InputType({ description: 'Which journal entries to list; every condition given must hold.' })
export class LedgerEntryFilter {
  @Field(() => ID, { nullable: true, description: 'Entries with a line on this contract.' })
  contractId?: string | null;
  @Field(() => ID, {
    nullable: true,
    description:
      'Entries with a line of this organisation (finance staff of several organisations must name one).',
  })
  organizationId?: string | null;
  @Field(() => LedgerAccountEnum, { nullable: true, description: 'Entries with a line on this account.' })
  account?: LedgerAccount | null;
  @Field(() => String, { nullable: true, description: 'Effective on or after this day, YYYY-MM-DD.' })
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'Effective on or before this day, YYYY-MM-DD.' })
  to?: string | null;
}

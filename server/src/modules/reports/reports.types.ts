import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import { Obligation } from '../contracts/contract.types';
import { LedgerCause, LedgerLine } from '../ledger/ledger.types';
import { AGEING_BUCKETS, type AgeingBucket } from './receivables-ageing';
import { REPORT_PERIODS, type ReportPeriod } from './report-amounts';

export const AgeingBucketEnum = enumObject(AGEING_BUCKETS);
registerEnumType(AgeingBucketEnum, {
  name: 'AgeingBucket',
  description: 'How long an obligation has been due and unpaid, in days after its due date.',
  valuesConfig: {
    CURRENT: { description: 'Due on the day of the report: 0 days past due.' },
    DAYS_1_30: { description: '1 to 30 days past due.' },
    DAYS_31_60: { description: '31 to 60 days past due.' },
    DAYS_61_90: { description: '61 to 90 days past due.' },
    OVER_90: { description: '91 days or more past due.' },
  },
});

export const ReportPeriodEnum = enumObject(REPORT_PERIODS);
registerEnumType(ReportPeriodEnum, {
  name: 'ReportPeriod',
  description: 'How a report groups days into periods.',
  valuesConfig: {
    MONTH: { description: 'Calendar months, named YYYY-MM.' },
    QUARTER: { description: 'Calendar quarters from January, April, July and October, named YYYY-Qn.' },
  },
});

@ObjectType({ description: 'Unpaid due amounts in one currency, per ageing bucket, in minor units.' })
export class AgeingAmounts {
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, { description: 'Due on the day of the report.' })
  currentMinor!: number;
  @Field(() => GraphQLSafeInt, { description: '1 to 30 days past due.' })
  days1To30Minor!: number;
  @Field(() => GraphQLSafeInt, { description: '31 to 60 days past due.' })
  days31To60Minor!: number;
  @Field(() => GraphQLSafeInt, { description: '61 to 90 days past due.' })
  days61To90Minor!: number;
  @Field(() => GraphQLSafeInt, { description: '91 days or more past due.' })
  over90Minor!: number;
  @Field(() => GraphQLSafeInt, { description: 'All buckets together.' })
  totalMinor!: number;
}

@ObjectType({
  description: 'What one organisation is owed (as licensor) or owes (as licensee), in one currency.',
})
export class AgeingGroup {
  @Field(() => ID, { description: 'The organisation.' })
  organizationId!: string;
  @Field(() => String, { description: "The organisation's name." })
  organizationName!: string;
  @Field(() => Int, { description: 'How many unpaid obligations.' })
  obligationCount!: number;
  @Field(() => AgeingAmounts, { description: 'The amounts by bucket.' })
  amounts!: AgeingAmounts;
}

export const AgeingGroupConnection = connectionOf(AgeingGroup, 'AgeingGroup', 'ageing group');

/**
 * The contract an aged amount is owed under, and its two parties: the fields the ageing's items and per-contract
 * rows share. Decorated so that type-graphql lets them inherit its fields; nothing returns it, so the schema has no
 * type of this name.
 */
@ObjectType()
class OwedUnderContract {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;
  @Field(() => String, { description: 'The contract number.' })
  contractNumber!: string;
  @Field(() => ID, { description: 'Who is owed.' })
  licensorId!: string;
  @Field(() => String, { description: "The licensor's name." })
  licensorName!: string;
  @Field(() => ID, { description: 'Who owes.' })
  licenseeId!: string;
  @Field(() => String, { description: "The licensee's name." })
  licenseeName!: string;
}

@ObjectType({ description: 'One unpaid due obligation, aged.' })
export class AgeingItem extends OwedUnderContract {
  @Field(() => ID, { description: 'The obligation.' })
  obligationId!: string;
  @Field(() => String, { description: 'Its key within the contract, e.g. INSTALLMENT:3.' })
  obligationKey!: string;
  @Field(() => String, { description: 'What is owed: UPFRONT, INSTALLMENT, ROYALTY, LATE_INTEREST...' })
  kind!: string;
  @Field(() => String, { description: 'DUE or OVERDUE.' })
  status!: string;
  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' })
  dueDate!: string;
  @Field(() => Int, { description: 'Days from the due date to the report date; 0 on the due date.' })
  daysPastDue!: number;
  @Field(() => AgeingBucketEnum, { description: 'The bucket those days fall in.' })
  bucket!: AgeingBucket;
  @Field(() => GraphQLSafeInt, { description: 'Amount in minor units of `currency`.' })
  amountMinor!: number;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
}

export const AgeingItemConnection = connectionOf(AgeingItem, 'AgeingItem', 'aged obligation');

@ObjectType({ description: 'What is due and unpaid under one contract, in one currency.' })
export class ContractAgeing extends OwedUnderContract {
  @Field(() => Int, { description: 'How many unpaid obligations.' })
  obligationCount!: number;
  @Field(() => AgeingAmounts, { description: 'The amounts by bucket.' })
  amounts!: AgeingAmounts;
}

export const ContractAgeingConnection = connectionOf(ContractAgeing, 'ContractAgeing', 'contract ageing');

/**
 * Which patent a report's amounts belong to: the fields the per-patent reports share. Decorated so that type-graphql
 * lets them inherit its fields; nothing returns it, so the schema has no type of this name.
 */
@ObjectType()
class AmountsOfOnePatent {
  @Field(() => ID, { nullable: true, description: 'The patent; null for amounts of a contract naming none.' })
  patentId!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The English title, or the Chinese one when there is none.',
  })
  title!: string | null;
  @Field(() => String, { nullable: true, description: 'The application number.' })
  applicationNumber!: string | null;
}

@ObjectType({
  description:
    "What is due and unpaid for one patent, in one currency: each unpaid obligation split evenly over its contract's patents (as the licensor distribution splits what is received), the odd minor units going to the first patents the contract lists, each piece in its obligation's bucket. A contract's pieces add up to its amounts exactly.",
})
export class PatentAgeing extends AmountsOfOnePatent {
  @Field(() => ID, { description: 'The licensor, who owns the patent and is owed.' })
  licensorId!: string;
  @Field(() => String, { description: "The licensor's name." })
  licensorName!: string;
  @Field(() => Int, { description: 'How many unpaid obligations have a share in these amounts.' })
  obligationCount!: number;
  @Field(() => AgeingAmounts, { description: "The patent's share, by bucket." })
  amounts!: AgeingAmounts;
}

export const PatentAgeingConnection = connectionOf(PatentAgeing, 'PatentAgeing', 'patent ageing');

@ObjectType({
  description:
    'Receivables ageing: obligations due and unpaid as of a date (status DUE or OVERDUE, due on or before it), by days past due, per currency.',
})
export class ReceivablesAgeing {
  @Field(() => String, { description: 'The report date, YYYY-MM-DD.' })
  asOf!: string;
  @Field(() => ID, {
    nullable: true,
    description:
      'The organisation whose contracts (as either party) the report covers; null for all of them.',
  })
  organizationId!: string | null;
  @Field(() => [AgeingAmounts], { description: 'Per currency, over every obligation in the report.' })
  totals!: AgeingAmounts[];

  /** The whole report, paged by the field resolvers. */
  items!: AgeingItem[];
  byLicensor!: AgeingGroup[];
  byLicensee!: AgeingGroup[];
  byContract!: ContractAgeing[];
  byPatent!: PatentAgeing[];
}

@ObjectType({ description: "A contract's receivable in one currency." })
export class CurrencyBalance {
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, {
    description: 'Debit-positive balance in minor units: what the licensee owes.',
  })
  balanceMinor!: number;
}

@ObjectType({ description: "One journal entry on a contract's statement." })
export class ContractStatementRow {
  @Field(() => ID, { description: 'The journal entry.' })
  entryId!: string;
  @Field(() => String, { description: 'The day it counts from, YYYY-MM-DD.' })
  effectiveDate!: string;
  @Field(() => Date, { description: 'When it was written.' })
  postedAt!: Date;
  @Field(() => LedgerCause, { description: 'Why it was posted.' })
  cause!: LedgerCause;
  @Field(() => String, { description: 'A note for people.' })
  memo!: string;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => [LedgerLine], {
    description: "The lines you may see: all for the platform, a party's own lines for a party.",
  })
  lines!: LedgerLine[];
  @Field(() => Boolean, { description: 'Whether `lines` is the whole entry.' })
  complete!: boolean;
  @Field(() => GraphQLSafeInt, {
    description: "What the entry did to the contract's receivable, minor units (a payment is negative).",
  })
  receivableChangeMinor!: number;
  @Field(() => GraphQLSafeInt, { description: "The contract's receivable after the entry, minor units." })
  runningReceivableMinor!: number;
}

export const ContractStatementRowConnection = connectionOf(
  ContractStatementRow,
  'ContractStatementRow',
  'statement row',
);

@ObjectType({
  description:
    "A contract's statement: its journal entries in effective-date order with the running receivable, and its obligations.",
})
export class ContractStatement {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;
  @Field(() => String, { description: 'The contract number.' })
  contractNumber!: string;
  @Field(() => String, { description: 'The licence title.' })
  title!: string;
  @Field(() => ID, { description: 'The licensor.' })
  licensorId!: string;
  @Field(() => String, { description: "The licensor's name." })
  licensorName!: string;
  @Field(() => ID, { description: 'The licensee.' })
  licenseeId!: string;
  @Field(() => String, { description: "The licensee's name." })
  licenseeName!: string;
  @Field(() => [CurrencyBalance], { description: 'The receivable now, per currency.' })
  receivableBalances!: CurrencyBalance[];

  /** The whole statement, paged by the field resolvers. */
  entries!: ContractStatementRow[];
  obligations!: Obligation[];
}

@ObjectType({
  description: 'What a licensor received and what the platform withheld, in one currency, minor units.',
})
export class DistributionAmounts {
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, { description: 'Transferred to the licensor (its share), net of reversals.' })
  receivedMinor!: number;
  @Field(() => GraphQLSafeInt, { description: 'The platform fee withheld from the licensor.' })
  platformFeeMinor!: number;
  @Field(() => GraphQLSafeInt, { description: 'Received plus the fee: the share before the fee.' })
  grossMinor!: number;
}

@ObjectType({ description: 'What a licensor received under one contract.' })
export class ContractDistribution {
  @Field(() => ID, { description: 'The contract.' })
  contractId!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The contract number (null if the contract is unknown).',
  })
  contractNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'The licence title.' })
  title!: string | null;
  @Field(() => ID, { nullable: true, description: 'The licensee.' })
  licenseeId!: string | null;
  @Field(() => String, { nullable: true, description: "The licensee's name." })
  licenseeName!: string | null;
  @Field(() => DistributionAmounts, { description: 'The amounts.' })
  amounts!: DistributionAmounts;
}

export const ContractDistributionConnection = connectionOf(
  ContractDistribution,
  'ContractDistribution',
  'contract distribution',
);

@ObjectType({
  description:
    "What a licensor received for one patent: each payment split evenly over its contract's patents, the odd minor units going to the first patents the contract lists.",
})
export class PatentDistribution extends AmountsOfOnePatent {
  @Field(() => DistributionAmounts, { description: 'The amounts.' })
  amounts!: DistributionAmounts;
}

export const PatentDistributionConnection = connectionOf(
  PatentDistribution,
  'PatentDistribution',
  'patent distribution',
);

@ObjectType({ description: 'What a licensor received in one period.' })
export class PeriodDistribution {
  @Field(() => String, { description: 'The period: YYYY-MM or YYYY-Qn.' })
  period!: string;
  @Field(() => String, { description: 'Its first day, YYYY-MM-DD.' })
  start!: string;
  @Field(() => String, { description: 'Its last day, YYYY-MM-DD.' })
  end!: string;
  @Field(() => DistributionAmounts, { description: 'The amounts.' })
  amounts!: DistributionAmounts;
}

@ObjectType({
  description:
    "A licensor's distribution report: what it received (its share, transferred) and the platform fee withheld, in a date range, per contract, patent and period. Entries count on their effective date.",
})
export class LicensorDistribution {
  @Field(() => ID, { description: 'The licensor.' })
  licensorId!: string;
  @Field(() => String, { description: "The licensor's name." })
  licensorName!: string;
  @Field(() => String, { description: 'First day of the range, YYYY-MM-DD.' })
  from!: string;
  @Field(() => String, { description: 'Last day of the range, YYYY-MM-DD.' })
  to!: string;
  @Field(() => ReportPeriodEnum, { description: 'How `byPeriod` is grouped.' })
  period!: ReportPeriod;
  @Field(() => [DistributionAmounts], { description: 'Per currency, over the whole range.' })
  totals!: DistributionAmounts[];
  @Field(() => [PeriodDistribution], {
    description: 'Per period with any amount, in order, then per currency.',
  })
  byPeriod!: PeriodDistribution[];

  /** Paged by the field resolvers. */
  byContract!: ContractDistribution[];
  byPatent!: PatentDistribution[];
}

@ObjectType({ description: "The platform's revenue in one currency, minor units." })
export class RevenueAmounts {
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => GraphQLSafeInt, { description: 'Platform fees earned, net of refunds and reversals.' })
  platformFeeMinor!: number;
  @Field(() => GraphQLSafeInt, { description: "Stripe's fees, dispute fees included." })
  stripeFeesMinor!: number;
  @Field(() => GraphQLSafeInt, { description: "Platform fees less Stripe's fees." })
  netMinor!: number;
}

@ObjectType({ description: "The platform's revenue in one calendar month." })
export class RevenueMonth {
  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;
  @Field(() => RevenueAmounts, { description: 'The amounts.' })
  amounts!: RevenueAmounts;
}

@ObjectType({ description: "The platform's fee revenue less Stripe's fees, per month and currency." })
export class PlatformRevenue {
  @Field(() => String, { description: 'First day of the range, YYYY-MM-DD.' })
  from!: string;
  @Field(() => String, { description: 'Last day of the range, YYYY-MM-DD.' })
  to!: string;
  @Field(() => [RevenueMonth], { description: 'Months with any fee, in order, then per currency.' })
  months!: RevenueMonth[];
  @Field(() => [RevenueAmounts], { description: 'Per currency, over the whole range.' })
  totals!: RevenueAmounts[];
}

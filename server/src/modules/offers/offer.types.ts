import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import type { SmeSizeClass } from '../identity/organization.model';
import { SmeSizeClassEnum } from '../identity/identity.types';
import { connectionOf } from '../../graphql/connection';
import { LICENSE_KINDS, OFFER_STATES, type LicenseKind, type OfferState } from './offer.model';

export const LicenseKindEnum = enumObject(LICENSE_KINDS);
registerEnumType(LicenseKindEnum, {
  name: 'LicenseKind',
  description: 'How exclusive a licence is.',
  valuesConfig: {
    NON_EXCLUSIVE: { description: 'The licensor may license others too ("one to many").' },
    EXCLUSIVE: { description: 'Only the licensee may use it, not even the licensor.' },
    SOLE: { description: 'Only the licensee and the licensor may use it.' },
  },
});
export const OfferStateEnum = enumObject(OFFER_STATES);
registerEnumType(OfferStateEnum, {
  name: 'LicenseOfferState',
  description: 'Where an offer stands.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; only its institution sees it.' },
    PUBLISHED: { description: 'Open to SMEs.' },
    WITHDRAWN: { description: 'No longer open; contracts signed under it go on.' },
  },
});
export const CalendarPeriodEnum = enumObject(['MONTHLY', 'QUARTERLY', 'YEARLY'] as const);
registerEnumType(CalendarPeriodEnum, { name: 'CalendarPeriod', description: 'A calendar-aligned period.' });
export const FeeDueEnum = enumObject(['AT_SIGNING', 'END_OF_FREE_PERIOD', 'ON_DATE'] as const);
registerEnumType(FeeDueEnum, {
  name: 'FeeDue',
  description: 'When an upfront fee falls due (ON_DATE: on `onDate`).',
});
export const InstallmentStartEnum = enumObject([
  'END_OF_FREE_PERIOD',
  'AFTER_EFFECTIVE_DATE',
  'ON_DATE',
] as const);
registerEnumType(InstallmentStartEnum, {
  name: 'InstallmentStart',
  description:
    'When the first installment falls due (AFTER_EFFECTIVE_DATE: one period after it; ON_DATE: on `onDate`).',
});
export const RemainderPlacementEnum = enumObject(['FIRST', 'LAST'] as const);
registerEnumType(RemainderPlacementEnum, {
  name: 'RemainderPlacement',
  description: 'Which installments carry the minor units left over when a total does not split evenly.',
});
export const TierBasisEnum = enumObject(['CUMULATIVE', 'CONTRACT_YEAR'] as const);
registerEnumType(TierBasisEnum, {
  name: 'TierBasis',
  description: 'Whether royalty tiers count net sales since signing or restart each contract year.',
});
export const MilestoneTriggerEnum = enumObject([
  'FIRST_COMMERCIAL_SALE',
  'REGULATORY_APPROVAL',
  'CUMULATIVE_NET_SALES',
  'DATE',
] as const);
registerEnumType(MilestoneTriggerEnum, {
  name: 'MilestoneTrigger',
  description: 'The event that makes a milestone payment due.',
});

type Period = keyof typeof CalendarPeriodEnum;

// Output and input shapes of a payment plan mirror each other; both are declared so that the schema says exactly
// what a plan holds. Amounts are minor units of the plan's currency (SafeInt: beyond GraphQL's 32-bit Int).

@ObjectType({ description: 'A free-use period: the "use first" of use first, pay later.' })
@InputType('FreePeriodInput', { description: 'A free-use period.' })
export class FreePeriod {
  @Field(() => Int, { description: 'Months of free use from the effective date.' })
  months!: number;
  @Field(() => Boolean, { description: 'Whether the first reported revenue ends it early.' })
  endsOnFirstRevenue!: boolean;
}

@ObjectType({ description: 'A one-off fee.' })
@InputType('UpfrontFeeInput', { description: 'A one-off fee.' })
export class UpfrontFee {
  @Field(() => GraphQLSafeInt, { description: 'Amount in minor units.' })
  amountMinor!: number;
  @Field(() => FeeDueEnum, { description: 'When it falls due.' })
  due!: keyof typeof FeeDueEnum;
  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD) when `due` is ON_DATE.' })
  onDate?: string | null;
}

@ObjectType({ description: 'A fixed total paid in equal installments.' })
@InputType('InstallmentsInput', { description: 'A fixed total paid in equal installments.' })
export class Installments {
  @Field(() => GraphQLSafeInt, { description: 'The total, in minor units.' })
  totalMinor!: number;
  @Field(() => Int, { description: 'How many installments.' })
  count!: number;
  @Field(() => CalendarPeriodEnum, { description: 'How often.' })
  frequency!: Period;
  @Field(() => InstallmentStartEnum, { description: 'When the first falls due.' })
  firstDue!: keyof typeof InstallmentStartEnum;
  @Field(() => String, { nullable: true, description: 'The date (YYYY-MM-DD) when `firstDue` is ON_DATE.' })
  onDate?: string | null;
  @Field(() => RemainderPlacementEnum, { description: 'Which installments carry the odd minor units.' })
  remainder!: keyof typeof RemainderPlacementEnum;
}

@ObjectType({ description: 'A royalty tier: net sales in [from, to) pay `rateBps`.' })
@InputType('RoyaltyTierInput', { description: 'A royalty tier.' })
export class RoyaltyTier {
  @Field(() => GraphQLSafeInt, { description: 'Lower bound of net sales, inclusive, minor units.' })
  fromMinor!: number;
  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Upper bound, exclusive; null for the top tier.',
  })
  toMinor!: number | null;
  @Field(() => Int, { description: 'Rate in basis points of net sales (500 = 5 %).' })
  rateBps!: number;
}

@ObjectType({ description: 'A running royalty on reported net sales.' })
@InputType('RoyaltyTermsInput', { description: 'A running royalty.' })
export class RoyaltyTerms {
  @Field(() => [RoyaltyTier], { description: 'Marginal tiers, from 0 up, without gaps or overlaps.' })
  tiers!: RoyaltyTier[];
  @Field(() => TierBasisEnum, { description: 'What the tier bounds count.' })
  tierBasis!: keyof typeof TierBasisEnum;
}

@ObjectType({ description: 'A minimum annual royalty, credited against the year’s earned royalties.' })
@InputType('MinimumAnnualRoyaltyInput', { description: 'A minimum annual royalty.' })
export class MinimumAnnualRoyalty {
  @Field(() => GraphQLSafeInt, { description: 'Minimum per contract year, minor units.' })
  amountMinor!: number;
  @Field(() => Int, { description: 'The first contract year it applies to (1 = the first).' })
  fromContractYear!: number;
}

@ObjectType({ description: 'Ceilings on royalties.' })
@InputType('RoyaltyCapsInput', { description: 'Ceilings on royalties.' })
export class RoyaltyCaps {
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Per contract year, minor units.' })
  perYearMinor?: number | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Over the whole term, minor units.' })
  totalMinor?: number | null;
}

@ObjectType({ description: 'A payment due after an event.' })
@InputType('MilestoneInput', { description: 'A milestone payment.' })
export class Milestone {
  @Field(() => String, { description: 'A key unique within the offer.' })
  key!: string;
  @Field(() => String, { description: 'What the milestone is.' })
  name!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount, minor units.' })
  amountMinor!: number;
  @Field(() => MilestoneTriggerEnum, { description: 'The event.' })
  trigger!: keyof typeof MilestoneTriggerEnum;
  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Cumulative net sales that trigger it (CUMULATIVE_NET_SALES).',
  })
  thresholdMinor?: number | null;
  @Field(() => String, { nullable: true, description: 'The date that triggers it (DATE), YYYY-MM-DD.' })
  onDate?: string | null;
  @Field(() => Int, { description: 'Days after the event when it falls due.' })
  dueDaysAfterEvent!: number;
}

@ObjectType({ description: 'Everything a licensee pays, and when. Amounts are minor units of `currency`.' })
@InputType('PaymentPlanInput', { description: 'A payment plan; any part may be left out except the basics.' })
export class PaymentPlanShape {
  @Field(() => String, { description: 'ISO 4217 currency (CNY, USD, EUR, GBP, JPY...).' })
  currency!: string;
  @Field(() => Int, { description: 'Term of the licence in months.' })
  termMonths!: number;
  @Field(() => FreePeriod, { nullable: true, description: 'Free use first.' })
  freePeriod?: FreePeriod | null;
  @Field(() => UpfrontFee, { nullable: true, description: 'A one-off fee.' })
  upfrontFee?: UpfrontFee | null;
  @Field(() => Installments, { nullable: true, description: 'Fixed installments.' })
  installments?: Installments | null;
  @Field(() => RoyaltyTerms, { nullable: true, description: 'Running royalty.' })
  royalty?: RoyaltyTerms | null;
  @Field(() => MinimumAnnualRoyalty, { nullable: true, description: 'Minimum annual royalty.' })
  minimumAnnualRoyalty?: MinimumAnnualRoyalty | null;
  @Field(() => RoyaltyCaps, { nullable: true, description: 'Royalty ceilings.' })
  caps?: RoyaltyCaps | null;
  @Field(() => [Milestone], { nullable: true, description: 'Milestone payments.' })
  milestones?: Milestone[] | null;
  @Field(() => Int, { nullable: true, description: 'Share of sublicensing income, basis points.' })
  sublicenseShareBps?: number | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Exit or change-of-control fee, minor units.' })
  exitFeeMinor?: number | null;
  @Field(() => Int, { description: 'Late interest, basis points a year (simple, actual/365).' })
  lateInterestBps!: number;
  @Field(() => CalendarPeriodEnum, {
    nullable: true,
    description: 'Sales reporting period (quarterly by default).',
  })
  reportingPeriod?: Period | null;
  @Field(() => Int, { description: 'Days after a period ends by which its report is due.' })
  reportDueDays!: number;
  @Field(() => Int, {
    description: 'Days after a due date before an unpaid obligation puts the contract in default.',
  })
  graceDays!: number;
}

@ObjectType({ description: 'What an SME must be to take an offer; empty rules do not apply.' })
@InputType('EligibilityInput', { description: 'Eligibility rules.' })
export class Eligibility {
  @Field(() => [SmeSizeClassEnum], { description: 'Allowed size classes (empty: any).' })
  sizeClasses!: SmeSizeClass[];
  @Field(() => Int, { nullable: true, description: 'Largest headcount.' })
  maxHeadcount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Oldest company age, in years.' })
  maxAgeYears!: number | null;
  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Largest annual revenue, minor units of the SME’s currency.',
  })
  maxAnnualRevenueMinor!: number | null;
  @Field(() => Boolean, { description: 'Only "specialised and sophisticated" SMEs.' })
  requiresSpecialisedAndSophisticated!: boolean;
  @Field(() => Boolean, { description: 'Only "little giant" SMEs.' })
  requiresLittleGiant!: boolean;
}

@ObjectType({ description: 'A warning (or refusal) of the open-licence policy check.' })
export class PolicyFinding {
  @Field(() => String, { description: 'The rule, e.g. ROYALTY_ABOVE_OPEN_LICENCE_CAP.' })
  code!: string;
  @Field(() => String, { description: 'REFUSE or WARN.' })
  severity!: string;
  @Field(() => [String], { description: 'The payment-plan fields concerned.' })
  fields!: string[];
  @Field(() => String, {
    description:
      'What the rule says, in the language asked for in Accept-Language (English on offers checked before findings were translated).',
  })
  message!: string;
  @Field(() => String, {
    description: 'The language `message` is in, as a language tag (en, zh-CN), for the client to mark it.',
  })
  messageLanguage!: string;
}

@ObjectType({ description: 'A licence offer on one patent or a bundle of an institution’s patents.' })
export class LicenseOffer {
  @Field(() => ID, { description: 'The offer id.' })
  id!: string;
  @Field(() => ID, { description: 'The institution offering.' })
  institutionId!: string;
  @Field(() => String, { description: 'Title.' })
  title!: string;
  @Field(() => [ID], { description: 'The patents licensed.' })
  patentIds!: string[];
  @Field(() => LicenseKindEnum, { description: 'Exclusivity.' })
  licenseKind!: LicenseKind;
  @Field(() => String, { description: 'Field of use.' })
  fieldOfUse!: string;
  @Field(() => String, { description: 'Territory.' })
  territory!: string;
  @Field(() => Boolean, { description: 'Whether the licensee may sublicense.' })
  sublicensingAllowed!: boolean;
  @Field(() => Boolean, {
    description: 'Standard offers are accepted exactly as published ("express" / "open" licence).',
  })
  standard!: boolean;
  @Field(() => Eligibility, { description: 'Who may take it.' })
  eligibility!: Eligibility;
  @Field(() => PaymentPlanShape, { description: 'What is paid, and when.' })
  paymentPlan!: PaymentPlanShape;
  @Field(() => [PolicyFinding], { description: 'Warnings of the open-licence policy check.' })
  policyFindings!: PolicyFinding[];
  @Field(() => OfferStateEnum, { description: 'Where it stands.' })
  state!: OfferState;
}

export const LicenseOfferConnection = connectionOf(LicenseOffer, 'LicenseOffer', 'licence offer');

@InputType({ description: 'A licence offer to create (as a draft).' })
export class LicenseOfferInput {
  @Field(() => String, { description: 'Title.' })
  title!: string;
  @Field(() => [ID], { description: 'Your institution’s patents to license.' })
  patentIds!: string[];
  @Field(() => LicenseKindEnum, { description: 'Exclusivity.' })
  licenseKind!: LicenseKind;
  @Field(() => String, { description: 'Field of use.' })
  fieldOfUse!: string;
  @Field(() => String, { description: 'Territory.' })
  territory!: string;
  @Field(() => Boolean, { description: 'Whether sublicensing is allowed.' })
  sublicensingAllowed!: boolean;
  @Field(() => Boolean, { description: 'Standard (accepted as published) or negotiable.' })
  standard!: boolean;
  @Field(() => Eligibility, { description: 'Who may take it.' })
  eligibility!: Eligibility;
  @Field(() => PaymentPlanShape, { description: 'The payment plan.' })
  paymentPlan!: PaymentPlanShape;
}

@ObjectType({ description: 'One simulated payment.' })
export class SimulatedPayment {
  @Field(() => String, {
    description: 'UPFRONT, INSTALLMENT, ROYALTY, MINIMUM_ROYALTY_TRUE_UP, MILESTONE...',
  })
  kind!: string;
  @Field(() => String, { description: 'Which obligation it is (e.g. INSTALLMENT:3).' })
  label!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount, minor units of the offer’s currency.' })
  amountMinor!: number;
  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' })
  dueDate!: string;
}

@ObjectType({ description: 'One month of a cost simulation.' })
export class SimulatedMonth {
  @Field(() => Int, { description: 'Month of the contract, from 1.' })
  month!: number;
  @Field(() => String, { description: 'First day of the month, YYYY-MM-DD.' })
  startsOn!: string;
  @Field(() => [SimulatedPayment], { description: 'Payments due in the month.' })
  payments!: SimulatedPayment[];
  @Field(() => GraphQLSafeInt, { description: 'Their total.' })
  totalMinor!: number;
}

@ObjectType({ description: 'What an offer would cost over its term for a projection of monthly net sales.' })
export class CostSimulation {
  @Field(() => String, { description: 'The offer’s currency.' })
  currency!: string;
  @Field(() => [SimulatedMonth], { description: 'Month by month.' })
  months!: SimulatedMonth[];
  @Field(() => GraphQLSafeInt, { description: 'Total over the term.' })
  totalMinor!: number;
  @Field(() => String, { description: 'The first day that is no longer free.' })
  freePeriodEndsOn!: string;
  @Field(() => [String], {
    description: 'Payments that depend on events no projection can tell (e.g. a regulatory approval).',
  })
  notSimulated!: string[];
}

import { GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import { LicenseKindEnum, PaymentPlanShape } from '../offers/offer.types';
import type { LicenseKind } from '../offers/offer.model';
import {
  CONTRACT_STATES,
  OBLIGATION_STATUSES,
  type ContractState,
  type ObligationStatus,
} from './contract.model';

export const ContractStateEnum = enumObject(CONTRACT_STATES);
registerEnumType(ContractStateEnum, {
  name: 'ContractState',
  description: 'Where a licence contract stands.',
  valuesConfig: {
    FREE_PERIOD: { description: 'Use first: nothing is owed yet.' },
    ACTIVE: { description: 'Paying.' },
    COMPLETED: { description: 'The term ran its course.' },
    EXITED: { description: 'The licensee walked away during the free period; nothing is owed.' },
    TERMINATED: { description: 'Ended by notice.' },
    DEFAULTED: { description: 'An obligation stayed unpaid past the grace days.' },
  },
});
export const ObligationStatusEnum = enumObject(OBLIGATION_STATUSES);
registerEnumType(ObligationStatusEnum, {
  name: 'ObligationStatus',
  description: 'Where an obligation stands.',
});

@ObjectType({ description: 'Something the licensee owes: an amount, due on a date.' })
export class Obligation {
  @Field(() => ID, { description: 'The obligation id.' })
  id!: string;
  @Field(() => String, { description: 'Its key within the contract, e.g. INSTALLMENT:3.' })
  key!: string;
  @Field(() => String, {
    description:
      'UPFRONT, INSTALLMENT, ROYALTY, ROYALTY_ADJUSTMENT, MINIMUM_ROYALTY_TRUE_UP, MILESTONE, SUBLICENSE_SHARE, ' +
      'SUBLICENSE_SHARE_ADJUSTMENT, EXIT_FEE or LATE_INTEREST. An adjustment with a negative amount is a credit.',
  })
  kind!: string;
  @Field(() => GraphQLSafeInt, { description: 'Amount in minor units of `currency`.' })
  amountMinor!: number;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => String, { description: 'Due date, YYYY-MM-DD.' })
  dueDate!: string;
  @Field(() => ObligationStatusEnum, { description: 'Where it stands.' })
  status!: ObligationStatus;
}

@ObjectType({ description: 'Who accepted the terms for the licensee, when, and from which address.' })
export class TermsConfirmation {
  @Field(() => ID, { description: 'The user who accepted.' })
  byUserId!: string;
  @Field(() => Date, { description: 'When.' })
  at!: Date;
  @Field(() => String, { description: 'From which network address.' })
  ipAddress!: string;
}

@ObjectType({ description: 'A signed licence: the agreed terms, frozen, and the parties.' })
export class Contract {
  @Field(() => ID, { description: 'The contract id.' })
  id!: string;
  @Field(() => String, { description: 'Human-readable number, e.g. UF-2026-000123.' })
  number!: string;
  @Field(() => ID, { description: 'The offer it was signed under.' })
  offerId!: string;
  @Field(() => ID, { description: 'The licensor (university or institute).' })
  licensorId!: string;
  @Field(() => ID, { description: 'The licensee (SME).' })
  licenseeId!: string;
  @Field(() => String, { description: 'Title of the licence.' })
  title!: string;
  @Field(() => [ID], { description: 'The patents licensed.' })
  patentIds!: string[];
  @Field(() => LicenseKindEnum, { description: 'Exclusivity.' })
  licenseKind!: LicenseKind;
  @Field(() => String, { description: 'Field of use.' })
  fieldOfUse!: string;
  @Field(() => String, { description: 'Territory.' })
  territory!: string;
  @Field(() => PaymentPlanShape, { description: 'The agreed payment plan, as signed.' })
  paymentPlan!: PaymentPlanShape;
  @Field(() => String, { description: 'Effective date, YYYY-MM-DD.' })
  effectiveDate!: string;
  @Field(() => TermsConfirmation, { description: 'The licensee’s acceptance of the terms.' })
  confirmation!: TermsConfirmation;
  @Field(() => ContractStateEnum, { description: 'Where it stands.' })
  state!: ContractState;
}

@ObjectType({ description: 'What one advance of the contract engine did.' })
export class ContractEngineRun {
  @Field(() => String, { description: 'The date advanced to.' })
  asOf!: string;
  @Field(() => Boolean, {
    description: 'False when the engine was already at or past this date: nothing changed.',
  })
  advanced!: boolean;
  @Field(() => Int, { description: 'Contracts whose free period ended.' })
  contractsActivated!: number;
  @Field(() => Int, { description: 'Obligations that fell due.' })
  obligationsDue!: number;
  @Field(() => Int, { description: 'Obligations that became overdue.' })
  obligationsOverdue!: number;
  @Field(() => Int, { description: 'Contracts put in default.' })
  contractsDefaulted!: number;
  @Field(() => Int, { description: 'Late-interest charges created or increased.' })
  interestCharges!: number;
  @Field(() => Int, { description: 'Minimum-royalty top-ups charged at contract years’ ends.' })
  minimumTrueUps!: number;
  @Field(() => Int, { description: 'Contracts whose term ran its course.' })
  contractsCompleted!: number;
}

export const ContractConnection = connectionOf(Contract, 'Contract', 'contract');
export const ObligationConnection = connectionOf(Obligation, 'Obligation', 'obligation');

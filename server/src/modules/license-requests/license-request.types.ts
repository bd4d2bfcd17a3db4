import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import { PaymentPlanShape } from '../offers/offer.types';
import {
  REQUEST_STATES,
  THREAD_ACTIONS,
  type RequestState,
  type Side,
  type ThreadAction,
} from './license-request.model';

export const RequestStateEnum = enumObject(REQUEST_STATES);
registerEnumType(RequestStateEnum, {
  name: 'LicenseRequestState',
  description: 'Where a negotiation stands, and whose turn it is.',
  valuesConfig: {
    AWAITING_LICENSOR: { description: 'The TTO is to approve, counter or reject.' },
    AWAITING_LICENSEE: { description: 'The SME is to accept or counter the TTO’s terms.' },
    AGREED: { description: 'Both agreed: the contract is signed.' },
    REJECTED: { description: 'The TTO said no.' },
    WITHDRAWN: { description: 'One side withdrew.' },
  },
});
export const ThreadActionEnum = enumObject(THREAD_ACTIONS);
registerEnumType(ThreadActionEnum, {
  name: 'NegotiationAction',
  description: 'What one step of a negotiation did.',
});
export const SideEnum = enumObject(['LICENSOR', 'LICENSEE'] as const);
registerEnumType(SideEnum, { name: 'NegotiationSide', description: 'Which party took a step.' });

@ObjectType({ description: 'One step of a negotiation.' })
export class NegotiationStep {
  @Field(() => Date, { description: 'When.' })
  at!: Date;
  @Field(() => ID, { description: 'Who.' })
  byUserId!: string;
  @Field(() => SideEnum, { description: 'For which party.' })
  side!: Side;
  @Field(() => ThreadActionEnum, { description: 'What they did.' })
  action!: ThreadAction;
  @Field(() => String, { nullable: true, description: 'Their message.' })
  message!: string | null;
  @Field(() => PaymentPlanShape, {
    nullable: true,
    description: 'The terms they proposed, if they proposed any.',
  })
  paymentPlan!: PaymentPlanShape | null;
}

@ObjectType({ description: 'An SME’s request for a licence under a negotiable offer, with its negotiation.' })
export class LicenseRequest {
  @Field(() => ID, { description: 'The request id.' })
  id!: string;
  @Field(() => ID, { description: 'The offer.' })
  offerId!: string;
  @Field(() => ID, { description: 'The licensor.' })
  licensorId!: string;
  @Field(() => ID, { description: 'The licensee SME.' })
  licenseeId!: string;
  @Field(() => PaymentPlanShape, { description: 'The terms on the table.' })
  proposal!: PaymentPlanShape;
  @Field(() => [NegotiationStep], { description: 'Every step, oldest first.' })
  thread!: NegotiationStep[];
  @Field(() => ID, { nullable: true, description: 'The contract, once agreed.' })
  contractId!: string | null;
  @Field(() => RequestStateEnum, { description: 'Where it stands.' })
  state!: RequestState;
}

export const LicenseRequestConnection = connectionOf(LicenseRequest, 'LicenseRequest', 'licence request');

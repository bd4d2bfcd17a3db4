import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Contract } from '../contracts/contract.types';
import type { MilestoneEventRecord } from './milestone-event.model';

@ObjectType({ description: 'That a milestone’s event happened, as declared and confirmed.' })
export class MilestoneEvent {
  @Field(() => String, { description: 'The milestone’s key in the payment plan.' })
  milestoneKey!: string;
  @Field(() => String, { description: 'When the event happened, YYYY-MM-DD.' })
  eventDate!: string;
  @Field(() => String, { description: 'The evidence given.' })
  evidence!: string;
  @Field(() => String, {
    description: 'DECLARED (by the SME, awaiting the TTO) or CONFIRMED (the payment is then owed).',
  })
  state!: string;
}

const toMilestoneEvent = (e: MilestoneEventRecord): MilestoneEvent => ({
  milestoneKey: e.milestoneKey,
  eventDate: e.eventDate,
  evidence: e.evidence,
  state: e.state,
});

@Resolver(() => Contract)
export class MilestoneResolver {
  @Authorized('SME_MEMBER', 'TTO_MANAGER')
  @Mutation(() => MilestoneEvent, {
    description: 'Declares (SME) or records (TTO, confirmed at once) that a milestone’s event happened.',
  })
  async declareMilestone(
    @Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string,
    @Arg('milestoneKey', () => String, { description: 'The milestone’s key.' }) milestoneKey: string,
    @Arg('eventDate', () => String, { description: 'When it happened, YYYY-MM-DD.' }) eventDate: string,
    @Arg('evidence', () => String, { description: 'The evidence: an approval number, an invoice, a link.' })
    evidence: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MilestoneEvent> {
    return toMilestoneEvent(
      await ctx.services.milestones.declare(ctx.request, contractId, milestoneKey, eventDate, evidence),
    );
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => MilestoneEvent, {
    description: 'Confirms an SME’s declaration: the milestone payment becomes owed, once.',
  })
  async confirmMilestone(
    @Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string,
    @Arg('milestoneKey', () => String, { description: 'The milestone’s key.' }) milestoneKey: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<MilestoneEvent> {
    return toMilestoneEvent(await ctx.services.milestones.confirm(ctx.request, contractId, milestoneKey));
  }

  @FieldResolver(() => [MilestoneEvent], { description: 'The milestones declared or confirmed so far.' })
  async milestoneEvents(@Root() contract: Contract, @Ctx() ctx: GraphQLContext): Promise<MilestoneEvent[]> {
    return (await ctx.services.milestones.listForContract(ctx.request, contract.id)).map(toMilestoneEvent);
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { pageOfList } from '../../graphql/connection';
import { AppError } from '../../common/errors';
import { toContract, toObligation } from './contract.mapper';
import { Contract, ContractConnection, ContractEngineRun, ObligationConnection } from './contract.types';
import { Access } from '../../graphql/auth-checker';

@Resolver(() => Contract)
export class ContractResolver {
  @Authorized('SME_MEMBER')
  @Mutation(() => Contract, {
    description: 'Takes a standard offer exactly as published, for your SME: the contract is signed at once.',
  })
  async signStandardLicense(
    @Arg('offerId', () => ID, { description: 'The standard offer.' }) offerId: string,
    @Arg('licenseeId', () => ID, { description: 'Your SME.' }) licenseeId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contract> {
    return toContract(await ctx.services.contracts.signStandardOffer(ctx.request, offerId, licenseeId));
  }

  @Authorized('SME_MEMBER')
  @Mutation(() => Contract, {
    description:
      'Walks away during the free period: nothing is owed, and an exclusive licence is offered again.',
  })
  async exitContract(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record.' })
    reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contract> {
    return toContract(await ctx.services.contracts.exit(ctx.request, id, reason));
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER')
  @Mutation(() => Contract, { description: 'Ends a contract by notice; what is already due stays owed.' })
  async terminateContract(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'The reason for the notice.' }) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Contract> {
    return toContract(await ctx.services.contracts.terminate(ctx.request, id, reason));
  }

  @Authorized()
  @Query(() => Contract, { nullable: true, description: 'One contract, for the members of its parties.' })
  async contract(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Contract | null> {
    const record = await ctx.services.contracts.getVisible(ctx.request, id);
    return record ? toContract(record) : null;
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER', 'FINANCE', 'ADMIN')
  @Query(() => ContractConnection, {
    description: "An organisation's contracts, as licensor or licensee, newest first (its members).",
  })
  async organizationContracts(
    @Arg('organizationId', () => ID, { description: 'The organisation.' }) organizationId: string,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const contracts = await ctx.services.contracts.listForOrganization(ctx.request, organizationId);
    return pageOfList(contracts, { first, after }, `contracts:${organizationId}`, toContract);
  }

  @Authorized(Access.PLATFORM_ADMIN)
  @Mutation(() => ContractEngineRun, {
    description:
      'Advances every contract to a date (platform admins); advancing again to it or before changes nothing.',
  })
  advanceContractEngine(
    @Arg('asOf', () => String, { description: 'The date, YYYY-MM-DD.' }) asOf: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractEngineRun> {
    return ctx.services.contractEngine.advanceTo(ctx.request, asOf);
  }

  @FieldResolver(() => ObligationConnection, { description: 'What is owed under the contract, by due date.' })
  async obligations(
    @Root() contract: Contract,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const record = await ctx.services.contracts.getVisible(ctx.request, contract.id);
    if (!record) throw AppError.notFound('The contract');
    const obligations = await ctx.services.contracts.obligationsOf(record);
    return pageOfList(obligations, { first, after }, `obligations:${contract.id}`, toObligation);
  }
}

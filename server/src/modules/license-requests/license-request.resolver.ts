import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { pageOfList } from '../../graphql/connection';
import { toPaymentPlan } from '../offers/offer.mapper';
import { PaymentPlanShape } from '../offers/offer.types';
import type { RequestState } from './license-request.model';
import { toLicenseRequest } from './license-request.mapper';
import { LicenseRequest, LicenseRequestConnection, RequestStateEnum } from './license-request.types';

const messageArg = { nullable: true, description: 'A message to the other side.' } as const;

@Resolver(() => LicenseRequest)
export class LicenseRequestResolver {
  @Authorized('SME_MEMBER')
  @Mutation(() => LicenseRequest, {
    description: 'Asks for a licence under a negotiable offer, as published or with other terms.',
  })
  async requestLicense(
    @Arg('offerId', () => ID, { description: 'The negotiable offer.' }) offerId: string,
    @Arg('licenseeId', () => ID, { description: 'Your SME.' }) licenseeId: string,
    @Arg('message', () => String, messageArg) message: string | null,
    @Arg('paymentPlan', () => PaymentPlanShape, {
      nullable: true,
      description: 'The terms you propose; the offer’s when omitted.',
    })
    paymentPlan: PaymentPlanShape | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest> {
    return toLicenseRequest(
      await ctx.services.licenseRequests.request(
        ctx.request,
        offerId,
        licenseeId,
        message,
        paymentPlan ? toPaymentPlan(paymentPlan) : null,
      ),
    );
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER')
  @Mutation(() => LicenseRequest, { description: 'Proposes other terms, when it is your turn.' })
  async counterLicenseRequest(
    @Arg('id', () => ID) id: string,
    @Arg('paymentPlan', () => PaymentPlanShape, { description: 'The terms you propose.' })
    paymentPlan: PaymentPlanShape,
    @Arg('message', () => String, messageArg) message: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest> {
    return toLicenseRequest(
      await ctx.services.licenseRequests.counter(ctx.request, id, message, toPaymentPlan(paymentPlan)),
    );
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER')
  @Mutation(() => LicenseRequest, {
    description:
      'Agrees to the terms on the table (the TTO approves, the SME accepts a counter): the contract is signed once.',
  })
  async agreeLicenseRequest(
    @Arg('id', () => ID) id: string,
    @Arg('message', () => String, messageArg) message: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest> {
    return toLicenseRequest(await ctx.services.licenseRequests.agree(ctx.request, id, message));
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => LicenseRequest, {
    description: 'Rejects a request, with the reason (the TTO, on its turn).',
  })
  async rejectLicenseRequest(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { description: 'Why.' }) reason: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest> {
    return toLicenseRequest(await ctx.services.licenseRequests.reject(ctx.request, id, reason));
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER')
  @Mutation(() => LicenseRequest, { description: 'Withdraws from an open negotiation (either side).' })
  async withdrawLicenseRequest(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record.' })
    reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest> {
    return toLicenseRequest(await ctx.services.licenseRequests.withdraw(ctx.request, id, reason));
  }

  @Authorized()
  @Query(() => LicenseRequest, { nullable: true, description: 'One request, for its two parties.' })
  async licenseRequest(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseRequest | null> {
    const record = await ctx.services.licenseRequests.getVisible(ctx.request, id);
    return record ? toLicenseRequest(record) : null;
  }

  @Authorized('TTO_MANAGER', 'SME_MEMBER', 'ADMIN', 'FINANCE')
  @Query(() => LicenseRequestConnection, {
    description: "An organisation's requests: a TTO's inbox, an SME's outbox (its members).",
  })
  async organizationLicenseRequests(
    @Arg('organizationId', () => ID, { description: 'The organisation.' }) organizationId: string,
    @Arg('state', () => RequestStateEnum, { nullable: true, description: 'Only requests in this state.' })
    state: RequestState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const requests = await ctx.services.licenseRequests.listForOrganization(
      ctx.request,
      organizationId,
      state,
    );
    return pageOfList(
      requests,
      { first, after },
      `requests:${organizationId}:${state ?? ''}`,
      toLicenseRequest,
    );
  }
}

import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { pageOfList } from '../../graphql/connection';
import { requestLocale } from '../../i18n/request-locale';
import { Patent } from '../patents/patent.types';
import type { OfferState } from './offer.model';
import { toCostSimulation, toLicenseOffer, toPaymentPlan } from './offer.mapper';
import {
  CostSimulation,
  LicenseOffer,
  LicenseOfferConnection,
  LicenseOfferInput,
  OfferStateEnum,
} from './offer.types';

@Resolver(() => LicenseOffer)
export class LicenseOfferResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => LicenseOffer, {
    nullable: true,
    description: 'One offer: any published one, or your own institution’s.',
  })
  async licenseOffer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseOffer | null> {
    const record = await ctx.services.offers.getVisible(ctx.request, id);
    return record ? toLicenseOffer(record, requestLocale()) : null;
  }

  @Authorized('TTO_MANAGER', 'ADMIN', 'FINANCE')
  @Query(() => LicenseOfferConnection, {
    description: "An institution's offers in every state, most recently changed first (its staff).",
  })
  async institutionLicenseOffers(
    @Arg('institutionId', () => ID, { description: 'The university or institute.' }) institutionId: string,
    @Arg('state', () => OfferStateEnum, { nullable: true, description: 'Only offers in this state.' })
    state: OfferState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const offers = await ctx.services.offers.listForInstitution(ctx.request, institutionId, state);
    const locale = requestLocale();
    return pageOfList(offers, { first, after }, `institution-offers:${institutionId}:${state ?? ''}`, (o) =>
      toLicenseOffer(o, locale),
    );
  }

  @Authorized(Access.PUBLIC)
  @Query(() => CostSimulation, {
    description: 'What a published offer would cost over its term for your projection of monthly net sales.',
  })
  async simulateLicenseCost(
    @Arg('offerId', () => ID, { description: 'The offer.' }) offerId: string,
    @Arg('monthlyNetSalesMinor', () => [GraphQLSafeInt], {
      description: 'Projected net sales per month from the start, minor units.',
    })
    monthlyNetSalesMinor: number[],
    @Arg('effectiveDate', () => String, {
      nullable: true,
      description: 'Start date (YYYY-MM-DD); today when omitted.',
    })
    effectiveDate: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<CostSimulation> {
    const offer = await ctx.services.offers.getVisible(ctx.request, offerId);
    const simulation = await ctx.services.offers.simulate(
      ctx.request,
      offerId,
      monthlyNetSalesMinor,
      effectiveDate,
    );
    return toCostSimulation(offer?.paymentPlan.currency ?? '', simulation);
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => LicenseOffer, { description: 'Creates a draft offer on your institution’s patents.' })
  async createLicenseOffer(
    @Arg('institutionId', () => ID, { description: 'Your university or institute.' }) institutionId: string,
    @Arg('input', () => LicenseOfferInput) input: LicenseOfferInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseOffer> {
    const record = await ctx.services.offers.create(ctx.request, institutionId, {
      ...input,
      paymentPlan: toPaymentPlan(input.paymentPlan),
    });
    return toLicenseOffer(record, requestLocale());
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => LicenseOffer, {
    description: 'Publishes a draft offer to SMEs (its patents must be published).',
  })
  async publishLicenseOffer(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseOffer> {
    return toLicenseOffer(await ctx.services.offers.publish(ctx.request, id), requestLocale());
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => LicenseOffer, {
    description: 'Withdraws an offer; contracts already signed under it go on.',
  })
  async withdrawLicenseOffer(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record.' })
    reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicenseOffer> {
    const record = await ctx.services.offers.withdraw(ctx.request, id, reason ?? undefined);
    return toLicenseOffer(record, requestLocale());
  }
}

@Resolver(() => Patent)
export class PatentOffersResolver {
  @FieldResolver(() => [LicenseOffer], { description: 'The published licence offers on this patent.' })
  async offers(@Root() patent: Patent, @Ctx() ctx: GraphQLContext): Promise<LicenseOffer[]> {
    const locale = requestLocale();
    return (await ctx.services.offers.publishedForPatent(patent.id)).map((o) => toLicenseOffer(o, locale));
  }
}

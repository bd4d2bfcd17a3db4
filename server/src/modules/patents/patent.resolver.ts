import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import { pageOfList } from '../../graphql/connection';
import { toOrganization } from '../identity/identity.mapper';
import { Organization } from '../identity/identity.types';
import type { PatentState, PatentContent } from './patent.fields';
import { toPatent } from './patent.mapper';
import type { PatentSort } from './patent-search.service';
import {
  Patent,
  PatentConnection,
  PatentInput,
  PatentSearchConnection,
  PatentSearchFilter,
  PatentSortEnum,
  PatentStateChange,
  PatentStateEnum,
} from './patent.types';

@Resolver(() => Patent)
export class PatentResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => PatentSearchConnection, {
    description: 'Searches the published catalogue, in English or Chinese, with filters and facet counts.',
  })
  async searchPatents(
    @Arg('query', () => String, {
      nullable: true,
      description: 'Free text; every word (or pair of Chinese characters) must match.',
    })
    query: string | null,
    @Arg('filter', () => PatentSearchFilter, { nullable: true, description: 'Filters.' })
    filter: PatentSearchFilter | null,
    @Arg('sort', () => PatentSortEnum, {
      nullable: true,
      defaultValue: 'RELEVANCE',
      description: 'Order of results.',
    })
    sort: PatentSort,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last result seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PatentSearchConnection> {
    const result = await ctx.services.patentSearch.search({ query, filter, sort, first, after });
    for (const [id, organization] of result.institutions)
      ctx.loaders.organizationById.prime(id, organization);
    return {
      totalCount: result.totalCount,
      edges: result.hits.map((hit) => ({ cursor: hit.cursor, score: hit.score, node: toPatent(hit.patent) })),
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: result.endCursor },
      facets: result.facets,
    };
  }

  @Authorized(Access.PUBLIC)
  @Query(() => Patent, {
    nullable: true,
    description: 'One patent: any published one, or your own institution’s in any state.',
  })
  async patent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Patent | null> {
    const record = await ctx.services.patents.getVisible(ctx.request, id);
    return record ? toPatent(record) : null;
  }

  @Authorized('TTO_MANAGER', 'ADMIN', 'FINANCE')
  @Query(() => PatentConnection, {
    description: "An institution's own patents in every state, most recently changed first (its staff).",
  })
  async institutionPatents(
    @Arg('institutionId', () => ID, { description: 'The university or institute.' }) institutionId: string,
    @Arg('state', () => PatentStateEnum, { nullable: true, description: 'Only patents in this state.' })
    state: PatentState | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    const patents = await ctx.services.patents.listForInstitution(ctx.request, institutionId, state);
    return pageOfList(
      patents,
      { first, after },
      `institution-patents:${institutionId}:${state ?? ''}`,
      toPatent,
    );
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => Patent, { description: 'Adds a patent to your institution as a draft.' })
  async createPatent(
    @Arg('institutionId', () => ID, { description: 'Your university or institute.' }) institutionId: string,
    @Arg('input', () => PatentInput) input: PatentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Patent> {
    return toPatent(
      await ctx.services.patents.create(
        ctx.request,
        institutionId,
        input as Partial<PatentContent> & PatentInput,
      ),
    );
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => Patent, {
    description: "Replaces a patent's content; a published patent's public page follows at once.",
  })
  async updatePatent(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => PatentInput) input: PatentInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Patent> {
    return toPatent(
      await ctx.services.patents.update(ctx.request, id, input as Partial<PatentContent> & PatentInput),
    );
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => Patent, { description: 'Publishes a draft or withdrawn patent to the catalogue.' })
  async publishPatent(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Patent> {
    return toPatent(await ctx.services.patents.changeState(ctx.request, id, 'PUBLISHED'));
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => Patent, { description: 'Takes a published patent out of the catalogue.' })
  async withdrawPatent(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String, { nullable: true, description: 'Why, for the record.' })
    reason: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Patent> {
    return toPatent(
      await ctx.services.patents.changeState(ctx.request, id, 'WITHDRAWN', reason ?? undefined),
    );
  }

  @Authorized('TTO_MANAGER')
  @Mutation(() => Patent, { description: 'Returns a withdrawn patent to draft, to rework it.' })
  async returnPatentToDraft(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<Patent> {
    return toPatent(await ctx.services.patents.changeState(ctx.request, id, 'DRAFT'));
  }

  @FieldResolver(() => Organization, { description: 'The university or institute that owns the patent.' })
  async institution(@Root() patent: Patent, @Ctx() ctx: GraphQLContext): Promise<Organization> {
    const record = await ctx.loaders.organizationById.load(patent.institutionId);
    if (!record) throw new Error(`institution ${patent.institutionId} of patent ${patent.id} is missing`);
    return toOrganization(record);
  }

  @FieldResolver(() => [PatentStateChange], {
    nullable: true,
    description: 'The catalogue state history; only for the owning institution.',
  })
  async stateHistory(
    @Root() patent: Patent,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PatentStateChange[] | null> {
    const record = await ctx.services.patents.getVisible(ctx.request, patent.id);
    if (!record || !ctx.services.patents.isOwnerOrAdmin(ctx.request, record)) return null;
    return record.stateHistory.map((c) => ({
      from: c.from,
      to: c.to,
      at: c.at,
      byUserId: c.byUserId ?? null,
      reason: c.reason ?? null,
    }));
  }
}

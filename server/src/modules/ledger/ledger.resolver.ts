import { Arg, Authorized, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { cursorScope } from '../../common/connection';
import { Access } from '../../graphql/auth-checker';
import { pageOfList } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { toLedgerBalance, toLedgerEntry } from './ledger.mapper';
import {
  LedgerBalance,
  LedgerEntry,
  LedgerEntryConnection,
  LedgerEntryFilter,
  LedgerEntryOrderEnum,
  type LedgerEntryOrder,
} from './ledger.types';

@Resolver(() => LedgerEntry)
export class LedgerResolver {
  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => LedgerEntryConnection, {
    description:
      "Journal entries in ledger order (effective date, then posting time), or the reverse. Platform finance and admins see the whole ledger; an organisation's finance staff see its entries, and of each only its own lines.",
  })
  async ledgerEntries(
    @Arg('filter', () => LedgerEntryFilter, { nullable: true, description: 'Which entries.' })
    filter: LedgerEntryFilter | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' })
    first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' })
    after: string | null,
    @Arg('order', () => LedgerEntryOrderEnum, {
      defaultValue: 'OLDEST_FIRST',
      description: 'Which way the list runs; a cursor only continues the order it came from.',
    })
    order: LedgerEntryOrder,
    @Ctx() ctx: GraphQLContext,
  ) {
    const entries = await ctx.services.ledger.visibleEntries(ctx.request, { ...filter });
    if (order === 'NEWEST_FIRST') entries.reverse();
    return pageOfList(
      entries,
      { first, after },
      `ledger:${cursorScope({ ...filter, order })}`,
      toLedgerEntry,
    );
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => [LedgerBalance], {
    description:
      'Balances per account and currency as of the end of a day, for a contract, an organisation or the whole ledger (same visibility as ledgerEntries).',
  })
  async ledgerBalances(
    @Arg('contractId', () => ID, { nullable: true, description: 'Only lines on this contract.' })
    contractId: string | null,
    @Arg('organizationId', () => ID, { nullable: true, description: 'Only lines of this organisation.' })
    organizationId: string | null,
    @Arg('asOf', () => String, {
      description: 'The day, YYYY-MM-DD: entries effective on or before it count.',
    })
    asOf: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LedgerBalance[]> {
    const balances = await ctx.services.ledger.visibleBalances(ctx.request, {
      contractId,
      organizationId,
      asOf,
    });
    return balances.map(toLedgerBalance);
  }
}

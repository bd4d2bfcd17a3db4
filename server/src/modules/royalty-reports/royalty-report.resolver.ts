import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Contract } from '../contracts/contract.types';
import type { RoyaltyReportRecord } from './royalty-report.model';
import { ReportLine, RoyaltyReport } from './royalty-report.types';

function toRoyaltyReport(r: RoyaltyReportRecord): RoyaltyReport {
  return {
    id: r._id.toHexString(),
    contractId: r.contractId.toHexString(),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    revision: r.revision,
    lines: r.lines.map((l) => ({ ...l })),
    netSalesMinor: r.netSalesMinor,
    royaltyMinor: r.royaltyMinor,
    recomputedAfter: r.recomputedAfter ?? null,
    submittedAt: r.submittedAt,
  };
}

@Resolver(() => Contract)
export class RoyaltyReportResolver {
  @Authorized('SME_MEMBER')
  @Mutation(() => RoyaltyReport, {
    description: 'Reports a period’s sales (no lines: a zero report); reporting a period again amends it.',
  })
  async submitRoyaltyReport(
    @Arg('contractId', () => ID, { description: 'Your contract.' }) contractId: string,
    @Arg('periodStart', () => String, { description: 'First day of the reporting period, YYYY-MM-DD.' })
    periodStart: string,
    @Arg('lines', () => [ReportLine], {
      description: 'Sales per product and territory; empty for a zero report.',
    })
    lines: ReportLine[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<RoyaltyReport> {
    return toRoyaltyReport(
      await ctx.services.royaltyReports.submit(ctx.request, contractId, periodStart, lines),
    );
  }

  @FieldResolver(() => [RoyaltyReport], {
    description: 'Every report and amendment, by period and revision.',
  })
  async royaltyReports(@Root() contract: Contract, @Ctx() ctx: GraphQLContext): Promise<RoyaltyReport[]> {
    return (await ctx.services.royaltyReports.listForContract(ctx.request, contract.id)).map(toRoyaltyReport);
  }
}

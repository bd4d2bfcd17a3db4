import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../graphql/context';
import { Contract } from '../contracts/contract.types';
import type { SublicenseIncomeReportRecord } from './sublicense-income-report.model';
import { SublicenseIncomeLine, SublicenseIncomeReport } from './sublicense-income-report.types';

function toSublicenseIncomeReport(r: SublicenseIncomeReportRecord): SublicenseIncomeReport {
  return {
    id: r._id.toHexString(),
    contractId: r.contractId.toHexString(),
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    revision: r.revision,
    lines: r.lines.map((l) => ({ sublicensee: l.sublicensee, incomeMinor: l.incomeMinor })),
    incomeMinor: r.incomeMinor,
    shareBps: r.shareBps,
    shareMinor: r.shareMinor,
    submittedAt: r.submittedAt,
  };
}

@Resolver(() => Contract)
export class SublicenseIncomeReportResolver {
  @Authorized('SME_MEMBER')
  @Mutation(() => SublicenseIncomeReport, {
    description:
      'Reports a period’s sublicensing income per sublicensee (no lines: a zero report); reporting a period again ' +
      'amends it. Refused with SUBLICENSING_NOT_ALLOWED when the licence does not allow sublicensing.',
  })
  async submitSublicenseIncomeReport(
    @Arg('contractId', () => ID, { description: 'Your contract.' }) contractId: string,
    @Arg('periodStart', () => String, { description: 'First day of the reporting period, YYYY-MM-DD.' })
    periodStart: string,
    @Arg('lines', () => [SublicenseIncomeLine], {
      description: 'Income per sublicensee; empty for a zero report.',
    })
    lines: SublicenseIncomeLine[],
    @Ctx() ctx: GraphQLContext,
  ): Promise<SublicenseIncomeReport> {
    return toSublicenseIncomeReport(
      await ctx.services.sublicenseIncomeReports.submit(ctx.request, contractId, periodStart, lines),
    );
  }

  @FieldResolver(() => [SublicenseIncomeReport], {
    description: 'Every sublicensing income report and amendment, by period and revision.',
  })
  async sublicenseIncomeReports(
    @Root() contract: Contract,
    @Ctx() ctx: GraphQLContext,
  ): Promise<SublicenseIncomeReport[]> {
    return (await ctx.services.sublicenseIncomeReports.listForContract(ctx.request, contract.id)).map(
      toSublicenseIncomeReport,
    );
  }
}

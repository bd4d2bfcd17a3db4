import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../graphql/auth-checker';
import { pageOfList } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { ObligationConnection } from '../contracts/contract.types';
import type { ReportPeriod } from './report-amounts';
import {
  toContractStatement,
  toLicensorDistribution,
  toPlatformRevenue,
  toReceivablesAgeing,
} from './reports.mapper';
import {
  AgeingGroupConnection,
  AgeingItemConnection,
  ContractAgeingConnection,
  ContractDistributionConnection,
  ContractStatement,
  ContractStatementRowConnection,
  LicensorDistribution,
  PatentAgeingConnection,
  PatentDistributionConnection,
  PlatformRevenue,
  ReceivablesAgeing,
  ReportPeriodEnum,
} from './reports.types';

const PageSize = () =>
  Arg('first', () => Int, { nullable: true, description: 'Page size, 1 to 100 (default 20).' });
const PageAfter = () =>
  Arg('after', () => String, { nullable: true, description: 'Cursor of the last item seen.' });
const InCurrency = () =>
  Arg('currency', () => String, {
    nullable: true,
    description: 'Only the rows in this ISO 4217 currency; all of them when absent.',
  });

@Resolver()
export class ReportsResolver {
  @Authorized('FINANCE', 'TTO_MANAGER', Access.PLATFORM_ADMIN)
  @Query(() => ReceivablesAgeing, {
    description:
      "Receivables ageing as of a date, by licensor and by licensee. Platform finance and admins see every contract; an organisation's finance staff (and a licensor's TTO managers) see the contracts it is a party to.",
  })
  async receivablesAgeing(
    @Arg('asOf', () => String, { description: 'The report date, YYYY-MM-DD.' }) asOf: string,
    @Arg('organizationId', () => ID, {
      nullable: true,
      description: 'Whose contracts; required of those who do finance for several organisations.',
    })
    organizationId: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReceivablesAgeing> {
    return toReceivablesAgeing(
      await ctx.services.reports.receivablesAgeing(ctx.request, { asOf, organizationId }),
    );
  }

  @Authorized('FINANCE', 'SME_MEMBER', 'TTO_MANAGER', Access.PLATFORM_ADMIN)
  @Query(() => ContractStatement, {
    description:
      "A contract's statement, for its parties' finance staff, SME members and TTO managers (each seeing its own lines) and for platform finance and admins.",
  })
  async contractStatement(
    @Arg('contractId', () => ID, { description: 'The contract.' }) contractId: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ContractStatement> {
    return toContractStatement(await ctx.services.reports.contractStatement(ctx.request, contractId));
  }

  @Authorized('FINANCE', 'TTO_MANAGER', Access.PLATFORM_ADMIN)
  @Query(() => LicensorDistribution, {
    description:
      'What a university or institute received in a date range, per contract, patent and period, with the platform fee withheld: for its finance staff and TTO managers, and for platform finance and admins.',
  })
  async licensorDistribution(
    @Arg('licensorId', () => ID, { description: 'The university or institute.' }) licensorId: string,
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD.' }) from: string,
    @Arg('to', () => String, { description: 'Last day (inclusive), YYYY-MM-DD.' }) to: string,
    @Arg('period', () => ReportPeriodEnum, {
      defaultValue: 'QUARTER',
      description: 'How `byPeriod` is grouped.',
    })
    period: ReportPeriod,
    @Ctx() ctx: GraphQLContext,
  ): Promise<LicensorDistribution> {
    return toLicensorDistribution(
      await ctx.services.reports.licensorDistribution(ctx.request, { licensorId, from, to, period }),
    );
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => PlatformRevenue, {
    description:
      "The platform's fee revenue, net of refunds, less Stripe's fees, per month: for platform finance and admins.",
  })
  async platformRevenue(
    @Arg('from', () => String, { description: 'First day, YYYY-MM-DD.' }) from: string,
    @Arg('to', () => String, { description: 'Last day (inclusive), YYYY-MM-DD.' }) to: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<PlatformRevenue> {
    return toPlatformRevenue(await ctx.services.reports.platformRevenue(ctx.request, { from, to }));
  }
}

/** The lists of a report are built whole by the query above and paged here. */
@Resolver(() => ReceivablesAgeing)
export class ReceivablesAgeingResolver {
  @FieldResolver(() => AgeingItemConnection, { description: 'The aged obligations, oldest due date first.' })
  items(
    @Root() report: ReceivablesAgeing,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(report.items, { first, after }, scope('ageing-items', report), (i) => i);
  }

  @FieldResolver(() => AgeingGroupConnection, {
    description: 'Per licensor (who is owed) and currency, by name.',
  })
  byLicensor(
    @Root() report: ReceivablesAgeing,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(report.byLicensor, { first, after }, scope('ageing-licensors', report), (g) => g);
  }

  @FieldResolver(() => AgeingGroupConnection, {
    description: 'Per licensee (who owes) and currency, by name.',
  })
  byLicensee(
    @Root() report: ReceivablesAgeing,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(report.byLicensee, { first, after }, scope('ageing-licensees', report), (g) => g);
  }

  @FieldResolver(() => ContractAgeingConnection, {
    description: 'Per contract and currency: per currency, the largest total first, ties by contract number.',
  })
  byContract(
    @Root() report: ReceivablesAgeing,
    @InCurrency() currency: string | null,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    const rows = report.byContract.filter((c) => !currency || c.amounts.currency === currency);
    return pageOfList(rows, { first, after }, scope(`ageing-contracts:${currency ?? ''}`, report), (c) => c);
  }

  @FieldResolver(() => PatentAgeingConnection, {
    description: 'Per patent and currency, by application number; amounts under no patent last.',
  })
  byPatent(
    @Root() report: ReceivablesAgeing,
    @InCurrency() currency: string | null,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    const rows = report.byPatent.filter((p) => !currency || p.amounts.currency === currency);
    return pageOfList(rows, { first, after }, scope(`ageing-patents:${currency ?? ''}`, report), (p) => p);
  }
}

@Resolver(() => ContractStatement)
export class ContractStatementResolver {
  @FieldResolver(() => ContractStatementRowConnection, {
    description: 'The journal entries you may see, in effective-date order, with the running receivable.',
  })
  entries(
    @Root() statement: ContractStatement,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(statement.entries, { first, after }, `statement:${statement.contractId}`, (r) => r);
  }

  @FieldResolver(() => ObligationConnection, {
    description: 'What is owed under the contract, by due date, with its status.',
  })
  obligations(
    @Root() statement: ContractStatement,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(
      statement.obligations,
      { first, after },
      `statement-obligations:${statement.contractId}`,
      (o) => o,
    );
  }
}

@Resolver(() => LicensorDistribution)
export class LicensorDistributionResolver {
  @FieldResolver(() => ContractDistributionConnection, {
    description: 'Per contract and currency, by contract number.',
  })
  byContract(
    @Root() report: LicensorDistribution,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(report.byContract, { first, after }, distributionScope('contracts', report), (c) => c);
  }

  @FieldResolver(() => PatentDistributionConnection, {
    description: 'Per patent and currency, by application number.',
  })
  byPatent(
    @Root() report: LicensorDistribution,
    @PageSize() first: number | null,
    @PageAfter() after: string | null,
  ) {
    return pageOfList(report.byPatent, { first, after }, distributionScope('patents', report), (p) => p);
  }
}

function scope(list: string, report: ReceivablesAgeing): string {
  return `${list}:${report.asOf}:${report.organizationId ?? 'all'}`;
}

function distributionScope(list: string, report: LicensorDistribution): string {
  return `distribution-${list}:${report.licensorId}:${report.from}:${report.to}`;
}

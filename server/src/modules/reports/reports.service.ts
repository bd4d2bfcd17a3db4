import { Types } from 'mongoose';
import { isCalendarDate, type CalendarDate } from '../../common/calendar-date';
import { AppError } from '../../common/errors';
import {
  requireRoleIn,
  requireViewer,
  type OrganizationKind,
  type RequestContext,
  type Role,
} from '../../common/request-context';
import type { ContractRecord, ObligationRecord } from '../contracts/contract.model';
import { ContractModel, ObligationModel } from '../contracts/contract.model';
import type { ContractService } from '../contracts/contract.service';
import type { OrganizationService } from '../identity/organization.service';
import { JournalEntryModel, type JournalEntryRecord } from '../ledger/journal-entry.model';
import { seesWholeLedger, type LedgerEntry, type LedgerService } from '../ledger/ledger.service';
import { PatentModel } from '../patents/patent.model';
import { buildContractStatement, type ContractStatementRows } from './contract-statement';
import {
  buildLicensorDistribution,
  type DistributionContract,
  type DistributionPatent,
  type LicensorDistributionReport,
} from './licensor-distribution';
import { buildPlatformRevenue, type PlatformRevenueReport } from './platform-revenue';
import {
  buildReceivablesAgeing,
  UNPAID_DUE_STATUSES,
  type AgeingObligation,
  type ReceivablesAgeingReport,
} from './receivables-ageing';
import { buildReceivablesByPatent, type PatentAgeing } from './receivables-by-patent';
import { REPORT_PERIODS, type ReportPeriod } from './report-amounts';

/** Organisations that license technology out, and so are owed money and receive distributions. */
const LICENSOR_KINDS: readonly OrganizationKind[] = ['UNIVERSITY', 'RESEARCH_INSTITUTE'];
/** Who of a party may read its contract's statement. */
const STATEMENT_ROLES: readonly Role[] = ['FINANCE', 'SME_MEMBER', 'TTO_MANAGER'];

export type AgeingQuery = { asOf: string; organizationId?: string | null };
export type DistributionQuery = { licensorId: string; from: string; to: string; period: string };
export type DateRange = { from: string; to: string };

export type ScopedAgeingReport = ReceivablesAgeingReport & {
  /** The organisation whose side of the receivables this is; null for the whole platform. */
  organizationId: string | null;
  /** Per patent of the contracts, each obligation split over its contract's patents. */
  byPatent: PatentAgeing[];
};

type PatentFacts = {
  _id: Types.ObjectId;
  titleEn: string | null;
  titleZh: string | null;
  applicationNumber: string;
};

export type ContractStatementReport = ContractStatementRows<LedgerEntry> & {
  contract: ContractRecord;
  licensorName: string;
  licenseeName: string;
  obligations: ObligationRecord[];
};

export type DistributionReport = LicensorDistributionReport & { licensorName: string };

/**
 * Reports for finance staff. Each method decides who may read what, loads its facts with equality filters (which
 * FerretDB hands to PostgreSQL) and leaves the arithmetic to a pure builder beside it.
 *
 * Who sees what: the platform's finance staff and admins see every report, for everyone. An organisation's finance
 * staff see the receivables ageing of their organisation's contracts (a licensor's TTO managers too), the statements
 * of its contracts, and, for a licensor, its distributions. Statements are open to every party member who works with
 * the contract (FINANCE, SME_MEMBER, TTO_MANAGER). Platform revenue is the platform's alone.
 */
export class ReportsService {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly contracts: ContractService,
    private readonly ledger: LedgerService,
  ) {}

  /** Unpaid due obligations as of `asOf`, aged, by licensor, by licensee, by contract and by patent. */
  async receivablesAgeing(ctx: RequestContext, query: AgeingQuery): Promise<ScopedAgeingReport> {
    const organizationId = await this.ageingScope(ctx, query.organizationId ?? null);
    const asOf = requireDate('asOf', query.asOf);
    const obligations = await this.unpaidDueObligations(organizationId, asOf);
    const [contracts, names] = await Promise.all([
      this.contractFacts(obligations.map((o) => o.contractId.toHexString())),
      this.organizationNames(obligations.flatMap((o) => [o.licensorId, o.licenseeId])),
    ]);
    const patents = await this.patentFacts([...contracts.values()].flatMap((c) => c.patentIds));
    const rows: AgeingObligation[] = obligations.map((o) => ({
      obligationId: o._id.toHexString(),
      obligationKey: o.obligationKey,
      kind: o.kind,
      status: o.status,
      contractId: o.contractId.toHexString(),
      contractNumber: contracts.get(o.contractId.toHexString())?.number ?? '',
      licensorId: o.licensorId.toHexString(),
      licensorName: names.get(o.licensorId.toHexString()) ?? '',
      licenseeId: o.licenseeId.toHexString(),
      licenseeName: names.get(o.licenseeId.toHexString()) ?? '',
      dueDate: o.dueDate,
      amountMinor: o.amountMinor,
      currency: o.currency,
    }));
    const report = buildReceivablesAgeing(rows, asOf);
    const byPatent = buildReceivablesByPatent(
      report.items,
      new Map([...contracts].map(([id, c]) => [id, c.patentIds])),
      patents,
    );
    return { ...report, byPatent, organizationId };
  }

  /** A contract's journal entries with its running receivable, and its obligations, as the viewer may see them. */
  async contractStatement(ctx: RequestContext, contractId: string): Promise<ContractStatementReport> {
    const contract = Types.ObjectId.isValid(contractId)
      ? await ContractModel.findById(contractId).lean<ContractRecord>()
      : null;
    // A contract the viewer is no party to is answered as missing, so that ids reveal nothing.
    const visibleTo = contract ? this.statementViewer(ctx, contract) : undefined;
    if (!contract || visibleTo === undefined) throw AppError.notFound('The contract');
    const [statement, obligations, names] = await Promise.all([
      this.ledger.statement(contract._id.toHexString()),
      this.contracts.obligationsOf(contract),
      this.organizationNames([contract.licensorId, contract.licenseeId]),
    ]);
    const rows = buildContractStatement(
      statement.map((row) => row.entry),
      contract._id.toHexString(),
      visibleTo,
    );
    return {
      ...rows,
      contract,
      licensorName: names.get(contract.licensorId.toHexString()) ?? '',
      licenseeName: names.get(contract.licenseeId.toHexString()) ?? '',
      obligations,
    };
  }

  /** What a licensor received in a date range, per contract, per patent and per period, and the fee withheld. */
  async licensorDistribution(ctx: RequestContext, query: DistributionQuery): Promise<DistributionReport> {
    if (!ctx.system && !seesWholeLedger(ctx.viewer))
      requireRoleIn(ctx, query.licensorId, 'FINANCE', 'TTO_MANAGER');
    const { from, to } = requireRange(query);
    if (!(REPORT_PERIODS as readonly string[]).includes(query.period))
      throw AppError.badInput('period', 'The period must be one of {{periods}}.', {
        periods: REPORT_PERIODS.join(', '),
      });
    const licensor = await this.organizations.getOrThrow(query.licensorId);
    if (!LICENSOR_KINDS.includes(licensor.kind as OrganizationKind))
      throw AppError.badInput(
        'licensorId',
        '{{name}} is not a university or research institute: only licensors receive distributions.',
        { name: licensor.name },
      );
    const licensorId = licensor._id;

    const [entries, contracts, patents] = await Promise.all([
      JournalEntryModel.find({ organizationIds: licensorId.toHexString() }).lean<JournalEntryRecord[]>(),
      ContractModel.find({ licensorId })
        .select({ number: 1, licenseeId: 1, terms: 1 })
        .lean<Pick<ContractRecord, '_id' | 'number' | 'licenseeId' | 'terms'>[]>(),
      PatentModel.find({ institutionId: licensorId })
        .select({ titleEn: 1, titleZh: 1, applicationNumber: 1 })
        .lean<PatentFacts[]>(),
    ]);
    const licensees = await this.organizationNames(contracts.map((c) => c.licenseeId));

    const report = buildLicensorDistribution({
      licensorId: licensorId.toHexString(),
      from,
      to,
      period: query.period as ReportPeriod,
      entries: entries.map((e) => ({
        id: e._id.toHexString(),
        effectiveDate: e.effectiveDate,
        currency: e.currency,
        cause: e.cause,
        reverses: e.reverses?.toHexString() ?? null,
        lines: e.lines,
      })),
      contracts: new Map(
        contracts.map((c): [string, DistributionContract] => [
          c._id.toHexString(),
          {
            contractId: c._id.toHexString(),
            contractNumber: c.number,
            title: c.terms.title,
            licenseeId: c.licenseeId.toHexString(),
            licenseeName: licensees.get(c.licenseeId.toHexString()) ?? '',
            patentIds: c.terms.patentIds.map(String),
          },
        ]),
      ),
      patents: new Map(patents.map((p) => [p._id.toHexString(), toDistributionPatent(p)])),
    });
    return { ...report, licensorName: licensor.name };
  }

  /** The platform's fee revenue net of refunds, less Stripe's fees, per month and currency. */
  async platformRevenue(ctx: RequestContext, range: DateRange): Promise<PlatformRevenueReport> {
    requireViewerOrSystem(ctx);
    if (!ctx.system && !seesWholeLedger(ctx.viewer))
      throw AppError.forbidden("Platform revenue is for the platform's finance staff and admins.");
    const { from, to } = requireRange(range);
    const [fees, stripeFees] = await Promise.all(
      (['PLATFORM_FEE_REVENUE', 'STRIPE_FEES'] as const).map((account) =>
        JournalEntryModel.find({ accounts: account })
          .select({ effectiveDate: 1, currency: 1, lines: 1 })
          .lean<Pick<JournalEntryRecord, '_id' | 'effectiveDate' | 'currency' | 'lines'>[]>(),
      ),
    );
    return buildPlatformRevenue({
      from,
      to,
      entries: [...fees, ...stripeFees].map((e) => ({ ...e, id: e._id.toHexString() })),
    });
  }

  /**
   * Whose receivables a viewer may age: anyone's (the id is then only a filter) for the platform; otherwise one
   * organisation in which the viewer does finance, or, for a licensor, manages technology transfer: named, or
   * implied when there is exactly one.
   */
  private async ageingScope(ctx: RequestContext, organizationId: string | null): Promise<string | null> {
    if (ctx.system || seesWholeLedger(ctx.viewer)) {
      if (organizationId) await this.organizations.getOrThrow(organizationId);
      return organizationId;
    }
    const viewer = requireViewer(ctx);
    const eligible = viewer.memberships
      .filter(
        (m) =>
          m.roles.includes('FINANCE') ||
          (m.roles.includes('TTO_MANAGER') && LICENSOR_KINDS.includes(m.organizationKind)),
      )
      .map((m) => m.organizationId);
    const forbidden = AppError.forbidden(
      "The receivables ageing is for an organisation's finance staff, and a licensor's TTO managers.",
    );
    if (organizationId) {
      if (!eligible.includes(organizationId)) throw forbidden;
      return organizationId;
    }
    if (eligible.length === 0) throw forbidden;
    if (eligible.length > 1)
      throw AppError.badInput(
        'organizationId',
        'You do finance for several organisations: name the one whose receivables to show.',
      );
    return eligible[0];
  }

  /** The organisations whose lines the viewer sees (null: all of them), or undefined when it may not read it. */
  private statementViewer(ctx: RequestContext, contract: ContractRecord): string[] | null | undefined {
    if (ctx.system || seesWholeLedger(ctx.viewer)) return null;
    const parties = [contract.licensorId.toHexString(), contract.licenseeId.toHexString()];
    const own = (ctx.viewer?.memberships ?? [])
      .filter((m) => parties.includes(m.organizationId) && m.roles.some((r) => STATEMENT_ROLES.includes(r)))
      .map((m) => m.organizationId);
    return own.length > 0 ? own : undefined;
  }

  /** DUE and OVERDUE obligations due by `asOf`, of one organisation (either side) or of all. */
  private async unpaidDueObligations(
    organizationId: string | null,
    asOf: CalendarDate,
  ): Promise<ObligationRecord[]> {
    const party = organizationId ? new Types.ObjectId(organizationId) : null;
    const filters = UNPAID_DUE_STATUSES.flatMap((status) =>
      party
        ? [
            { status, licensorId: party },
            { status, licenseeId: party },
          ]
        : [{ status }],
    );
    const found = (await Promise.all(filters.map((f) => ObligationModel.find(f).lean<ObligationRecord[]>())))
      .flat()
      .filter((o) => o.dueDate <= asOf);
    return [...new Map(found.map((o) => [o._id.toHexString(), o])).values()];
  }

  /** Each contract's number and its patents, in the order the contract lists them. */
  private async contractFacts(
    contractIds: readonly string[],
  ): Promise<Map<string, { number: string; patentIds: string[] }>> {
    const distinct = [...new Set(contractIds)];
    const found = await Promise.all(
      distinct.map((id) =>
        ContractModel.findById(id)
          .select({ number: 1, terms: 1 })
          .lean<Pick<ContractRecord, '_id' | 'number' | 'terms'>>(),
      ),
    );
    return new Map(
      found.flatMap((c) =>
        c
          ? [[c._id.toHexString(), { number: c.number, patentIds: c.terms.patentIds.map(String) }] as const]
          : [],
      ),
    );
  }

  private async patentFacts(patentIds: readonly string[]): Promise<Map<string, DistributionPatent>> {
    const found = await Promise.all(
      [...new Set(patentIds)].map((id) =>
        PatentModel.findById(id).select({ titleEn: 1, titleZh: 1, applicationNumber: 1 }).lean<PatentFacts>(),
      ),
    );
    return new Map(
      found.flatMap((p) => (p ? [[p._id.toHexString(), toDistributionPatent(p)] as const] : [])),
    );
  }

  private async organizationNames(ids: readonly Types.ObjectId[]): Promise<Map<string, string>> {
    const found = await this.organizations.getManyByIds([...new Set(ids.map((id) => id.toHexString()))]);
    return new Map([...found].map(([id, organization]) => [id, organization.name]));
  }
}

function toDistributionPatent(p: PatentFacts): DistributionPatent {
  return {
    patentId: p._id.toHexString(),
    title: p.titleEn ?? p.titleZh ?? '',
    applicationNumber: p.applicationNumber,
  };
}

function requireViewerOrSystem(ctx: RequestContext): void {
  if (!ctx.system) requireViewer(ctx);
}

function requireDate(field: string, value: string): CalendarDate {
  if (!isCalendarDate(value))
    throw AppError.badInput(field, '{{field}} must be a calendar date, YYYY-MM-DD; got "{{value}}".', {
      field,
      value,
    });
  return value;
}

function requireRange(range: DateRange): { from: CalendarDate; to: CalendarDate } {
  const from = requireDate('from', range.from);
  const to = requireDate('to', range.to);
  if (to < from)
    throw AppError.badInput('to', 'The range ends ({{to}}) before it starts ({{from}}).', { to, from });
  return { from, to };
}

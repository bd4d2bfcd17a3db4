import { toCalendarDate } from '../../common/calendar-date';
import { claimOnce } from '../../common/claims';
import { AppError, type FieldError } from '../../common/errors';
import { requireRoleIn, requireViewer, type RequestContext } from '../../common/request-context';
import { insertObligations, obligationDocument, type ContractService } from '../contracts/contract.service';
import { obligationKey } from '../contracts/engine/obligation-schedule';
import { royaltyAmendmentDelta } from '../contracts/engine/royalty';
import { sublicenseShare } from '../contracts/engine/sublicense-share';
import { assertTakesReports, reportingPeriodOf } from './report-period';
import {
  SublicenseIncomeReportModel,
  type SublicenseIncomeLine,
  type SublicenseIncomeReportRecord,
} from './sublicense-income-report.model';

const MAX_LINES = 200;
const MAX_NAME = 200;

/**
 * Sublicensing income reports: per reporting period, what each sublicensee paid the licensee. Each period owes the
 * licensor its share once (`SUBLICENSE_SHARE:<period>`, due with the period's report); an amendment owes or credits
 * the difference (`SUBLICENSE_SHARE_ADJUSTMENT:<period>:<revision>`). The share is owed from the first period, free
 * period included: the free period lets the licensee use the technology, not keep the licensor's part of what others
 * pay for it. It is not a royalty: royalty caps and the minimum annual royalty do not count it.
 */
export class SublicenseIncomeReportService {
  constructor(private readonly contracts: ContractService) {}

  async submit(
    ctx: RequestContext,
    contractId: string,
    periodStart: string,
    lines: SublicenseIncomeLine[],
  ): Promise<SublicenseIncomeReportRecord> {
    const viewer = requireViewer(ctx);
    const contract = await this.contracts.getVisible(ctx, contractId);
    if (!contract) throw AppError.notFound('The contract');
    requireRoleIn(ctx, contract.licenseeId.toHexString(), 'SME_MEMBER');
    if (!contract.terms.sublicensingAllowed)
      throw new AppError(
        'SUBLICENSING_NOT_ALLOWED',
        'This licence does not allow sublicensing, so it has no sublicensing income to report.',
        { field: 'contractId' },
      );
    assertTakesReports(contract);

    const errors: FieldError[] = [];
    const period = reportingPeriodOf(contract, periodStart, toCalendarDate(ctx.clock.now()), errors);
    if (lines.length > MAX_LINES)
      errors.push({
        field: 'lines',
        message: 'Report at most {{max}} sublicensees.',
        params: { max: MAX_LINES },
      });
    const names = new Set<string>();
    lines.forEach((line, i) => {
      const name = line.sublicensee?.trim() ?? '';
      if (name === '' || name.length > MAX_NAME)
        errors.push({
          field: `lines[${i}].sublicensee`,
          message: 'Name the sublicensee (up to {{max}} characters).',
          params: { max: MAX_NAME },
        });
      else if (names.has(name.toLowerCase()))
        errors.push({
          field: `lines[${i}].sublicensee`,
          message: 'Report each sublicensee once, with its total for the period.',
        });
      names.add(name.toLowerCase());
      if (!Number.isSafeInteger(line.incomeMinor) || line.incomeMinor < 0)
        errors.push({ field: `lines[${i}].incomeMinor`, message: 'Income is whole minor units, 0 or more.' });
    });
    const income = lines.reduce((sum, l) => sum + l.incomeMinor, 0);
    if (errors.length === 0 && !Number.isSafeInteger(income))
      errors.push({ field: 'lines', message: 'The period’s total income is too large.' });
    AppError.assertNoFieldErrors(errors);
    if (!period) throw AppError.badInput('periodStart', 'Unknown period.');

    const plan = contract.terms.paymentPlan;
    const shareBps = plan.sublicenseShareBps ?? 0;
    const cleanLines = lines.map((l) => ({ sublicensee: l.sublicensee.trim(), incomeMinor: l.incomeMinor }));
    const share = sublicenseShare(cleanLines, shareBps);
    const reports = await SublicenseIncomeReportModel.find({ contractId: contract._id }).lean<
      SublicenseIncomeReportRecord[]
    >();
    const previous = reports
      .filter((r) => r.periodStart === period.start)
      .reduce<SublicenseIncomeReportRecord | null>((a, r) => (!a || r.revision > a.revision ? r : a), null);
    const revision = (previous?.revision ?? 0) + 1;
    const now = ctx.clock.now();

    // The claim makes a revision exist once even when the same SME submits twice at the same moment.
    const claim = await claimOnce(
      `sublicense-income-report:${contract._id.toHexString()}:${period.start}:r${revision}`,
      viewer.userId + now.toISOString(),
      now,
    );
    if (!claim.won)
      throw new AppError(
        'CONFLICT',
        'Another sublicensing income report for this period was just submitted; reload and try again.',
      );
    const report = (
      await SublicenseIncomeReportModel.create({
        reportKey: `${contract._id.toHexString()}:${period.start}:r${revision}`,
        contractId: contract._id,
        licensorId: contract.licensorId,
        licenseeId: contract.licenseeId,
        periodStart: period.start,
        periodEnd: period.end,
        revision,
        lines: cleanLines,
        incomeMinor: income,
        shareBps,
        shareMinor: share,
        submittedByUserId: viewer.userId,
        submittedAt: now,
      })
    ).toObject() as SublicenseIncomeReportRecord;

    const delta = previous
      ? royaltyAmendmentDelta(previous.shareMinor, share)
      : { kind: share > 0 ? 'ADDITIONAL_CHARGE' : 'NO_CHANGE', amountMinor: share };
    if (delta.kind !== 'NO_CHANGE') {
      const amountMinor = delta.kind === 'CREDIT' ? -delta.amountMinor : delta.amountMinor;
      const obligation = previous
        ? {
            key: obligationKey.sublicenseShareAdjustment(period.start, revision),
            kind: 'SUBLICENSE_SHARE_ADJUSTMENT' as const,
          }
        : { key: obligationKey.sublicenseShare(period.start), kind: 'SUBLICENSE_SHARE' as const };
      await insertObligations([
        obligationDocument(
          contract,
          { ...obligation, amountMinor, currency: plan.currency, dueDate: period.reportDueDate },
          now,
        ),
      ]);
    }
    return report;
  }

  async listForContract(ctx: RequestContext, contractId: string): Promise<SublicenseIncomeReportRecord[]> {
    const contract = await this.contracts.getVisible(ctx, contractId);
    if (!contract) throw AppError.notFound('The contract');
    const reports = await SublicenseIncomeReportModel.find({ contractId: contract._id }).lean<
      SublicenseIncomeReportRecord[]
    >();
    return reports.sort((a, b) => a.periodStart.localeCompare(b.periodStart) || a.revision - b.revision);
  }
}

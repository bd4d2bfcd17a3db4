import type { CalendarDate } from '../../common/calendar-date';
import { AppError, type FieldError } from '../../common/errors';
import type { ContractRecord } from '../contracts/contract.model';
import { CONTRACT_STATE_NAMES } from '../contracts/contract.state';
import { reportingPeriods, type ReportingWindow } from '../contracts/engine/obligation-schedule';

/** A contract takes reports (sales or sublicensing income) while it runs, in default included. */
export function assertTakesReports(contract: ContractRecord): void {
  if (!['FREE_PERIOD', 'ACTIVE', 'DEFAULTED'].includes(contract.state)) {
    throw new AppError('INVALID_STATE_TRANSITION', 'The contract is {{state}}; it takes no more reports.', {
      params: { state: { message: CONTRACT_STATE_NAMES[contract.state] } },
    });
  }
}

/**
 * The reporting period that starts on `periodStart`, or the problem with it as a field error: a report is for one of
 * the contract's own periods, and one that has started.
 */
export function reportingPeriodOf(
  contract: ContractRecord,
  periodStart: string,
  today: CalendarDate,
  errors: FieldError[],
): ReportingWindow | null {
  const period = reportingPeriods(contract.terms.paymentPlan, contract.effectiveDate as CalendarDate).find(
    (p) => p.start === periodStart,
  );
  if (!period) {
    errors.push({
      field: 'periodStart',
      message: 'This is not the first day of one of the contract’s reporting periods.',
    });
    return null;
  }
  if (period.start > today) {
    errors.push({ field: 'periodStart', message: 'This period has not started yet.' });
    return null;
  }
  return period;
}

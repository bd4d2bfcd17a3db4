import type { ReportLineInput } from '../graphql/generated/graphql';
import { parseAmountToMinor } from '../i18n/amount-input';

/** A line of a sales report as typed: one product in one territory, in major units. */
export type ReportLineForm = { product: string; territory: string; gross: string; deductions: string };

export const EMPTY_REPORT_LINE: ReportLineForm = { product: '', territory: '', gross: '', deductions: '0' };

export type ReportTotals = { grossMinor: number; deductionsMinor: number; netMinor: number };

/**
 * The lines to send and the report's totals; net sales are gross less deductions, as the API requires. Issues are
 * keyed by the API's field path (`lines[0].grossSalesMinor`). No lines make a zero report.
 */
export function reportLinesToInput(
  lines: readonly ReportLineForm[],
  currency: string,
): { lines: ReportLineInput[]; totals: ReportTotals; issues: Record<string, string> } {
  const issues: Record<string, string> = {};
  const totals: ReportTotals = { grossMinor: 0, deductionsMinor: 0, netMinor: 0 };
  const input = lines.map((line, index) => {
    const gross = parseAmountToMinor(line.gross, currency);
    const deductions = parseAmountToMinor(line.deductions || '0', currency);
    if (!line.product.trim()) issues[`lines[${index}].product`] = 'required';
    if (!line.territory.trim()) issues[`lines[${index}].territory`] = 'required';
    if (gross === null) issues[`lines[${index}].grossSalesMinor`] = line.gross.trim() ? 'amount' : 'required';
    if (deductions === null) issues[`lines[${index}].deductionsMinor`] = 'amount';
    else if (gross !== null && deductions > gross)
      issues[`lines[${index}].deductionsMinor`] = 'deductionsAboveGross';
    const grossSalesMinor = gross ?? 0;
    const deductionsMinor = deductions ?? 0;
    const netSalesMinor = Math.max(grossSalesMinor - deductionsMinor, 0);
    totals.grossMinor += grossSalesMinor;
    totals.deductionsMinor += deductionsMinor;
    totals.netMinor += netSalesMinor;
    return {
      product: line.product.trim(),
      territory: line.territory.trim(),
      grossSalesMinor,
      deductionsMinor,
      netSalesMinor,
    };
  });
  return { lines: input, totals, issues };
}

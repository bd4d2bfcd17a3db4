import {
  checkReceivablesMatchObligations,
  ledgerInvariants,
  type LedgerViolation,
} from './ledger-invariants';
import { checkPaymentsInLedger } from '../billing/collection.service';

/**
 * The checks `scripts/ledger-check.ts` runs, in order. A module that owns another invariant over the ledger (such
 * as billing's "every succeeded PaymentIntent has exactly one payment entry") adds it here.
 */
export type LedgerCheck = {
  name: string;
  run(progress: (entriesChecked: number) => void): Promise<LedgerViolation[]>;
};

export const LEDGER_CHECKS: readonly LedgerCheck[] = [
  { name: 'entries', run: (progress) => ledgerInvariants({ progress }) },
  { name: 'receivables-match-obligations', run: () => checkReceivablesMatchObligations() },
  { name: 'succeeded-payments-in-ledger', run: () => checkPaymentsInLedger() },
];

export type LedgerCheckSummary = {
  ok: boolean;
  checks: { name: string; violations: number; seconds: number }[];
  violations: LedgerViolation[];
};

/** Runs every check and says what failed; the violations are listed up to `maxListed` (their count is exact). */
export async function runLedgerChecks(
  options: {
    checks?: readonly LedgerCheck[];
    progress?: (check: string, entriesChecked: number) => void;
    maxListed?: number;
  } = {},
): Promise<LedgerCheckSummary> {
  const checks = options.checks ?? LEDGER_CHECKS;
  const summary: LedgerCheckSummary = { ok: true, checks: [], violations: [] };
  for (const check of checks) {
    const started = Date.now();
    const violations = await check.run((n) => options.progress?.(check.name, n));
    summary.checks.push({
      name: check.name,
      violations: violations.length,
      seconds: (Date.now() - started) / 1000,
    });
    summary.violations.push(...violations);
  }
  summary.ok = summary.violations.length === 0;
  summary.violations = summary.violations.slice(0, options.maxListed ?? 1000);
  return summary;
}

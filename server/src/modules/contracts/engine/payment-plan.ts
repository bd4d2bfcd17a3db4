/**
 * The payment plan of a licence offer. A licensor writes it on the offer; signing copies it unchanged into the
 * contract, and the contract engine derives every obligation from it. All amounts are minor units of `currency`,
 * all rates integer basis points (1 bps = 0.01 %).
 */
import {
  type CalendarDate,
  type CalendarPeriod,
  isCalendarDate,
  MONTHS_IN_PERIOD,
} from '../../../common/calendar-date';
import type { FieldError, Message, MessageId, MessageParams } from '../../../common/errors';
import {
  type CurrencyCode,
  isCurrencyCode,
  minorToMajor,
  type RemainderPlacement,
} from '../../../common/money';

/** Months of free use from the effective date; with `endsOnFirstRevenue` it stops early on the first sale. */
export type FreePeriod = { months: number; endsOnFirstRevenue: boolean };

export type OnDate = { onDate: CalendarDate };

/** `AT_SIGNING` falls due on the effective date. */
export type UpfrontFeeDue = 'AT_SIGNING' | 'END_OF_FREE_PERIOD' | OnDate;

export type UpfrontFee = { amountMinor: number; due: UpfrontFeeDue };

/** `AFTER_EFFECTIVE_DATE`: the first installment falls due one `frequency` period after the effective date. */
export type InstallmentFirstDue = 'END_OF_FREE_PERIOD' | 'AFTER_EFFECTIVE_DATE' | OnDate;

/** `totalMinor` split into `count` equal installments; `remainder` says which installments carry the odd units. */
export type Installments = {
  totalMinor: number;
  count: number;
  frequency: CalendarPeriod;
  firstDue: InstallmentFirstDue;
  remainder: RemainderPlacement;
};

/**
 * Net sales in the tier basis from `fromMinor` (inclusive) to `toMinor` (exclusive; null for the open top tier) are
 * charged at `rateBps`. Tiers are marginal: each slice of sales pays its own tier's rate.
 */
export type RoyaltyTier = { fromMinor: number; toMinor: number | null; rateBps: number };

/** Whether tier thresholds count net sales since the effective date or restart every contract year. */
export type TierBasis = 'CUMULATIVE' | 'CONTRACT_YEAR';

export type RoyaltyTerms = { tiers: readonly RoyaltyTier[]; tierBasis: TierBasis };

/** Royalties owed for each contract year from `fromContractYear` on are topped up to `amountMinor` at year end. */
export type MinimumAnnualRoyalty = { amountMinor: number; fromContractYear: number };

/** Royalties charged per contract year and over the whole contract never exceed these. */
export type RoyaltyCaps = { perYearMinor?: number | null; totalMinor?: number | null };

export type MilestoneTrigger =
  'FIRST_COMMERCIAL_SALE' | 'REGULATORY_APPROVAL' | 'CUMULATIVE_NET_SALES' | 'DATE';

/**
 * A lump sum due `dueDaysAfterEvent` days after its trigger: a first sale, an approval, cumulative net sales reaching
 * `thresholdMinor`, or the date `onDate`.
 */
export type Milestone = {
  key: string;
  name: string;
  amountMinor: number;
  trigger: MilestoneTrigger;
  thresholdMinor?: number | null;
  onDate?: CalendarDate | null;
  dueDaysAfterEvent: number;
};

export type PaymentPlan = {
  currency: CurrencyCode;
  /** Length of the licence, in months from the effective date. */
  termMonths: number;
  freePeriod?: FreePeriod | null;
  upfrontFee?: UpfrontFee | null;
  installments?: Installments | null;
  royalty?: RoyaltyTerms | null;
  minimumAnnualRoyalty?: MinimumAnnualRoyalty | null;
  caps?: RoyaltyCaps | null;
  milestones?: readonly Milestone[] | null;
  /** The licensor's share of what the licensee earns from sublicences. */
  sublicenseShareBps?: number | null;
  /** Paid once if the licensee ends the licence before its term. */
  exitFeeMinor?: number | null;
  /** Simple interest per year on overdue amounts; 0 for none. */
  lateInterestBps: number;
  /** Defaults to `DEFAULT_REPORTING_PERIOD`. */
  reportingPeriod?: CalendarPeriod | null;
  /** Days after a reporting period ends by which its sales report is due. */
  reportDueDays: number;
  /** Days after a due date during which a payment is not yet late. */
  graceDays: number;
};

export const DEFAULT_REPORTING_PERIOD: CalendarPeriod = 'QUARTERLY';

/** The one largest royalty rate a plan can state: 100 % of net sales. */
const MAX_RATE_BPS = 10_000;

/** A field's problem, worded to follow the field's name: `must not be empty`. */
export type PaymentPlanIssue = FieldError;

/** What the rest of the licence says that the plan must agree with. */
export type PaymentPlanContext = {
  /** When false, a plan may not charge a share of sublicensing income (0 or none is fine). */
  sublicensingAllowed?: boolean;
};

/**
 * Every problem of a plan, each naming its field (`royalty.tiers[1].fromMinor`), so an offer form can show them all
 * at once. An empty list means the engine can run the plan. Does not trust the static types: the plan may come
 * straight from a request or an old document.
 */
export function validatePaymentPlan(plan: PaymentPlan, context: PaymentPlanContext = {}): PaymentPlanIssue[] {
  const issues: PaymentPlanIssue[] = [];
  const report: Report = (field, message, params) => issues.push({ field, message, params });

  if (!isCurrencyCode(plan.currency))
    report('currency', '"{{currency}}" is not a supported currency', { currency: String(plan.currency) });
  const termIsValid = isSafeInteger(plan.termMonths) && plan.termMonths > 0;
  if (!termIsValid) report('termMonths', 'must be a whole number of months greater than 0');
  checkNonNegativeInteger(plan.lateInterestBps, 'lateInterestBps', report);
  checkNonNegativeInteger(plan.reportDueDays, 'reportDueDays', report);
  checkNonNegativeInteger(plan.graceDays, 'graceDays', report);
  if (plan.reportingPeriod != null && !isCalendarPeriod(plan.reportingPeriod)) {
    report('reportingPeriod', 'must be MONTHLY, QUARTERLY or YEARLY');
  }

  const { freePeriod } = plan;
  let freeMonths = 0;
  if (freePeriod != null) {
    if (!isSafeInteger(freePeriod.months) || freePeriod.months < 0) {
      report('freePeriod.months', 'must be a whole number of months, 0 or more');
    } else if (termIsValid && freePeriod.months > plan.termMonths) {
      report('freePeriod.months', 'must not be longer than the {{termMonths}}-month term', {
        termMonths: plan.termMonths,
      });
    } else {
      freeMonths = freePeriod.months;
    }
    if (typeof freePeriod.endsOnFirstRevenue !== 'boolean') {
      report('freePeriod.endsOnFirstRevenue', 'must be true or false');
    }
  }

  const { upfrontFee } = plan;
  if (upfrontFee != null) {
    checkPositiveAmount(upfrontFee.amountMinor, 'upfrontFee.amountMinor', report);
    if (!isFixedDue(upfrontFee.due, ['AT_SIGNING', 'END_OF_FREE_PERIOD'])) {
      report('upfrontFee.due', 'must be AT_SIGNING, END_OF_FREE_PERIOD or a valid date (YYYY-MM-DD)');
    }
  }

  const { installments } = plan;
  if (installments != null) {
    checkPositiveAmount(installments.totalMinor, 'installments.totalMinor', report);
    const frequencyIsValid = isCalendarPeriod(installments.frequency);
    const firstDueIsValid = isFixedDue(installments.firstDue, ['END_OF_FREE_PERIOD', 'AFTER_EFFECTIVE_DATE']);
    if (!frequencyIsValid) report('installments.frequency', 'must be MONTHLY, QUARTERLY or YEARLY');
    if (!firstDueIsValid) {
      report(
        'installments.firstDue',
        'must be END_OF_FREE_PERIOD, AFTER_EFFECTIVE_DATE or a valid date (YYYY-MM-DD)',
      );
    }
    if (installments.remainder !== 'FIRST' && installments.remainder !== 'LAST') {
      report('installments.remainder', 'must be FIRST or LAST');
    }
    if (!isSafeInteger(installments.count) || installments.count < 1) {
      report('installments.count', 'must be a whole number of installments, 1 or more');
    } else if (
      isSafeInteger(installments.totalMinor) &&
      installments.totalMinor > 0 &&
      installments.count > installments.totalMinor
    ) {
      report(
        'installments.count',
        'must not exceed the total in minor units, or some installments would be 0',
      );
    } else if (
      termIsValid &&
      frequencyIsValid &&
      firstDueIsValid &&
      typeof installments.firstDue === 'string'
    ) {
      const periodMonths = MONTHS_IN_PERIOD[installments.frequency];
      const firstMonth = installments.firstDue === 'END_OF_FREE_PERIOD' ? freeMonths : periodMonths;
      const lastMonth = firstMonth + (installments.count - 1) * periodMonths;
      if (lastMonth > plan.termMonths) {
        report(
          'installments.count',
          'the last installment would fall due {{lastMonth}} months after the effective date, after the {{termMonths}}-month term',
          { lastMonth, termMonths: plan.termMonths },
        );
      }
    }
  }

  const { royalty } = plan;
  if (royalty != null) validateRoyalty(royalty, report);

  const { minimumAnnualRoyalty } = plan;
  if (minimumAnnualRoyalty != null) {
    if (royalty == null) report('minimumAnnualRoyalty', 'needs a royalty to top up; add royalty tiers');
    checkPositiveAmount(minimumAnnualRoyalty.amountMinor, 'minimumAnnualRoyalty.amountMinor', report);
    const { fromContractYear } = minimumAnnualRoyalty;
    if (!isSafeInteger(fromContractYear) || fromContractYear < 1) {
      report('minimumAnnualRoyalty.fromContractYear', 'must be a contract year, 1 or later');
    } else if (termIsValid && (fromContractYear - 1) * 12 >= plan.termMonths) {
      report(
        'minimumAnnualRoyalty.fromContractYear',
        'starts after the {{termMonths}}-month term has ended',
        { termMonths: plan.termMonths },
      );
    }
  }

  const { caps } = plan;
  if (caps != null) {
    if (royalty == null) report('caps', 'caps limit royalties; add royalty tiers or remove the caps');
    const minimum = minimumAnnualRoyalty?.amountMinor;
    for (const name of ['perYearMinor', 'totalMinor'] as const) {
      const cap = caps[name];
      if (cap == null) continue;
      if (!checkPositiveAmount(cap, `caps.${name}`, report)) continue;
      if (isSafeInteger(minimum) && cap < minimum) {
        report(
          `caps.${name}`,
          'is below the minimum annual royalty ({{minimum}}); the two cannot both hold',
          { minimum },
        );
      }
    }
  }

  const keys = new Set<string>();
  (plan.milestones ?? []).forEach((milestone, index) => {
    const field = `milestones[${index}]`;
    if (typeof milestone.key !== 'string' || milestone.key.trim() === '') {
      report(`${field}.key`, 'must not be empty');
    } else if (keys.has(milestone.key)) {
      report(`${field}.key`, '"{{key}}" is used by another milestone', { key: milestone.key });
    } else {
      keys.add(milestone.key);
    }
    if (typeof milestone.name !== 'string' || milestone.name.trim() === '')
      report(`${field}.name`, 'must not be empty');
    checkPositiveAmount(milestone.amountMinor, `${field}.amountMinor`, report);
    checkNonNegativeInteger(milestone.dueDaysAfterEvent, `${field}.dueDaysAfterEvent`, report);
    if (!MILESTONE_TRIGGERS.includes(milestone.trigger)) {
      report(`${field}.trigger`, 'must be one of {{triggers}}', { triggers: MILESTONE_TRIGGERS.join(', ') });
    }
    if (milestone.trigger === 'CUMULATIVE_NET_SALES') {
      if (milestone.thresholdMinor == null)
        report(`${field}.thresholdMinor`, 'is required for CUMULATIVE_NET_SALES');
      else checkPositiveAmount(milestone.thresholdMinor, `${field}.thresholdMinor`, report);
    } else if (milestone.thresholdMinor != null) {
      report(`${field}.thresholdMinor`, 'only applies to the CUMULATIVE_NET_SALES trigger');
    }
    if (milestone.trigger === 'DATE') {
      if (!isCalendarDate(milestone.onDate)) report(`${field}.onDate`, 'must be a valid date (YYYY-MM-DD)');
    } else if (milestone.onDate != null) {
      report(`${field}.onDate`, 'only applies to the DATE trigger');
    }
  });

  if (plan.sublicenseShareBps != null) {
    checkRateBps(plan.sublicenseShareBps, 'sublicenseShareBps', report);
    if (context.sublicensingAllowed === false && plan.sublicenseShareBps !== 0) {
      report(
        'sublicenseShareBps',
        'the licence does not allow sublicensing, so there is no sublicensing income to share; allow it or remove the share',
      );
    }
  }
  if (plan.exitFeeMinor != null) checkNonNegativeInteger(plan.exitFeeMinor, 'exitFeeMinor', report);

  return issues;
}

export type OpenLicencePolicy = {
  maxRoyaltyBps: number;
  maxFixedFeesMinorCny: number;
  /** REFUSE: an offer breaking a rule cannot be published as an open licence; WARN: it can, with a warning. */
  mode: 'REFUSE' | 'WARN';
};

export type OpenLicenceRule =
  'ROYALTY_ABOVE_OPEN_LICENCE_CAP' | 'FIXED_FEES_ABOVE_OPEN_LICENCE_CAP' | 'OPEN_LICENCE_CURRENCY_NOT_CNY';

/** What the rule says, as a message (see common/errors.ts); stored with the offer, shown in the reader's language. */
export type OpenLicenceFinding = Message & {
  code: OpenLicenceRule;
  severity: OpenLicencePolicy['mode'];
  /** The plan fields that break the rule, for the offer form to highlight. */
  fields: string[];
};

/**
 * Checks an offer published as an open licence against China's open-licence guidance: the royalty rate and the fixed
 * fees have ceilings. "Fixed fees" are every lump sum in the plan (upfront fee, installments, milestones, exit fee);
 * the fee ceiling is in CNY, so a plan in another currency is a finding of its own rather than a guess at a rate.
 * The sublicence share is neither: it takes part of what third parties pay the licensee, not of the licensee's own
 * sales, and is not a fixed sum, so neither ceiling measures it and it is not checked here.
 * Assumes a plan that `validatePaymentPlan` accepts.
 */
export function checkOpenLicencePolicy(plan: PaymentPlan, policy: OpenLicencePolicy): OpenLicenceFinding[] {
  const findings: OpenLicenceFinding[] = [];
  const severity = policy.mode;

  const steepTiers = (plan.royalty?.tiers ?? [])
    .map((tier, index) => ({ tier, index }))
    .filter(({ tier }) => tier.rateBps > policy.maxRoyaltyBps);
  if (steepTiers.length > 0) {
    const steepest = Math.max(...steepTiers.map(({ tier }) => tier.rateBps));
    findings.push({
      code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
      severity,
      fields: steepTiers.map(({ index }) => `royalty.tiers[${index}].rateBps`),
      message:
        "China's open-licence guidance caps royalties at {{cap}} of net sales; this plan charges up to {{steepest}}.",
      params: { cap: formatBps(policy.maxRoyaltyBps), steepest: formatBps(steepest) },
    });
  }

  const fixedFees: { field: string; amountMinor: number }[] = [];
  if (plan.upfrontFee)
    fixedFees.push({ field: 'upfrontFee.amountMinor', amountMinor: plan.upfrontFee.amountMinor });
  if (plan.installments) {
    fixedFees.push({ field: 'installments.totalMinor', amountMinor: plan.installments.totalMinor });
  }
  (plan.milestones ?? []).forEach((milestone, index) =>
    fixedFees.push({ field: `milestones[${index}].amountMinor`, amountMinor: milestone.amountMinor }),
  );
  if (plan.exitFeeMinor) fixedFees.push({ field: 'exitFeeMinor', amountMinor: plan.exitFeeMinor });

  if (fixedFees.length > 0 && plan.currency !== 'CNY') {
    findings.push({
      code: 'OPEN_LICENCE_CURRENCY_NOT_CNY',
      severity,
      fields: ['currency'],
      message:
        "China's open-licence fee ceiling is stated in CNY; price this open licence in CNY, not {{currency}}.",
      params: { currency: plan.currency },
    });
  } else if (fixedFees.length > 0) {
    const total = fixedFees.reduce((sum, fee) => sum + BigInt(fee.amountMinor), 0n);
    if (total > BigInt(policy.maxFixedFeesMinorCny)) {
      findings.push({
        code: 'FIXED_FEES_ABOVE_OPEN_LICENCE_CAP',
        severity,
        fields: fixedFees.map((fee) => fee.field),
        message:
          "China's open-licence guidance caps fixed fees at CNY {{cap}}; this plan's upfront fee, installments, milestones and exit fee add up to CNY {{total}}.",
        params: { cap: minorToMajor(policy.maxFixedFeesMinorCny, 'CNY'), total: formatCny(total) },
      });
    }
  }
  return findings;
}

const MILESTONE_TRIGGERS: readonly MilestoneTrigger[] = [
  'FIRST_COMMERCIAL_SALE',
  'REGULATORY_APPROVAL',
  'CUMULATIVE_NET_SALES',
  'DATE',
];

type Report = (field: string, message: MessageId, params?: MessageParams) => void;

function validateRoyalty(royalty: RoyaltyTerms, report: Report): void {
  if (royalty.tierBasis !== 'CUMULATIVE' && royalty.tierBasis !== 'CONTRACT_YEAR') {
    report('royalty.tierBasis', 'must be CUMULATIVE or CONTRACT_YEAR');
  }
  const tiers = royalty.tiers ?? [];
  if (tiers.length === 0) {
    report('royalty.tiers', 'must have at least one tier');
    return;
  }
  tiers.forEach((tier, index) => {
    const field = `royalty.tiers[${index}]`;
    const isLast = index === tiers.length - 1;
    checkRateBps(tier.rateBps, `${field}.rateBps`, report);

    const fromIsValid = checkNonNegativeInteger(tier.fromMinor, `${field}.fromMinor`, report);
    if (fromIsValid && index === 0 && tier.fromMinor !== 0) {
      report(`${field}.fromMinor`, 'must be 0: the first tier starts with the first sale');
    }
    const previousTo = index > 0 ? tiers[index - 1].toMinor : null;
    if (fromIsValid && isSafeInteger(previousTo)) {
      if (tier.fromMinor > previousTo) {
        report(`${field}.fromMinor`, 'leaves a gap after the previous tier, which ends at {{previousTo}}', {
          previousTo,
        });
      } else if (tier.fromMinor < previousTo) {
        report(`${field}.fromMinor`, 'overlaps the previous tier, which ends at {{previousTo}}', {
          previousTo,
        });
      }
    }

    if (tier.toMinor === null) {
      if (!isLast) report(`${field}.toMinor`, 'only the last tier may be open-ended');
    } else if (!isSafeInteger(tier.toMinor)) {
      report(`${field}.toMinor`, 'must be an amount in minor units, or null for the open top tier');
    } else if (fromIsValid && tier.toMinor <= tier.fromMinor) {
      report(`${field}.toMinor`, 'must be above fromMinor ({{fromMinor}})', { fromMinor: tier.fromMinor });
    } else if (isLast) {
      report(`${field}.toMinor`, 'must be null: the last tier covers all further sales');
    }
  });
}

function isFixedDue(due: unknown, keywords: readonly string[]): boolean {
  if (typeof due === 'string') return keywords.includes(due);
  return typeof due === 'object' && due !== null && isCalendarDate((due as Partial<OnDate>).onDate);
}

function isCalendarPeriod(value: unknown): value is CalendarPeriod {
  return value === 'MONTHLY' || value === 'QUARTERLY' || value === 'YEARLY';
}

function isSafeInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value);
}

function checkPositiveAmount(value: unknown, field: string, report: Report): boolean {
  if (isSafeInteger(value) && value > 0) return true;
  report(field, 'must be an amount in minor units greater than 0');
  return false;
}

function checkNonNegativeInteger(value: unknown, field: string, report: Report): boolean {
  if (isSafeInteger(value) && value >= 0) return true;
  report(field, 'must be a whole number, 0 or more');
  return false;
}

function checkRateBps(value: unknown, field: string, report: Report): void {
  if (!isSafeInteger(value) || value < 0 || value > MAX_RATE_BPS) {
    report(field, 'must be whole basis points from 0 to 10000 (0 % to 100 %)');
  }
}

function formatBps(bps: number): string {
  // Display only: bps / 100 is exact enough to print (2000 → "20", 1250 → "12.5").
  return `${bps / 100}%`;
}

function formatCny(amountMinor: bigint): string {
  const digits = amountMinor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

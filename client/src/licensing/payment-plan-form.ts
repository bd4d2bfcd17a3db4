import type {
  CalendarPeriod,
  FeeDue,
  InstallmentStart,
  MilestoneTrigger,
  PaymentPlanFieldsFragment,
  PaymentPlanInput,
  RemainderPlacement,
  TierBasis,
} from '../graphql/generated/graphql';
import {
  bpsToPercentInput,
  minorToAmountInput,
  parseAmountToMinor,
  parsePercentToBps,
  parseWholeNumber,
} from '../i18n/amount-input';

export type TierForm = { from: string; to: string; ratePercent: string };
export type MilestoneForm = {
  key: string;
  name: string;
  amount: string;
  trigger: MilestoneTrigger;
  threshold: string;
  onDate: string;
  dueDaysAfterEvent: string;
};

/**
 * A payment plan as its form holds it: text as typed, amounts in major units and rates in percent, each optional
 * part switched on or off. Errors, whether found here or by the API, are keyed by the API's field path below
 * `paymentPlan` (`royalty.tiers[1].rateBps`), so each shows next to the input that holds that field.
 */
export type PaymentPlanForm = {
  currency: string;
  termMonths: string;
  freePeriod: { enabled: boolean; months: string; endsOnFirstRevenue: boolean };
  upfrontFee: { enabled: boolean; amount: string; due: FeeDue; onDate: string };
  installments: {
    enabled: boolean;
    total: string;
    count: string;
    frequency: CalendarPeriod;
    firstDue: InstallmentStart;
    onDate: string;
    remainder: RemainderPlacement;
  };
  royalty: { enabled: boolean; tierBasis: TierBasis; tiers: TierForm[] };
  minimumAnnualRoyalty: { enabled: boolean; amount: string; fromContractYear: string };
  caps: { perYear: string; total: string };
  milestones: MilestoneForm[];
  sublicenseSharePercent: string;
  exitFee: string;
  lateInterestPercent: string;
  reportingPeriod: CalendarPeriod;
  reportDueDays: string;
  graceDays: string;
};

/** Why a value typed into the form cannot be sent; the form translates the reason. */
export type FormIssue = 'required' | 'amount' | 'percent' | 'wholeNumber' | 'date';
export type FormIssues = Record<string, FormIssue>;

export const EMPTY_TIER: TierForm = { from: '0', to: '', ratePercent: '' };
export const EMPTY_MILESTONE: MilestoneForm = {
  key: '',
  name: '',
  amount: '',
  trigger: 'FIRST_COMMERCIAL_SALE',
  threshold: '',
  onDate: '',
  dueDaysAfterEvent: '30',
};

/** A new offer's plan: five years, a year free or until first revenue, a 5 % royalty, reported quarterly. */
export function defaultPaymentPlanForm(currency = 'CNY'): PaymentPlanForm {
  return {
    currency,
    termMonths: '60',
    freePeriod: { enabled: true, months: '12', endsOnFirstRevenue: true },
    upfrontFee: { enabled: false, amount: '', due: 'AT_SIGNING', onDate: '' },
    installments: {
      enabled: false,
      total: '',
      count: '4',
      frequency: 'QUARTERLY',
      firstDue: 'END_OF_FREE_PERIOD',
      onDate: '',
      remainder: 'LAST',
    },
    royalty: { enabled: true, tierBasis: 'CUMULATIVE', tiers: [{ from: '0', to: '', ratePercent: '5' }] },
    minimumAnnualRoyalty: { enabled: false, amount: '', fromContractYear: '2' },
    caps: { perYear: '', total: '' },
    milestones: [],
    sublicenseSharePercent: '',
    exitFee: '',
    lateInterestPercent: '6',
    reportingPeriod: 'QUARTERLY',
    reportDueDays: '30',
    graceDays: '30',
  };
}

/** The form for a plan the API sent (an offer's, a proposal's), to change it. */
export function paymentPlanToForm(plan: PaymentPlanFieldsFragment): PaymentPlanForm {
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined ? '' : minorToAmountInput(minor, plan.currency);
  const base = defaultPaymentPlanForm(plan.currency);
  return {
    currency: plan.currency,
    termMonths: String(plan.termMonths),
    freePeriod: plan.freePeriod
      ? {
          enabled: true,
          months: String(plan.freePeriod.months),
          endsOnFirstRevenue: plan.freePeriod.endsOnFirstRevenue,
        }
      : { ...base.freePeriod, enabled: false },
    upfrontFee: plan.upfrontFee
      ? {
          enabled: true,
          amount: money(plan.upfrontFee.amountMinor),
          due: plan.upfrontFee.due,
          onDate: plan.upfrontFee.onDate ?? '',
        }
      : base.upfrontFee,
    installments: plan.installments
      ? {
          enabled: true,
          total: money(plan.installments.totalMinor),
          count: String(plan.installments.count),
          frequency: plan.installments.frequency,
          firstDue: plan.installments.firstDue,
          onDate: plan.installments.onDate ?? '',
          remainder: plan.installments.remainder,
        }
      : base.installments,
    royalty: plan.royalty
      ? {
          enabled: true,
          tierBasis: plan.royalty.tierBasis,
          tiers: plan.royalty.tiers.map((tier) => ({
            from: money(tier.fromMinor),
            to: money(tier.toMinor),
            ratePercent: bpsToPercentInput(tier.rateBps),
          })),
        }
      : { ...base.royalty, enabled: false },
    minimumAnnualRoyalty: plan.minimumAnnualRoyalty
      ? {
          enabled: true,
          amount: money(plan.minimumAnnualRoyalty.amountMinor),
          fromContractYear: String(plan.minimumAnnualRoyalty.fromContractYear),
        }
      : base.minimumAnnualRoyalty,
    caps: { perYear: money(plan.caps?.perYearMinor), total: money(plan.caps?.totalMinor) },
    milestones: (plan.milestones ?? []).map((milestone) => ({
      key: milestone.key,
      name: milestone.name,
      amount: money(milestone.amountMinor),
      trigger: milestone.trigger,
      threshold: money(milestone.thresholdMinor),
      onDate: milestone.onDate ?? '',
      dueDaysAfterEvent: String(milestone.dueDaysAfterEvent),
    })),
    sublicenseSharePercent:
      plan.sublicenseShareBps === null || plan.sublicenseShareBps === undefined
        ? ''
        : bpsToPercentInput(plan.sublicenseShareBps),
    exitFee: money(plan.exitFeeMinor),
    lateInterestPercent: bpsToPercentInput(plan.lateInterestBps),
    reportingPeriod: plan.reportingPeriod ?? 'QUARTERLY',
    reportDueDays: String(plan.reportDueDays),
    graceDays: String(plan.graceDays),
  };
}

/**
 * The API input for a filled-in form, or the issues that keep it from being sent. Only the form's own checks are
 * here (is it a number, an amount with the currency's decimals); the rules of a plan (tiers that overlap, a cap
 * below the minimum) are the API's, which names the field.
 */
export function paymentPlanFormToInput(
  form: PaymentPlanForm,
): { input: PaymentPlanInput; issues: null } | { input: null; issues: FormIssues } {
  const issues: FormIssues = {};
  const currency = form.currency;
  const amount = (raw: string, field: string): number => {
    const value = parseAmountToMinor(raw, currency);
    if (value === null) issues[field] = raw.trim() ? 'amount' : 'required';
    return value ?? 0;
  };
  const optionalAmount = (raw: string, field: string): number | null =>
    raw.trim() ? amount(raw, field) : null;
  const whole = (raw: string, field: string): number => {
    const value = parseWholeNumber(raw);
    if (value === null) issues[field] = raw.trim() ? 'wholeNumber' : 'required';
    return value ?? 0;
  };
  const percent = (raw: string, field: string): number => {
    const value = parsePercentToBps(raw);
    if (value === null) issues[field] = raw.trim() ? 'percent' : 'required';
    return value ?? 0;
  };
  const date = (raw: string, field: string): string => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) issues[field] = raw ? 'date' : 'required';
    return raw;
  };

  const input: PaymentPlanInput = {
    currency,
    termMonths: whole(form.termMonths, 'termMonths'),
    lateInterestBps: percent(form.lateInterestPercent, 'lateInterestBps'),
    reportingPeriod: form.reportingPeriod,
    reportDueDays: whole(form.reportDueDays, 'reportDueDays'),
    graceDays: whole(form.graceDays, 'graceDays'),
  };
  if (form.freePeriod.enabled) {
    input.freePeriod = {
      months: whole(form.freePeriod.months, 'freePeriod.months'),
      endsOnFirstRevenue: form.freePeriod.endsOnFirstRevenue,
    };
  }
  if (form.upfrontFee.enabled) {
    input.upfrontFee = {
      amountMinor: amount(form.upfrontFee.amount, 'upfrontFee.amountMinor'),
      due: form.upfrontFee.due,
      ...(form.upfrontFee.due === 'ON_DATE'
        ? { onDate: date(form.upfrontFee.onDate, 'upfrontFee.due') }
        : {}),
    };
  }
  if (form.installments.enabled) {
    const { installments } = form;
    input.installments = {
      totalMinor: amount(installments.total, 'installments.totalMinor'),
      count: whole(installments.count, 'installments.count'),
      frequency: installments.frequency,
      firstDue: installments.firstDue,
      remainder: installments.remainder,
      ...(installments.firstDue === 'ON_DATE'
        ? { onDate: date(installments.onDate, 'installments.firstDue') }
        : {}),
    };
  }
  if (form.royalty.enabled) {
    input.royalty = {
      tierBasis: form.royalty.tierBasis,
      tiers: form.royalty.tiers.map((tier, index) => ({
        fromMinor: amount(tier.from || '0', `royalty.tiers[${index}].fromMinor`),
        toMinor: optionalAmount(tier.to, `royalty.tiers[${index}].toMinor`),
        rateBps: percent(tier.ratePercent, `royalty.tiers[${index}].rateBps`),
      })),
    };
  }
  if (form.minimumAnnualRoyalty.enabled) {
    input.minimumAnnualRoyalty = {
      amountMinor: amount(form.minimumAnnualRoyalty.amount, 'minimumAnnualRoyalty.amountMinor'),
      fromContractYear: whole(
        form.minimumAnnualRoyalty.fromContractYear,
        'minimumAnnualRoyalty.fromContractYear',
      ),
    };
  }
  const perYearMinor = optionalAmount(form.caps.perYear, 'caps.perYearMinor');
  const totalMinor = optionalAmount(form.caps.total, 'caps.totalMinor');
  if (perYearMinor !== null || totalMinor !== null) input.caps = { perYearMinor, totalMinor };
  if (form.milestones.length > 0) {
    input.milestones = form.milestones.map((milestone, index) => {
      const field = `milestones[${index}]`;
      return {
        key: milestone.key.trim() || `milestone-${index + 1}`,
        name: milestone.name.trim(),
        amountMinor: amount(milestone.amount, `${field}.amountMinor`),
        trigger: milestone.trigger,
        dueDaysAfterEvent: whole(milestone.dueDaysAfterEvent, `${field}.dueDaysAfterEvent`),
        thresholdMinor:
          milestone.trigger === 'CUMULATIVE_NET_SALES'
            ? amount(milestone.threshold, `${field}.thresholdMinor`)
            : null,
        onDate: milestone.trigger === 'DATE' ? date(milestone.onDate, `${field}.onDate`) : null,
      };
    });
  }
  if (form.sublicenseSharePercent.trim())
    input.sublicenseShareBps = percent(form.sublicenseSharePercent, 'sublicenseShareBps');
  const exitFee = optionalAmount(form.exitFee, 'exitFeeMinor');
  if (exitFee !== null) input.exitFeeMinor = exitFee;

  return Object.keys(issues).length > 0 ? { input: null, issues } : { input, issues: null };
}

/** A plan the API sent, as input again: to propose or counter with the same terms. */
export function paymentPlanShapeToInput(plan: PaymentPlanFieldsFragment): PaymentPlanInput {
  const result = paymentPlanFormToInput(paymentPlanToForm(plan));
  if (result.issues)
    throw new Error(`A plan from the API does not read back: ${JSON.stringify(result.issues)}`);
  return result.input;
}

import type { CalendarDate } from '../../common/calendar-date';
import type { CurrencyCode } from '../../common/money';
import type { Locale } from '../../i18n/locale';
import { languageOf, translate } from '../../i18n/translate';
import type { PaymentPlan } from '../contracts/engine/payment-plan';
import type { CostSimulation as Simulation } from './cost-simulation';
import type { LicenseOfferRecord } from './offer.model';
import type { CostSimulation, LicenseOffer, PaymentPlanShape } from './offer.types';

/** The API's flat "due + onDate" becomes the engine's union, and back. */
export function toPaymentPlan(shape: PaymentPlanShape): PaymentPlan {
  const onDate = (date: string | null | undefined) => ({ onDate: (date ?? '') as CalendarDate });
  return {
    currency: shape.currency as CurrencyCode,
    termMonths: shape.termMonths,
    freePeriod: shape.freePeriod
      ? { months: shape.freePeriod.months, endsOnFirstRevenue: shape.freePeriod.endsOnFirstRevenue }
      : null,
    upfrontFee: shape.upfrontFee
      ? {
          amountMinor: shape.upfrontFee.amountMinor,
          due: shape.upfrontFee.due === 'ON_DATE' ? onDate(shape.upfrontFee.onDate) : shape.upfrontFee.due,
        }
      : null,
    installments: shape.installments
      ? {
          totalMinor: shape.installments.totalMinor,
          count: shape.installments.count,
          frequency: shape.installments.frequency,
          firstDue:
            shape.installments.firstDue === 'ON_DATE'
              ? onDate(shape.installments.onDate)
              : shape.installments.firstDue,
          remainder: shape.installments.remainder,
        }
      : null,
    royalty: shape.royalty
      ? {
          tiers: shape.royalty.tiers.map((t) => ({
            fromMinor: t.fromMinor,
            toMinor: t.toMinor ?? null,
            rateBps: t.rateBps,
          })),
          tierBasis: shape.royalty.tierBasis,
        }
      : null,
    minimumAnnualRoyalty: shape.minimumAnnualRoyalty ? { ...shape.minimumAnnualRoyalty } : null,
    caps: shape.caps
      ? { perYearMinor: shape.caps.perYearMinor ?? null, totalMinor: shape.caps.totalMinor ?? null }
      : null,
    milestones: (shape.milestones ?? []).map((m) => ({
      key: m.key,
      name: m.name,
      amountMinor: m.amountMinor,
      trigger: m.trigger,
      thresholdMinor: m.thresholdMinor ?? null,
      onDate: (m.onDate ?? null) as CalendarDate | null,
      dueDaysAfterEvent: m.dueDaysAfterEvent,
    })),
    sublicenseShareBps: shape.sublicenseShareBps ?? null,
    exitFeeMinor: shape.exitFeeMinor ?? null,
    lateInterestBps: shape.lateInterestBps,
    reportingPeriod: shape.reportingPeriod ?? null,
    reportDueDays: shape.reportDueDays,
    graceDays: shape.graceDays,
  };
}

export function toPlanShape(plan: PaymentPlan): PaymentPlanShape {
  const upfront = plan.upfrontFee;
  const installments = plan.installments;
  return {
    currency: plan.currency,
    termMonths: plan.termMonths,
    freePeriod: plan.freePeriod ?? null,
    upfrontFee: upfront
      ? typeof upfront.due === 'string'
        ? { amountMinor: upfront.amountMinor, due: upfront.due, onDate: null }
        : { amountMinor: upfront.amountMinor, due: 'ON_DATE', onDate: upfront.due.onDate }
      : null,
    installments: installments
      ? {
          totalMinor: installments.totalMinor,
          count: installments.count,
          frequency: installments.frequency,
          remainder: installments.remainder,
          ...(typeof installments.firstDue === 'string'
            ? { firstDue: installments.firstDue, onDate: null }
            : { firstDue: 'ON_DATE' as const, onDate: installments.firstDue.onDate }),
        }
      : null,
    royalty: plan.royalty
      ? { tiers: plan.royalty.tiers.map((t) => ({ ...t })), tierBasis: plan.royalty.tierBasis }
      : null,
    minimumAnnualRoyalty: plan.minimumAnnualRoyalty ?? null,
    caps: plan.caps ?? null,
    milestones: (plan.milestones ?? []).map((m) => ({
      ...m,
      thresholdMinor: m.thresholdMinor ?? null,
      onDate: m.onDate ?? null,
    })),
    sublicenseShareBps: plan.sublicenseShareBps ?? null,
    exitFeeMinor: plan.exitFeeMinor ?? null,
    lateInterestBps: plan.lateInterestBps,
    reportingPeriod: plan.reportingPeriod ?? null,
    reportDueDays: plan.reportDueDays,
    graceDays: plan.graceDays,
  };
}

/** An offer as its reader sees it, its policy findings in `locale` (the request's). */
export function toLicenseOffer(record: LicenseOfferRecord, locale: Locale): LicenseOffer {
  return {
    id: record._id.toHexString(),
    institutionId: record.institutionId.toHexString(),
    title: record.title,
    patentIds: record.patentIds.map((p) => p.toHexString()),
    licenseKind: record.licenseKind,
    fieldOfUse: record.fieldOfUse,
    territory: record.territory,
    sublicensingAllowed: record.sublicensingAllowed,
    standard: record.standard,
    eligibility: record.eligibility,
    paymentPlan: toPlanShape(record.paymentPlan),
    // Stored as a message id and params; offers from before hold the English text, which reads as itself.
    policyFindings: record.policyFindings.map((f) => ({
      code: f.code,
      severity: f.severity,
      fields: f.fields,
      message: translate(locale, f),
      messageLanguage: languageOf(locale, f),
    })),
    state: record.state,
  };
}

export function toCostSimulation(currency: string, simulation: Simulation): CostSimulation {
  return { currency, ...simulation };
}

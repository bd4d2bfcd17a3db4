import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentPlanFieldsFragment } from '../graphql/generated/graphql';
import { formatBps, formatIsoDate, formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import classes from './licensing.module.css';

type PlanLike = Partial<PaymentPlanFieldsFragment> & { currency: string; termMonths: number };

/** The terms of a payment plan in words a licensee reads before agreeing to them. */
export function PlanSummary({ plan }: { plan: PlanLike }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, plan.currency, locale);
  const rows: [string, ReactNode][] = [[t('plan.termMonths'), t('plan.months', { count: plan.termMonths })]];
  if (plan.freePeriod)
    rows.push([
      t('plan.freePeriod'),
      plan.freePeriod.endsOnFirstRevenue
        ? t('plan.freeMonthsOrRevenue', { count: plan.freePeriod.months })
        : t('plan.months', { count: plan.freePeriod.months }),
    ]);
  if (plan.upfrontFee)
    rows.push([
      t('plan.upfrontFee'),
      `${money(plan.upfrontFee.amountMinor)} · ${
        plan.upfrontFee.due === 'ON_DATE' && plan.upfrontFee.onDate
          ? formatIsoDate(plan.upfrontFee.onDate, locale)
          : t(`enums.feeDue.${plan.upfrontFee.due}`)
      }`,
    ]);
  if (plan.installments)
    rows.push([
      t('plan.installments'),
      t('plan.installmentsValue', {
        total: money(plan.installments.totalMinor),
        count: plan.installments.count,
        frequency: t(`enums.period.${plan.installments.frequency}`),
      }),
    ]);
  if (plan.royalty)
    rows.push([
      t('plan.royalty'),
      <ul key="tiers" className={classes.plainList}>
        {plan.royalty.tiers.map((tier, index) => (
          <li key={index}>
            {tier.toMinor === null || tier.toMinor === undefined
              ? t('plan.tierFromOnly', { from: money(tier.fromMinor), rate: formatBps(tier.rateBps, locale) })
              : t('plan.tierRange', {
                  from: money(tier.fromMinor),
                  to: money(tier.toMinor),
                  rate: formatBps(tier.rateBps, locale),
                })}
          </li>
        ))}
      </ul>,
    ]);
  if (plan.minimumAnnualRoyalty)
    rows.push([
      t('plan.minimumAnnualRoyalty'),
      t('plan.minimumValue', {
        amount: money(plan.minimumAnnualRoyalty.amountMinor),
        year: plan.minimumAnnualRoyalty.fromContractYear,
      }),
    ]);
  if (plan.caps?.perYearMinor) rows.push([t('plan.capPerYear'), money(plan.caps.perYearMinor)]);
  if (plan.caps?.totalMinor) rows.push([t('plan.capTotal'), money(plan.caps.totalMinor)]);
  for (const milestone of plan.milestones ?? [])
    rows.push([
      t('plan.milestoneLabel', { name: milestone.name }),
      `${money(milestone.amountMinor)} · ${t(`enums.milestoneTrigger.${milestone.trigger}`)}`,
    ]);
  if (plan.sublicenseShareBps)
    rows.push([t('plan.sublicenseShare'), formatBps(plan.sublicenseShareBps, locale)]);
  if (plan.exitFeeMinor) rows.push([t('plan.exitFee'), money(plan.exitFeeMinor)]);
  if (plan.lateInterestBps !== undefined)
    rows.push([t('plan.lateInterest'), t('plan.perYear', { rate: formatBps(plan.lateInterestBps, locale) })]);
  if (plan.reportingPeriod)
    rows.push([
      t('plan.reportingPeriod'),
      t('plan.reportingValue', {
        period: t(`enums.period.${plan.reportingPeriod}`),
        days: plan.reportDueDays ?? 0,
      }),
    ]);
  if (plan.graceDays !== undefined)
    rows.push([t('plan.graceDays'), t('plan.days', { count: plan.graceDays })]);
  return (
    <dl className={classes.terms}>
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

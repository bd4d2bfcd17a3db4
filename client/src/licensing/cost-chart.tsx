import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { SimulateLicenseCostQuery } from '../graphql/generated/graphql';
import { formatMoney, formatMoneyCompact } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import classes from './licensing.module.css';

type Simulation = SimulateLicenseCostQuery['simulateLicenseCost'];

/** Cumulative payments month by month: the curve an SME compares offers by. */
export function CostChart({ simulation, label }: { simulation: Simulation; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  let cumulative = 0;
  const data = simulation.months.map((month) => {
    cumulative += month.totalMinor;
    return { month: month.month, paid: cumulative };
  });
  const money = (minor: number) => formatMoney(minor, simulation.currency, locale);
  return (
    // The curve is a picture of the numbers the card states in words (the total, the free period), so it is named
    // as one image rather than read point by point.
    <div className={classes.chart} role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis
            dataKey="month"
            tick={{ fontSize: 12 }}
            label={{ value: t('simulator.month'), position: 'insideBottom', offset: -4 }}
          />
          <YAxis
            width={64}
            tick={{ fontSize: 12 }}
            tickFormatter={(value: number) => formatMoneyCompact(value, simulation.currency, locale)}
          />
          <Tooltip
            formatter={(value) => [money(Number(value)), t('simulator.paidSoFar')]}
            labelFormatter={(month) => t('simulator.monthN', { n: month })}
          />
          <Line
            type="stepAfter"
            dataKey="paid"
            stroke="#1864ab"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}

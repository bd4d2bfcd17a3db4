import { useQuery } from '@apollo/client/react';
import { Badge, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PayoutReconciliationDocument } from '../graphql/generated/graphql';
import { formatIsoDate, formatMoney, formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import licensing from '../licensing/licensing.module.css';
import { PageTitle, QueryStates } from '../ui/page-states';
import { CsvDownloadButton } from './csv-download-button';
import { daysBefore, todayIso } from './report-dates';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';

const STATE_COLORS: Record<string, string> = { RECONCILED: 'green', PENDING: 'gray', EXCEPTIONS: 'red' };
const STATES = ['RECONCILED', 'PENDING', 'EXCEPTIONS'] as const;

/** Each Stripe payout and how far its balance transactions are matched to the ledger. */
export function PayoutsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(PayoutReconciliationDocument, {
    fetchPolicy: 'cache-and-network',
  });
  const [from, setFrom] = useState(() => daysBefore(todayIso(), 30));
  const [to, setTo] = useState(todayIso);
  const payouts = data?.payoutReconciliation ?? [];
  const stateLabel = (state: string) =>
    (STATES as readonly string[]).includes(state)
      ? t(`finance.payoutState.${state as (typeof STATES)[number]}`)
      : state;
  return (
    <Stack>
      <PageTitle>{t('finance.payoutsTitle')}</PageTitle>
      <FinanceNav />
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && payouts.length === 0}
        emptyTitle={t('finance.noPayouts')}
      />
      {payouts.length > 0 && (
        // Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it.
        <div
          className={licensing.tableWrap}
          tabIndex={0}
          role="region"
          aria-label={t('finance.payoutsTitle')}
        >
          <table className={licensing.table}>
            <thead>
              <tr>
                <th scope="col">{t('finance.payout')}</th>
                <th scope="col">{t('finance.arrival')}</th>
                <th scope="col">{t('finance.amount')}</th>
                <th scope="col">{t('finance.stripeStatus')}</th>
                <th scope="col">{t('finance.transactions')}</th>
                <th scope="col">{t('finance.matched')}</th>
                <th scope="col">{t('finance.exceptions')}</th>
                <th scope="col">{t('finance.state')}</th>
              </tr>
            </thead>
            <tbody>
              {payouts.map((payout) => (
                <tr key={payout.payoutId}>
                  <td>
                    <code>{payout.payoutId}</code>
                  </td>
                  <td>{formatIsoDate(payout.arrivalDate, locale)}</td>
                  <td>{formatMoney(payout.amountMinor, payout.currency, locale)}</td>
                  <td>{payout.payoutStatus}</td>
                  <td>{formatNumber(payout.transactions, locale)}</td>
                  <td>{formatNumber(payout.matched, locale)}</td>
                  <td>{formatNumber(payout.exceptions, locale)}</td>
                  <td>
                    <Badge variant="light" autoContrast color={STATE_COLORS[payout.state] ?? 'gray'}>
                      {stateLabel(payout.state)}
                    </Badge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="payouts-csv">
        <Title order={2} size="h3" id="payouts-csv" mb="xs">
          {t('finance.download')}
        </Title>
        <div className={classes.fields}>
          <TextInput
            type="date"
            label={t('finance.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label={t('finance.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
          />
        </div>
        <CsvDownloadButton report="payouts" params={{ from, to }} label={t('finance.csv.payouts')} />
      </section>
    </Stack>
  );
}

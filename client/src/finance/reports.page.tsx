import { useQuery } from '@apollo/client/react';
import { NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LicensorDistributionDocument } from '../graphql/generated/graphql';
import { formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import licensing from '../licensing/licensing.module.css';
import { PageTitle, QueryStates } from '../ui/page-states';
import { CsvDownloadButton } from './csv-download-button';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';
import { isCalendarDate, monthStartBefore, todayIso } from './report-dates';

/** The platform's CSV reports that have no page of their own: platform revenue and a licensor's distribution. */
export function FinanceReportsPage() {
  const { t } = useTranslation();
  const [from, setFrom] = useState(() => monthStartBefore(todayIso(), 11));
  const [to, setTo] = useState(todayIso);
  return (
    <Stack>
      <PageTitle>{t('finance.reportsTitle')}</PageTitle>
      <FinanceNav />
      <section aria-labelledby="revenue-csv">
        <Title order={2} size="h3" id="revenue-csv" mb="xs">
          {t('finance.revenueTitle')}
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
        <CsvDownloadButton report="platform-revenue" params={{ from, to }} label={t('finance.csv.revenue')} />
      </section>
      <DistributionDownload licensorId={null} />
    </Stack>
  );
}

/**
 * A licensor's distribution as CSV. The platform names the licensor (its organisation id); a licensor's own finance
 * staff download their own.
 */
export function DistributionDownload({ licensorId }: { licensorId: string | null }) {
  const { t } = useTranslation();
  const [chosenLicensor, setLicensor] = useState('');
  const [from, setFrom] = useState(() => monthStartBefore(todayIso(), 11));
  const [to, setTo] = useState(todayIso);
  const [period, setPeriod] = useState<'QUARTER' | 'MONTH'>('QUARTER');
  const [by, setBy] = useState<'patent' | 'contract' | 'period'>('patent');
  return (
    <section aria-labelledby="distribution-csv">
      <Title order={2} size="h3" id="distribution-csv" mb="xs">
        {t('finance.distributionTitle')}
      </Title>
      <Text size="sm" mb="xs">
        {t('finance.distributionBody')}
      </Text>
      <div className={classes.fields}>
        {licensorId === null && (
          <TextInput
            label={t('finance.licensorId')}
            value={chosenLicensor}
            onChange={(e) => setLicensor(e.currentTarget.value.trim())}
          />
        )}
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
        <NativeSelect
          label={t('finance.period')}
          value={period}
          data={[
            { value: 'QUARTER', label: t('finance.quarter') },
            { value: 'MONTH', label: t('finance.month') },
          ]}
          onChange={(e) => setPeriod(e.currentTarget.value === 'MONTH' ? 'MONTH' : 'QUARTER')}
        />
        <NativeSelect
          label={t('finance.csv.rows')}
          value={by}
          data={[
            { value: 'patent', label: t('finance.csv.byPatent') },
            { value: 'contract', label: t('finance.csv.byContract') },
            { value: 'period', label: t('finance.csv.byPeriod') },
          ]}
          onChange={(e) => {
            const value = e.currentTarget.value;
            setBy(value === 'contract' || value === 'period' ? value : 'patent');
          }}
        />
      </div>
      <CsvDownloadButton
        report="distribution"
        params={{ licensorId: licensorId ?? chosenLicensor, from, to, period, by }}
        label={t('finance.csv.distribution')}
      />
      {/* The licensor's own staff see it on the page too; the platform, naming a licensor by id, downloads it. */}
      {licensorId !== null && <DistributionByPatent licensorId={licensorId} from={from} to={to} />}
    </section>
  );
}

// A licensor's patents fit on one page; beyond it the page points to the CSV, which has them all.
const PATENTS_SHOWN = 100;

/** What each patent earned in the range: what the TTO pays its inventors' shares from. */
function DistributionByPatent({ licensorId, from, to }: { licensorId: string; from: string; to: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const validRange = isCalendarDate(from) && isCalendarDate(to) && from <= to;
  const { data, loading, error, refetch } = useQuery(LicensorDistributionDocument, {
    variables: { licensorId, from, to, first: PATENTS_SHOWN },
    skip: !validRange,
    fetchPolicy: 'cache-and-network',
  });
  const patents = data?.licensorDistribution.byPatent;
  const rows = (patents?.edges ?? []).map((edge) => edge.node);
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <section aria-labelledby="distribution-patents">
      <Title order={3} size="h4" id="distribution-patents" mt="md" mb="xs">
        {t('finance.distributionByPatent')}
      </Title>
      <Text size="sm" mb="xs">
        {t('finance.distributionByPatentBody')}
      </Text>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && rows.length === 0}
        emptyTitle={t('finance.noDistribution')}
      />
      {patents && patents.totalCount > rows.length && (
        <Text size="sm" mb="xs">
          {t('finance.morePatents', { shown: rows.length, total: patents.totalCount })}
        </Text>
      )}
      {rows.length > 0 && (
        // Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it.
        <div
          className={licensing.tableWrap}
          tabIndex={0}
          role="region"
          aria-label={t('finance.distributionByPatent')}
        >
          <table className={licensing.table}>
            <thead>
              <tr>
                <th scope="col">{t('finance.patent')}</th>
                <th scope="col">{t('finance.applicationNumber')}</th>
                <th scope="col">{t('finance.received')}</th>
                <th scope="col">{t('finance.platformFee')}</th>
                <th scope="col">{t('finance.gross')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={`${row.patentId ?? 'none'}:${row.amounts.currency}`}>
                  <th scope="row" className={classes.rowLabel}>
                    {row.title ?? t('finance.noPatent')}
                  </th>
                  <td className={classes.reference}>{row.applicationNumber ?? ''}</td>
                  <td className={classes.amount}>{money(row.amounts.receivedMinor, row.amounts.currency)}</td>
                  <td className={classes.amount}>
                    {money(row.amounts.platformFeeMinor, row.amounts.currency)}
                  </td>
                  <td className={classes.amount}>{money(row.amounts.grossMinor, row.amounts.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

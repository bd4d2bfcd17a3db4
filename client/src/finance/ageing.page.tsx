import { useQuery } from '@apollo/client/react';
import { NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import {
  ReceivablesAgeingDocument,
  ReceivablesBreakdownDocument,
  type AgeingBucket,
} from '../graphql/generated/graphql';
import { formatIsoDate, formatMoney, formatMoneyCompact, formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import licensing from '../licensing/licensing.module.css';
import { useMembership } from '../session/route-membership';
import { EmptyState, PageTitle, QueryStates } from '../ui/page-states';
import { AGEING_BUCKETS, ageingChartRows, ageingCurrencies, bucketAmounts } from './ageing-chart';
import { CsvDownloadButton } from './csv-download-button';
import { DistributionDownload } from './reports.page';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';
import { todayIso } from './report-dates';

// Fresh to old, light to dark within each hue family, each at least 3:1 against white (WCAG 1.4.11).
const BUCKET_COLORS: Record<AgeingBucket, string> = {
  CURRENT: '#2b8a3e',
  DAYS_1_30: '#1864ab',
  DAYS_31_60: '#9c4a00',
  DAYS_61_90: '#c92a2a',
  OVER_90: '#5f3dc4',
};

type Side = 'byLicensee' | 'byLicensor';
const VIEWS = ['obligation', 'licensor', 'licensee', 'contract', 'patent'] as const;
type View = (typeof VIEWS)[number];

/** The platform's ageing of every receivable. */
export function AgeingPage() {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle>{t('finance.ageingTitle')}</PageTitle>
      <FinanceNav />
      <AgeingReport organizationId={null} partyAs={null} />
    </Stack>
  );
}

/**
 * An organisation's finance staff (and a licensor's TTO managers): the ageing of their own contracts, also per
 * contract; for a licensor, also what is owed per patent and its distributions per patent, which its inventors are
 * paid from.
 */
export function OrganizationReportsPage() {
  const { t } = useTranslation();
  const membership = useMembership();
  const platform = membership.organizationKind === 'PLATFORM';
  const licensor =
    membership.organizationKind === 'UNIVERSITY' || membership.organizationKind === 'RESEARCH_INSTITUTE';
  return (
    <Stack>
      <PageTitle>{t('finance.organizationReportsTitle')}</PageTitle>
      <AgeingReport
        organizationId={platform ? null : membership.organizationId}
        partyAs={platform ? null : licensor ? 'LICENSOR' : 'LICENSEE'}
      />
      {licensor && <DistributionDownload licensorId={membership.organizationId} />}
    </Stack>
  );
}

// Rows per table: enough for one organisation's contracts and patents; beyond it the page points to the CSV.
const ROWS_SHOWN = 100;

/** `partyAs`: which party the organisation is to its contracts, for the per-contract table; null for the platform. */
function AgeingReport({
  organizationId,
  partyAs,
}: {
  organizationId: string | null;
  partyAs: 'LICENSOR' | 'LICENSEE' | null;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [asOf, setAsOf] = useState(todayIso);
  const [side, setSide] = useState<Side>('byLicensee');
  const [chosenCurrency, setCurrency] = useState('');
  const [view, setView] = useState<View>('obligation');
  const validDate = /^\d{4}-\d{2}-\d{2}$/.test(asOf);
  const { data, loading, error, refetch } = useQuery(ReceivablesAgeingDocument, {
    // The page lists no obligation; the per-contract and per-patent tables come summed from the server.
    variables: { asOf, organizationId, first: 1, groupsFirst: 100 },
    skip: !validDate,
    fetchPolicy: 'cache-and-network',
  });
  const report = data?.receivablesAgeing;
  const currencies = report ? ageingCurrencies(report.totals) : [];
  const currency = currencies.includes(chosenCurrency) ? chosenCurrency : (currencies[0] ?? '');
  const groups = report ? report[side].edges.map((edge) => edge.node) : [];
  const rows = ageingChartRows(groups, currency);
  const money = (minor: number, code = currency) => formatMoney(minor, code, locale);
  const bucket = (key: AgeingBucket) => t(`finance.bucket.${key}`);
  const sideLabel = side === 'byLicensee' ? t('finance.licensee') : t('finance.licensor');
  return (
    <>
      <div className={classes.fields}>
        <TextInput
          type="date"
          label={t('finance.asOf')}
          value={asOf}
          error={validDate ? undefined : t('formIssues.date')}
          onChange={(event) => setAsOf(event.currentTarget.value)}
        />
        <NativeSelect
          label={t('finance.groupBy')}
          value={side}
          data={[
            { value: 'byLicensee', label: t('finance.licensee') },
            { value: 'byLicensor', label: t('finance.licensor') },
          ]}
          onChange={(event) =>
            setSide(event.currentTarget.value === 'byLicensor' ? 'byLicensor' : 'byLicensee')
          }
        />
        {currencies.length > 1 && (
          <NativeSelect
            label={t('finance.currency')}
            value={currency}
            data={currencies}
            onChange={(event) => setCurrency(event.currentTarget.value)}
          />
        )}
      </div>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(report) && currencies.length === 0}
        emptyTitle={t('finance.nothingOwed')}
      />
      {report && currencies.length > 0 && (
        <>
          <section aria-labelledby="ageing-totals">
            <Title order={2} size="h3" id="ageing-totals" mb="xs">
              {t('finance.totalsAsOf', { date: formatIsoDate(report.asOf, locale) })}
            </Title>
            {/* Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it. */}
            <div
              className={licensing.tableWrap}
              tabIndex={0}
              role="region"
              aria-label={t('finance.totalsAsOf', { date: formatIsoDate(report.asOf, locale) })}
            >
              <table className={licensing.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('finance.currency')}</th>
                    {AGEING_BUCKETS.map((key) => (
                      <th scope="col" key={key}>
                        {bucket(key)}
                      </th>
                    ))}
                    <th scope="col">{t('finance.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.totals.map((total) => {
                    const amounts = bucketAmounts(total);
                    return (
                      <tr key={total.currency}>
                        <th scope="row">{total.currency}</th>
                        {AGEING_BUCKETS.map((key) => (
                          <td key={key}>{money(amounts[key], total.currency)}</td>
                        ))}
                        <td>{money(total.totalMinor, total.currency)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="ageing-groups">
            <Title order={2} size="h3" id="ageing-groups" mb="xs">
              {t('finance.byParty', { party: sideLabel, currency })}
            </Title>
            {rows.length === 0 ? (
              <EmptyState title={t('finance.nothingOwed')} />
            ) : (
              <>
                {/* The chart draws the table below it; screen readers get the table, and the chart as one image. */}
                <div
                  className={classes.chart}
                  style={{ height: Math.max(200, rows.length * 40 + 90) }}
                  role="img"
                  aria-label={t('finance.chartLabel', { party: sideLabel, currency })}
                >
                  <ResponsiveContainer width="100%" height="100%">
                    <BarChart
                      data={rows}
                      layout="vertical"
                      margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
                      accessibilityLayer={false}
                    >
                      <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                      <XAxis
                        type="number"
                        tick={{ fontSize: 12 }}
                        tickFormatter={(value: number) => formatMoneyCompact(value, currency, locale)}
                      />
                      <YAxis type="category" dataKey="name" width={110} tick={{ fontSize: 12 }} />
                      <Tooltip formatter={(value, name) => [money(Number(value)), String(name)]} />
                      <Legend />
                      {AGEING_BUCKETS.map((key) => (
                        <Bar
                          key={key}
                          dataKey={key}
                          name={bucket(key)}
                          stackId="ageing"
                          fill={BUCKET_COLORS[key]}
                          isAnimationActive={false}
                        />
                      ))}
                    </BarChart>
                  </ResponsiveContainer>
                </div>
                <div
                  className={licensing.tableWrap}
                  tabIndex={0}
                  role="region"
                  aria-label={t('finance.byParty', { party: sideLabel, currency })}
                >
                  <table className={licensing.table}>
                    <thead>
                      <tr>
                        <th scope="col">{sideLabel}</th>
                        {AGEING_BUCKETS.map((key) => (
                          <th scope="col" key={key}>
                            {bucket(key)}
                          </th>
                        ))}
                        <th scope="col">{t('finance.total')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {rows.map((row) => (
                        <tr key={row.organizationId}>
                          <th scope="row">{row.name}</th>
                          {AGEING_BUCKETS.map((key) => (
                            <td key={key}>{money(row[key])}</td>
                          ))}
                          <td>{money(row.total)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </>
            )}
          </section>
          {partyAs && (
            <ReceivablesBreakdown
              asOf={report.asOf}
              organizationId={organizationId}
              currency={currency}
              partyAs={partyAs}
            />
          )}
        </>
      )}
      <section aria-labelledby="ageing-csv">
        <Title order={2} size="h3" id="ageing-csv" mb="xs">
          {t('finance.download')}
        </Title>
        <NativeSelect
          label={t('finance.csv.rows')}
          maw={280}
          mb="xs"
          value={view}
          data={[
            { value: 'obligation', label: t('finance.csv.byObligation') },
            { value: 'licensor', label: t('finance.csv.byLicensor') },
            { value: 'licensee', label: t('finance.csv.byLicensee') },
            { value: 'contract', label: t('finance.csv.byContract') },
            { value: 'patent', label: t('finance.csv.byPatent') },
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setView(VIEWS.find((v) => v === value) ?? 'obligation');
          }}
        />
        <CsvDownloadButton
          report="ageing"
          params={{ asOf, organizationId, by: view }}
          label={t('finance.csv.ageing')}
        />
      </section>
    </>
  );
}

/**
 * What is unpaid per contract (the table finance staff chase, or plan, payments from) and, for a licensor, per
 * patent (each patent's share, which its inventors are paid from once it comes in), in one currency, as the server
 * sums them.
 */
function ReceivablesBreakdown({
  asOf,
  organizationId,
  currency,
  partyAs,
}: {
  asOf: string;
  organizationId: string | null;
  currency: string;
  /** Which party the organisation is to these contracts: a licensor deals with licensees, and owns the patents. */
  partyAs: 'LICENSOR' | 'LICENSEE';
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(ReceivablesBreakdownDocument, {
    variables: { asOf, organizationId, currency, first: ROWS_SHOWN },
    fetchPolicy: 'cache-and-network',
  });
  const report = data?.receivablesAgeing;
  const contracts = report?.byContract.edges.map((edge) => edge.node) ?? [];
  const patents = report?.byPatent.edges.map((edge) => edge.node) ?? [];
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const contractHeading = t('finance.receivablesByContract', { currency });
  const patentHeading = t('finance.receivablesByPatent', { currency });
  const bucketCells = (amounts: Parameters<typeof bucketAmounts>[0]) => {
    const byBucket = bucketAmounts(amounts);
    return (
      <>
        {AGEING_BUCKETS.map((key) => (
          <td key={key} className={classes.amount}>
            {money(byBucket[key])}
          </td>
        ))}
        <td className={classes.amount}>{money(amounts.totalMinor)}</td>
      </>
    );
  };
  const bucketHeads = (
    <>
      {AGEING_BUCKETS.map((key) => (
        <th scope="col" key={key}>
          {t(`finance.bucket.${key}`)}
        </th>
      ))}
      <th scope="col">{t('finance.total')}</th>
    </>
  );
  // Each table says for itself that it is loading, failed (with a retry) or is empty.
  const states = (empty: boolean) => (
    <QueryStates
      loading={loading && !data}
      error={error}
      refetch={refetch}
      empty={empty}
      emptyTitle={t('finance.nothingOwed')}
    />
  );
  return (
    <>
      <section aria-labelledby="ageing-contracts">
        <Title order={2} size="h3" id="ageing-contracts" mb="xs">
          {contractHeading}
        </Title>
        {states(Boolean(report) && contracts.length === 0)}
        {report && report.byContract.totalCount > contracts.length && (
          <Text size="sm" mb="xs">
            {t('finance.moreContracts', { shown: contracts.length, total: report.byContract.totalCount })}
          </Text>
        )}
        {contracts.length > 0 && (
          // Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it.
          <div className={licensing.tableWrap} tabIndex={0} role="region" aria-label={contractHeading}>
            <table className={licensing.table}>
              <thead>
                <tr>
                  <th scope="col">{t('finance.ledger.contract')}</th>
                  <th scope="col">
                    {partyAs === 'LICENSOR' ? t('finance.licensee') : t('finance.licensor')}
                  </th>
                  <th scope="col" className={classes.amount}>
                    {t('finance.obligations')}
                  </th>
                  {bucketHeads}
                </tr>
              </thead>
              <tbody>
                {contracts.map((row) => (
                  <tr key={row.contractId}>
                    <th scope="row" className={classes.reference}>
                      <Link to={`/contracts/${row.contractId}`}>{row.contractNumber}</Link>
                    </th>
                    <td className={classes.rowLabel}>
                      {partyAs === 'LICENSOR' ? row.licenseeName : row.licensorName}
                    </td>
                    <td>{formatNumber(row.obligationCount, locale)}</td>
                    {bucketCells(row.amounts)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <CsvDownloadButton
          report="ageing"
          params={{ asOf, organizationId, by: 'contract' }}
          label={t('finance.csv.ageingByContract')}
        />
      </section>
      {partyAs === 'LICENSOR' && (
        <section aria-labelledby="ageing-patents">
          <Title order={2} size="h3" id="ageing-patents" mb="xs">
            {patentHeading}
          </Title>
          <Text size="sm" mb="xs">
            {t('finance.receivablesByPatentBody')}
          </Text>
          {states(Boolean(report) && patents.length === 0)}
          {report && report.byPatent.totalCount > patents.length && (
            <Text size="sm" mb="xs">
              {t('finance.morePatentsOwed', { shown: patents.length, total: report.byPatent.totalCount })}
            </Text>
          )}
          {patents.length > 0 && (
            // Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it.
            <div className={licensing.tableWrap} tabIndex={0} role="region" aria-label={patentHeading}>
              <table className={licensing.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('finance.patent')}</th>
                    <th scope="col">{t('finance.applicationNumber')}</th>
                    <th scope="col" className={classes.amount}>
                      {t('finance.obligations')}
                    </th>
                    {bucketHeads}
                  </tr>
                </thead>
                <tbody>
                  {patents.map((row) => (
                    <tr key={`${row.patentId ?? `none:${row.licensorId}`}:${row.amounts.currency}`}>
                      <th scope="row" className={classes.rowLabel}>
                        {row.title ?? t('finance.noPatent')}
                      </th>
                      <td className={classes.reference}>{row.applicationNumber ?? ''}</td>
                      <td>{formatNumber(row.obligationCount, locale)}</td>
                      {bucketCells(row.amounts)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <CsvDownloadButton
            report="ageing"
            params={{ asOf, organizationId, by: 'patent' }}
            label={t('finance.csv.ageingByPatent')}
          />
        </section>
      )}
    </>
  );
}

import { NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageTitle } from '../ui/page-states';
import { CsvDownloadButton } from './csv-download-button';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';
import { monthStartBefore, todayIso } from './report-dates';

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
    </section>
  );
}

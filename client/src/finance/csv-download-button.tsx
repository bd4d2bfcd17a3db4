import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCodeMessage } from '../ui/page-states';
import { CsvDownloadError, downloadCsv, type CsvReport } from './csv-download';

/** A button that downloads one report as CSV, with its own progress, result and refusal. */
export function CsvDownloadButton({
  report,
  params,
  label,
}: {
  report: CsvReport;
  params: Record<string, string | null | undefined>;
  label: string;
}) {
  const { t } = useTranslation();
  const [loading, setLoading] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [failure, setFailure] = useState<CsvDownloadError | null>(null);
  async function download() {
    setLoading(true);
    setSaved(null);
    setFailure(null);
    try {
      setSaved(await downloadCsv(report, params));
    } catch (error) {
      setFailure(error instanceof CsvDownloadError ? error : new CsvDownloadError('UNEXPECTED', ''));
    } finally {
      setLoading(false);
    }
  }
  const message = failure
    ? failure.code === 'NETWORK'
      ? t('finance.csv.network')
      : (errorCodeMessage(t, failure.code) ?? (failure.message || t('finance.csv.failed')))
    : null;
  return (
    <Stack gap="xs" align="flex-start">
      <Button variant="outline" loading={loading} onClick={() => void download()}>
        {label}
      </Button>
      {saved && (
        <Text size="sm" role="status">
          {t('finance.csv.saved', { filename: saved })}
        </Text>
      )}
      {message && (
        <Alert color="red" title={t('common.failed')} role="alert">
          <Text size="sm">{message}</Text>
        </Alert>
      )}
    </Stack>
  );
}

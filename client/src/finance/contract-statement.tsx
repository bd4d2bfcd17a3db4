import { useQuery } from '@apollo/client/react';
import { NativeSelect, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ContractStatementDocument } from '../graphql/generated/graphql';
import { formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { QueryStates } from '../ui/page-states';
import { CsvDownloadButton } from './csv-download-button';

type Part = 'entries' | 'obligations';

/**
 * A contract's statement for the finance staff of its parties: what the licensee owes under it now, and the whole
 * statement as CSV (one row per ledger entry with the running receivable, or one per obligation).
 */
export function ContractStatementSection({ contractId }: { contractId: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [part, setPart] = useState<Part>('entries');
  // One entry is enough: the page shows the balance, the CSV carries the rows.
  const { data, loading, error, refetch } = useQuery(ContractStatementDocument, {
    variables: { contractId, first: 1 },
    fetchPolicy: 'cache-and-network',
  });
  const owed = (data?.contractStatement.receivableBalances ?? []).filter((b) => b.balanceMinor !== 0);
  return (
    <section aria-labelledby="contract-statement">
      <Title order={2} size="h3" id="contract-statement" mb="xs">
        {t('finance.statement.title')}
      </Title>
      <QueryStates loading={loading && !data} error={error} refetch={refetch} empty={false} emptyTitle="" />
      {data && (
        <Text mb="xs">
          {owed.length === 0
            ? t('finance.statement.nothingOwed')
            : `${t('finance.statement.receivable')}: ${owed
                .map((balance) => formatMoney(balance.balanceMinor, balance.currency, locale))
                .join(' + ')}`}
        </Text>
      )}
      <NativeSelect
        label={t('finance.statement.rows')}
        maw={280}
        mb="xs"
        value={part}
        data={[
          { value: 'entries', label: t('finance.statement.byEntry') },
          { value: 'obligations', label: t('finance.statement.byObligation') },
        ]}
        onChange={(event) => setPart(event.currentTarget.value === 'obligations' ? 'obligations' : 'entries')}
      />
      <CsvDownloadButton
        report="statement"
        params={{ contractId, part }}
        label={t('finance.csv.statement')}
      />
    </section>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ReconcileWithStripeDocument,
  ReconciliationExceptionsDocument,
  ResolveReconciliationExceptionDocument,
  TakeReconciliationExceptionDocument,
  type ReconciliationExceptionFieldsFragment,
} from '../graphql/generated/graphql';
import { formatDateTime, formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { useSession } from '../session/session-hooks';
import { useFormErrors } from '../ui/form-errors';
import { PageTitle, QueryStates, RequestError } from '../ui/page-states';
import classes from '../licensing/licensing.module.css';
import { FinanceNav } from './finance-nav';

type Status = 'OPEN' | 'RESOLVED' | '';

/** Finance's queue: what Stripe and the ledger disagree on, oldest first; take one, resolve it with a note. */
export function ReconciliationPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>('OPEN');
  const { data, loading, error, refetch } = useQuery(ReconciliationExceptionsDocument, {
    variables: { status: status || null },
    fetchPolicy: 'cache-and-network',
  });
  const [reconcile, reconciling] = useMutation(ReconcileWithStripeDocument, {
    refetchQueries: [ReconciliationExceptionsDocument],
  });
  const exceptions = data?.reconciliationExceptions ?? [];
  const run = reconciling.data?.reconcileWithStripe;
  return (
    <Stack>
      <PageTitle
        actions={
          <Button loading={reconciling.loading} onClick={() => void reconcile().catch(() => undefined)}>
            {t('finance.reconcileNow')}
          </Button>
        }
      >
        {t('finance.reconciliationTitle')}
      </PageTitle>
      <FinanceNav />
      <RequestError error={reconciling.error} />
      {run && (
        <Text role="status">
          {t('finance.reconcileResult', {
            imported: run.imported,
            matched: run.matched,
            opened: run.exceptionsOpened,
            closed: run.exceptionsClosed,
          })}
        </Text>
      )}
      <NativeSelect
        label={t('finance.show')}
        maw={240}
        value={status}
        data={[
          { value: 'OPEN', label: t('finance.exceptionStatus.OPEN') },
          { value: 'RESOLVED', label: t('finance.exceptionStatus.RESOLVED') },
          { value: '', label: t('finance.all') },
        ]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setStatus(value === 'OPEN' || value === 'RESOLVED' ? value : '');
        }}
      />
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && exceptions.length === 0}
        emptyTitle={t('finance.noExceptions')}
      />
      {exceptions.length > 0 && (
        <ul className={classes.plainList} aria-label={t('finance.reconciliationTitle')}>
          {exceptions.map((exception) => (
            <ExceptionItem key={exception.id} exception={exception} />
          ))}
        </ul>
      )}
    </Stack>
  );
}

function ExceptionItem({ exception }: { exception: ReconciliationExceptionFieldsFragment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { user } = useSession();
  const [note, setNote] = useState('');
  const errors = useFormErrors();
  const [take, taking] = useMutation(TakeReconciliationExceptionDocument);
  // A resolved exception leaves the open queue: the list is asked again rather than edited by hand.
  const [resolve, resolving] = useMutation(ResolveReconciliationExceptionDocument, {
    refetchQueries: [ReconciliationExceptionsDocument],
  });
  const money = (minor: number | null | undefined) =>
    minor === null || minor === undefined
      ? t('finance.none')
      : formatMoney(minor, exception.currency, locale);
  const mine = exception.owner === user?.id;
  return (
    <li className={classes.card}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600}>{exception.description}</Text>
          <Badge variant="light" color={exception.status === 'OPEN' ? 'red' : 'green'}>
            {t(`finance.exceptionStatus.${exception.status === 'OPEN' ? 'OPEN' : 'RESOLVED'}`)}
          </Badge>
        </Group>
        <Text size="sm">
          {t('finance.exceptionFacts', {
            reason: exception.reason,
            ledger: money(exception.expectedMinor),
            stripe: money(exception.actualMinor),
            days: exception.ageDays,
            count: exception.ageDays,
          })}
        </Text>
        <Text size="sm">
          {exception.stripeId ?? ''} · {t('finance.owner')}:{' '}
          {mine
            ? t('finance.you')
            : exception.owner === 'platform-finance'
              ? t('finance.financeTeam')
              : exception.owner}
        </Text>
        {exception.notes.length > 0 && (
          <ul aria-label={t('finance.notes')}>
            {exception.notes.map((item) => (
              <li key={`${item.at}:${item.byUserId}`}>
                <Text size="sm">
                  {formatDateTime(item.at, locale)}: {item.text}
                </Text>
              </li>
            ))}
          </ul>
        )}
        {exception.status === 'OPEN' && (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!note.trim()) return errors.setIssues({ note: 'required' });
              errors.clear();
              void resolve({ variables: { id: exception.id, note: note.trim() } }).catch((failure: unknown) =>
                errors.fail(failure),
              );
            }}
          >
            <Stack gap="xs">
              <Textarea
                label={t('finance.resolutionNote')}
                required
                autosize
                minRows={2}
                value={note}
                error={errors.error('note')}
                onChange={(event) => setNote(event.currentTarget.value)}
              />
              <Group>
                {!mine && (
                  <Button
                    variant="outline"
                    loading={taking.loading}
                    onClick={() => void take({ variables: { id: exception.id } }).catch(() => undefined)}
                  >
                    {t('finance.take')}
                  </Button>
                )}
                <Button type="submit" loading={resolving.loading}>
                  {t('finance.resolve')}
                </Button>
              </Group>
              <RequestError error={taking.error ?? errors.summary} />
            </Stack>
          </form>
        )}
      </Stack>
    </li>
  );
}

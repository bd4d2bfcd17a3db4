import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  ContractDetailDocument,
  ContractPaymentsDocument,
  PayObligationNowDocument,
  type ContractPaymentsQuery,
  type PaymentAttemptFieldsFragment,
  type PaymentAttemptStatus,
} from '../graphql/generated/graphql';
import { formatIsoDate, formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import classes from '../licensing/licensing.module.css';
import { QueryStates, RequestError } from '../ui/page-states';
import { canPayNow } from './pay-now';

type Obligation = NonNullable<ContractPaymentsQuery['contract']>['obligations']['edges'][number]['node'];

const ATTEMPT_COLORS: Record<PaymentAttemptStatus, string> = {
  STARTED: 'gray',
  PROCESSING: 'blue',
  SUCCEEDED: 'green',
  REQUIRES_ACTION: 'yellow',
  DECLINED: 'red',
  REJECTED: 'red',
  CANCELED: 'gray',
  UNKNOWN: 'orange',
};

/**
 * The licensee's view of collection: each due, late or already attempted obligation with its tries, and a "Pay now"
 * for those who may pay (SME_MEMBER or FINANCE of the licensee) where the API would take it (pay-now.ts).
 */
export function ObligationPaymentsSection({ contractId, mayPay }: { contractId: string; mayPay: boolean }) {
  const { t } = useTranslation();
  const { data, loading, error, refetch } = useQuery(ContractPaymentsDocument, {
    variables: { id: contractId },
    fetchPolicy: 'cache-and-network',
  });
  const all = data?.contract?.obligations.edges.map((edge) => edge.node) ?? [];
  const obligations = all.filter(
    (obligation) =>
      obligation.status === 'DUE' || obligation.status === 'OVERDUE' || obligation.paymentAttempts.length > 0,
  );
  return (
    <section aria-labelledby="payments">
      <Title order={2} size="h3" id="payments" mb="xs">
        {t('payments.title')}
      </Title>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && obligations.length === 0}
        emptyTitle={t('payments.none')}
      />
      {obligations.length > 0 && (
        <ul className={classes.plainList}>
          {obligations.map((obligation) => (
            <ObligationPayment
              key={obligation.id}
              obligation={obligation}
              mayPay={mayPay}
              payable={canPayNow(obligation, all)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}

function ObligationPayment({
  obligation,
  mayPay,
  payable,
}: {
  obligation: Obligation;
  mayPay: boolean;
  payable: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [pay, paying] = useMutation(PayObligationNowDocument, {
    refetchQueries: [ContractPaymentsDocument, ContractDetailDocument],
    awaitRefetchQueries: true,
  });
  const headingId = `obligation-${obligation.id}`;
  const kind = t(
    `enums.obligationKind.${obligation.kind}` as 'enums.obligationKind.UPFRONT',
    obligation.kind,
  );
  return (
    <li className={classes.card}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap">
          <Text fw={600} id={headingId}>
            {t('payments.obligation', {
              kind,
              amount: formatMoney(obligation.amountMinor, obligation.currency, locale),
              date: formatIsoDate(obligation.dueDate, locale),
            })}
          </Text>
          <Badge variant="light" autoContrast color={obligation.status === 'OVERDUE' ? 'red' : 'gray'}>
            {t(`enums.obligationStatus.${obligation.status}`)}
          </Badge>
        </Group>
        {obligation.paymentAttempts.length > 0 ? (
          <ol className={classes.plainList} aria-label={t('payments.attemptsOf', { obligation: kind })}>
            {obligation.paymentAttempts.map((attempt) => (
              <AttemptItem key={attempt.id} attempt={attempt} />
            ))}
          </ol>
        ) : (
          <Text size="sm">{t('payments.noAttempts')}</Text>
        )}
        {mayPay &&
          !payable &&
          obligation.kind === 'LATE_INTEREST' &&
          (obligation.status === 'DUE' || obligation.status === 'OVERDUE') && (
            <Text size="sm">{t('payments.interestWaits')}</Text>
          )}
        {/* The answer stays once the obligation is paid and its button has gone. */}
        {((mayPay && payable) || paying.data) && (
          <Group align="flex-start" wrap="wrap">
            {mayPay && payable && (
              <Button
                loading={paying.loading}
                aria-describedby={headingId}
                onClick={() =>
                  void pay({ variables: { obligationId: obligation.id } }).catch(() => undefined)
                }
              >
                {t('payments.payNow')}
              </Button>
            )}
            {paying.data && !paying.error && (
              <Text role="status" size="sm">
                {t('payments.started', {
                  status: t(`enums.paymentAttemptStatus.${paying.data.payObligationNow.status}`),
                })}
              </Text>
            )}
          </Group>
        )}
        <RequestError error={paying.error} />
      </Stack>
    </li>
  );
}

function AttemptItem({ attempt }: { attempt: PaymentAttemptFieldsFragment }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const reason = attempt.failureMessage ?? attempt.declineCode;
  return (
    <li>
      <Group gap="xs" wrap="wrap">
        <Badge variant="light" autoContrast color={ATTEMPT_COLORS[attempt.status]}>
          {t(`enums.paymentAttemptStatus.${attempt.status}`)}
        </Badge>
        <Text size="sm">
          {t('payments.attempt', {
            n: attempt.attemptNumber,
            date: formatIsoDate(attempt.attemptedOn, locale),
            amount: formatMoney(attempt.amountMinor, attempt.currency, locale),
          })}
        </Text>
      </Group>
      {reason && (
        <Text size="sm">
          {t('payments.declined', { reason })}
          {attempt.declineKind === 'HARD' && ` ${t('payments.hardDecline')}`}
        </Text>
      )}
      {attempt.nextRetryOn && (
        <Text size="sm">{t('payments.nextRetry', { date: formatIsoDate(attempt.nextRetryOn, locale) })}</Text>
      )}
    </li>
  );
}

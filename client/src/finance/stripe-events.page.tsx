import { NetworkStatus } from '@apollo/client';
import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  ReapplyStripeEventDocument,
  StripeEventsDocument,
  type StripeEventFieldsFragment,
} from '../graphql/generated/graphql';
import { formatDateTime, formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import licensing from '../licensing/licensing.module.css';
import { PageTitle, QueryStates, RequestError } from '../ui/page-states';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';
import {
  appendStripeEventPage,
  parseStripeEventStatus,
  STRIPE_EVENT_STATUSES,
  stripeEventsVariables,
  type StripeEventStatus,
} from './stripe-event-status';

const STATUS_COLORS: Record<StripeEventStatus, string> = {
  RECEIVED: 'blue',
  APPLIED: 'green',
  FAILED: 'red',
  IGNORED: 'gray',
};

/**
 * The Stripe events the webhook stored, newest first, a page at a time: the ones whose handling failed are finance's
 * to look at.
 */
export function StripeEventsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [searchParams, setSearchParams] = useSearchParams();
  const status = parseStripeEventStatus(searchParams.get('status'));
  const variables = useMemo(() => stripeEventsVariables(status), [status]);
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(StripeEventsDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState<unknown>(null);
  const connection = data?.stripeEvents;
  const events = connection?.edges.map((edge) => edge.node) ?? [];
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  // Said at the page, not on the event: applied, it leaves the FAILED list it was pressed in.
  const [reapplied, setReapplied] = useState<StripeEventFieldsFragment | null>(null);
  function loadMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setMoreError(null);
    fetchMore({
      variables: { after },
      updateQuery: (shown, { fetchMoreResult }) => appendStripeEventPage(shown, fetchMoreResult),
    }).catch((failure: unknown) => setMoreError(failure));
  }
  return (
    <Stack>
      <PageTitle>{t('finance.stripeEvents.title')}</PageTitle>
      <FinanceNav />
      <Text size="sm">{t('finance.stripeEvents.intro')}</Text>
      <NativeSelect
        label={t('finance.show')}
        maw={280}
        value={status ?? ''}
        data={[
          { value: '', label: t('finance.all') },
          ...STRIPE_EVENT_STATUSES.map((value) => ({
            value,
            label: t(`finance.stripeEvents.status.${value}`),
          })),
        ]}
        onChange={(event) => {
          const next = parseStripeEventStatus(event.currentTarget.value);
          setReapplied(null);
          setMoreError(null);
          setSearchParams(next ? { status: next } : {});
        }}
      />
      {reapplied && (
        <Text role="status">
          {t('finance.stripeEvents.reapplied', {
            type: reapplied.type,
            id: reapplied.id,
            status: statusLabel(t, reapplied.status),
          })}
        </Text>
      )}
      {connection && connection.totalCount > 0 && (
        <Text size="sm" role="status">
          {t('finance.stripeEvents.eventCount', {
            count: connection.totalCount,
            total: formatNumber(connection.totalCount, locale),
            shown: formatNumber(events.length, locale),
          })}
        </Text>
      )}
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && events.length === 0}
        emptyTitle={status ? t('finance.stripeEvents.noneWithStatus') : t('finance.stripeEvents.none')}
      />
      {events.length > 0 && (
        <ul className={classes.entries} aria-label={t('finance.stripeEvents.title')}>
          {events.map((event) => (
            <StripeEventItem key={event.id} event={event} onReapplied={setReapplied} />
          ))}
        </ul>
      )}
      <RequestError error={moreError} />
      {connection?.pageInfo.hasNextPage && (
        <div>
          <Button variant="outline" loading={loadingMore} onClick={loadMore}>
            {t('finance.stripeEvents.loadMore')}
          </Button>
        </div>
      )}
    </Stack>
  );
}

function StripeEventItem({
  event,
  onReapplied,
}: {
  event: StripeEventFieldsFragment;
  onReapplied: (event: StripeEventFieldsFragment) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = parseStripeEventStatus(event.status);
  // The list is asked again: an event applied leaves the FAILED view.
  const [reapply, reapplying] = useMutation(ReapplyStripeEventDocument, {
    refetchQueries: [StripeEventsDocument],
    onCompleted: (result) => onReapplied(result.reapplyStripeEvent),
  });
  return (
    <li className={licensing.card}>
      <Stack gap="xs">
        <div className={classes.eventHead}>
          <Text fw={600}>
            <code>{event.type}</code>
          </Text>
          <Badge variant="light" autoContrast color={status ? STATUS_COLORS[status] : 'gray'}>
            {statusLabel(t, event.status)}
          </Badge>
        </div>
        <dl className={licensing.terms}>
          <div>
            <dt>{t('finance.stripeEvents.receivedAt')}</dt>
            <dd>{formatDateTime(event.receivedAt, locale)}</dd>
          </div>
          <div>
            <dt>{t('finance.stripeEvents.eventId')}</dt>
            <dd>
              <code className={classes.id}>{event.id}</code>
            </dd>
          </div>
          <div>
            <dt>{t('finance.stripeEvents.attempts')}</dt>
            <dd>{formatNumber(event.attempts, locale)}</dd>
          </div>
          {event.lastError && (
            <div>
              <dt>{t('finance.stripeEvents.lastError')}</dt>
              <dd>
                <code className={classes.id}>{event.lastError}</code>
              </dd>
            </div>
          )}
        </dl>
        {event.status === 'FAILED' && (
          <div>
            <Button
              variant="outline"
              classNames={{ root: classes.wrappingButton, label: classes.wrappingLabel }}
              loading={reapplying.loading}
              onClick={() => void reapply({ variables: { id: event.id } }).catch(() => undefined)}
            >
              {t('finance.stripeEvents.reapply', { type: event.type })}
            </Button>
            <RequestError error={reapplying.error} />
          </div>
        )}
      </Stack>
    </li>
  );
}

function statusLabel(t: TFunction, raw: string): string {
  const status = parseStripeEventStatus(raw);
  return status ? t(`finance.stripeEvents.status.${status}`) : raw;
}

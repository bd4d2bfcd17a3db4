import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Badge, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  LedgerBalancesDocument,
  LedgerEntriesDocument,
  type LedgerEntryFieldsFragment,
} from '../graphql/generated/graphql';
import { formatDateTime, formatIsoDate, formatMoney, formatNumber } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { OrganizationName } from '../licensing/requests.pages';
import licensing from '../licensing/licensing.module.css';
import { PageTitle, QueryStates, RequestError } from '../ui/page-states';
import { FinanceNav } from './finance-nav';
import classes from './finance.module.css';
import {
  activeLedgerFilters,
  appendLedgerPage,
  EMPTY_LEDGER_VIEW,
  LEDGER_ACCOUNTS,
  ledgerBalancesVariables,
  ledgerEntriesVariables,
  ledgerViewParams,
  parseLedgerView,
  type LedgerView,
} from './ledger-filters';
import { isCalendarDate, todayIso } from './report-dates';

/** The journal, newest first, with the balances of the same accounts on a chosen day. */
export function LedgerPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const view = useMemo(() => parseLedgerView(searchParams), [searchParams]);
  // Each change of the view is a new address, so the back button undoes it and the view can be bookmarked.
  const show = useCallback(
    (next: LedgerView, options: { replace?: boolean } = {}) =>
      setSearchParams(ledgerViewParams(next), { flushSync: true, ...options }),
    [setSearchParams],
  );
  // The form starts again from the address whenever the filters there change (a link on a line, the back button).
  const filterKey = ledgerViewParams({ ...view, asOf: null }).toString();
  return (
    <Stack>
      <PageTitle>{t('finance.ledger.title')}</PageTitle>
      <FinanceNav />
      <LedgerFilterForm key={filterKey} view={view} onApply={show} />
      {/* Each day typed replaces the last in the history: going back leaves the page, not one keystroke. */}
      <LedgerBalances view={view} onAsOf={(asOf) => show({ ...view, asOf }, { replace: true })} />
      <LedgerEntries view={view} />
    </Stack>
  );
}

/** The filters as typed, applied to the address on submit (an id is long: no request per keystroke). */
function LedgerFilterForm({ view, onApply }: { view: LedgerView; onApply: (view: LedgerView) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(view);
  const rangeBackwards = Boolean(draft.from && draft.to && draft.from > draft.to);
  const set = (patch: Partial<LedgerView>) => setDraft((current) => ({ ...current, ...patch }));
  function submit(event: FormEvent) {
    event.preventDefault();
    if (rangeBackwards) return;
    onApply({
      ...draft,
      // The balances' day is not the form's: it may have changed in the address since the form was filled.
      asOf: view.asOf,
      contractId: draft.contractId?.trim() || null,
      organizationId: draft.organizationId?.trim() || null,
    });
  }
  return (
    <section aria-labelledby="ledger-filters">
      <Title order={2} size="h3" id="ledger-filters" mb="xs">
        {t('finance.ledger.filters')}
      </Title>
      <form onSubmit={submit} noValidate>
        <div className={classes.fields}>
          <TextInput
            label={t('finance.ledger.contractId')}
            value={draft.contractId ?? ''}
            spellCheck={false}
            onChange={(event) => set({ contractId: event.currentTarget.value })}
          />
          <TextInput
            label={t('finance.ledger.organizationId')}
            value={draft.organizationId ?? ''}
            spellCheck={false}
            onChange={(event) => set({ organizationId: event.currentTarget.value })}
          />
          <NativeSelect
            label={t('finance.ledger.account')}
            value={draft.account ?? ''}
            data={[
              { value: '', label: t('finance.ledger.anyAccount') },
              ...LEDGER_ACCOUNTS.map((account) => ({
                value: account,
                label: t(`finance.ledger.accounts.${account}`),
              })),
            ]}
            onChange={(event) => {
              const value = event.currentTarget.value;
              set({ account: LEDGER_ACCOUNTS.find((account) => account === value) ?? null });
            }}
          />
          <TextInput
            type="date"
            label={t('finance.from')}
            value={draft.from ?? ''}
            onChange={(event) => set({ from: event.currentTarget.value || null })}
          />
          <TextInput
            type="date"
            label={t('finance.to')}
            value={draft.to ?? ''}
            error={rangeBackwards ? t('finance.ledger.rangeBackwards') : undefined}
            onChange={(event) => set({ to: event.currentTarget.value || null })}
          />
        </div>
        <Group gap="sm">
          <Button type="submit">{t('finance.ledger.apply')}</Button>
          {activeLedgerFilters(view) > 0 && (
            <Button variant="outline" onClick={() => onApply({ ...EMPTY_LEDGER_VIEW, asOf: view.asOf })}>
              {t('finance.ledger.clear')}
            </Button>
          )}
        </Group>
      </form>
    </section>
  );
}

function LedgerBalances({ view, onAsOf }: { view: LedgerView; onAsOf: (asOf: string | null) => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const today = todayIso();
  const [typed, setTyped] = useState(view.asOf ?? today);
  const [shownAsOf, setShownAsOf] = useState(view.asOf);
  if (shownAsOf !== view.asOf) {
    // The address changed under the field (back button, a bookmark): the field follows it, keeping its focus.
    setShownAsOf(view.asOf);
    if (typed !== (view.asOf ?? today)) setTyped(view.asOf ?? today);
  }
  const { data, loading, error, refetch } = useQuery(LedgerBalancesDocument, {
    variables: ledgerBalancesVariables(view, today),
    fetchPolicy: 'cache-and-network',
  });
  const balances = data?.ledgerBalances ?? [];
  const asOf = view.asOf ?? today;
  const heading = t('finance.ledger.balancesAsOf', { date: formatIsoDate(asOf, locale) });
  const money = (minor: number, currency: string) => formatMoney(minor, currency, locale);
  return (
    <section aria-labelledby="ledger-balances">
      <Title order={2} size="h3" id="ledger-balances" mb="xs">
        {heading}
      </Title>
      <Text size="sm" mb="xs">
        {t('finance.ledger.balancesScope')}
      </Text>
      <div className={classes.fields}>
        <TextInput
          type="date"
          label={t('finance.asOf')}
          value={typed}
          error={isCalendarDate(typed) ? undefined : t('formIssues.date')}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setTyped(value);
            // Today is the default: it stays out of the address, so a bookmark keeps showing the current day.
            if (isCalendarDate(value)) onAsOf(value === today ? null : value);
          }}
        />
      </div>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && balances.length === 0}
        emptyTitle={t('finance.ledger.noBalances')}
      />
      {balances.length > 0 && (
        // Focusable and named: on a phone the table scrolls sideways, and keyboards must reach it.
        <div className={licensing.tableWrap} tabIndex={0} role="region" aria-label={heading}>
          <table className={licensing.table}>
            <thead>
              <tr>
                <th scope="col">{t('finance.ledger.account')}</th>
                <th scope="col">{t('finance.currency')}</th>
                <th scope="col">{t('finance.ledger.debits')}</th>
                <th scope="col">{t('finance.ledger.credits')}</th>
                <th scope="col">{t('finance.ledger.balance')}</th>
              </tr>
            </thead>
            <tbody>
              {balances.map((balance) => (
                <tr key={`${balance.account}:${balance.currency}`}>
                  <th scope="row">{t(`finance.ledger.accounts.${balance.account}`)}</th>
                  <td>{balance.currency}</td>
                  <td className={classes.amount}>{money(balance.debitMinor, balance.currency)}</td>
                  <td className={classes.amount}>{money(balance.creditMinor, balance.currency)}</td>
                  <td className={classes.amount}>
                    {money(balance.normalBalanceMinor, balance.currency)}{' '}
                    <Text span size="xs">
                      ({t(`finance.ledger.normalSide.${balance.normalSide}`)})
                    </Text>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function LedgerEntries({ view }: { view: LedgerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const variables = useMemo(() => ledgerEntriesVariables(view), [view]);
  const { data, loading, error, refetch, fetchMore, networkStatus } = useQuery(LedgerEntriesDocument, {
    variables,
    fetchPolicy: 'cache-and-network',
    notifyOnNetworkStatusChange: true,
  });
  const [moreError, setMoreError] = useState<unknown>(null);
  const connection = data?.ledgerEntries;
  const entries = connection?.edges.map((edge) => edge.node) ?? [];
  const loadingMore = networkStatus === NetworkStatus.fetchMore;
  function loadMore() {
    const after = connection?.pageInfo.endCursor;
    if (!after) return;
    setMoreError(null);
    fetchMore({
      variables: { after },
      updateQuery: (shown, { fetchMoreResult }) => appendLedgerPage(shown, fetchMoreResult),
    }).catch((failure: unknown) => setMoreError(failure));
  }
  return (
    <section aria-labelledby="ledger-entries">
      <Title order={2} size="h3" id="ledger-entries" mb="xs">
        {t('finance.ledger.entries')}
      </Title>
      {connection && (
        <Text size="sm" role="status" mb="xs">
          {t('finance.ledger.entryCount', {
            count: connection.totalCount,
            total: formatNumber(connection.totalCount, locale),
            shown: formatNumber(entries.length, locale),
          })}
        </Text>
      )}
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && entries.length === 0}
        emptyTitle={
          activeLedgerFilters(view) > 0
            ? t('finance.ledger.noMatchingEntries')
            : t('finance.ledger.noEntries')
        }
      />
      {entries.length > 0 && (
        <ul className={classes.entries} aria-label={t('finance.ledger.entries')}>
          {entries.map((entry) => (
            <LedgerEntryItem key={entry.id} entry={entry} view={view} />
          ))}
        </ul>
      )}
      <RequestError error={moreError} />
      {connection?.pageInfo.hasNextPage && (
        <Button variant="outline" mt="sm" loading={loadingMore} onClick={loadMore}>
          {t('finance.ledger.loadMore')}
        </Button>
      )}
    </section>
  );
}

function LedgerEntryItem({ entry, view }: { entry: LedgerEntryFieldsFragment; view: LedgerView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const linesId = useId();
  const money = (minor: number) => formatMoney(minor, entry.currency, locale);
  // Debits equal credits in a whole entry; of a partial one (another party's lines left out) each side is shown.
  const debits = entry.lines.reduce((sum, line) => sum + line.debitMinor, 0);
  const credits = entry.lines.reduce((sum, line) => sum + line.creditMinor, 0);
  const cause = t(`finance.ledger.causes.${entry.cause.kind}`);
  const date = formatIsoDate(entry.effectiveDate, locale);
  const filtered = (patch: Partial<LedgerView>) => `?${ledgerViewParams({ ...view, ...patch }).toString()}`;
  return (
    <li className={licensing.card}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div>
          <Text fw={600}>
            {date} · {cause}
          </Text>
          <Text size="sm">{entry.memo}</Text>
        </div>
        <Group gap="xs">
          <Text fw={600}>
            {debits === credits
              ? money(debits)
              : t('finance.ledger.sides', { debits: money(debits), credits: money(credits) })}
          </Text>
          {entry.reverses && (
            <Badge variant="light" color="orange" autoContrast>
              {t('finance.ledger.reversal')}
            </Badge>
          )}
        </Group>
      </Group>
      <Button
        // Outline, not subtle: Mantine's subtle hover puts our blue on blue 2, at 4.0:1.
        variant="outline"
        size="compact-sm"
        mt="xs"
        classNames={{ root: classes.wrappingButton, label: classes.wrappingLabel }}
        aria-expanded={open}
        aria-controls={linesId}
        onClick={() => setOpen((current) => !current)}
      >
        {open
          ? t('finance.ledger.hideLines', { date, cause })
          : t('finance.ledger.showLines', { date, cause })}
      </Button>
      <div id={linesId} hidden={!open}>
        {open && (
          <Stack gap="xs" mt="xs">
            {!entry.complete && <Text size="sm">{t('finance.ledger.partial')}</Text>}
            <div
              className={licensing.tableWrap}
              tabIndex={0}
              role="region"
              aria-label={t('finance.ledger.linesOf', { date, cause })}
            >
              <table className={licensing.table}>
                <thead>
                  <tr>
                    <th scope="col">{t('finance.ledger.account')}</th>
                    <th scope="col">{t('finance.ledger.debit')}</th>
                    <th scope="col">{t('finance.ledger.credit')}</th>
                    <th scope="col">{t('finance.ledger.contract')}</th>
                    <th scope="col">{t('finance.ledger.organization')}</th>
                  </tr>
                </thead>
                <tbody>
                  {entry.lines.map((line, index) => (
                    <tr key={index}>
                      <th scope="row">{t(`finance.ledger.accounts.${line.account}`)}</th>
                      <td className={classes.amount}>{line.debitMinor ? money(line.debitMinor) : ''}</td>
                      <td className={classes.amount}>{line.creditMinor ? money(line.creditMinor) : ''}</td>
                      <td>
                        {line.contractId && (
                          <Link to={filtered({ contractId: line.contractId })}>
                            <code>{line.contractId}</code>
                          </Link>
                        )}
                      </td>
                      <td>
                        {line.organizationId && (
                          <Link to={filtered({ organizationId: line.organizationId })}>
                            <OrganizationName id={line.organizationId} />
                          </Link>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <dl className={licensing.terms}>
              <div>
                <dt>{t('finance.ledger.stripeIds')}</dt>
                <dd>
                  {entry.stripeIds.length === 0
                    ? t('finance.none')
                    : entry.stripeIds.map((id) => (
                        <code key={id} className={classes.id}>
                          {id}
                        </code>
                      ))}
                </dd>
              </div>
              <div>
                <dt>{t('finance.ledger.idempotencyKey')}</dt>
                <dd>
                  <code className={classes.id}>{entry.idempotencyKey}</code>
                </dd>
              </div>
              <div>
                <dt>{t('finance.ledger.causeId')}</dt>
                <dd>
                  <code className={classes.id}>{entry.cause.id}</code>
                </dd>
              </div>
              <div>
                <dt>{t('finance.ledger.postedAt')}</dt>
                <dd>{formatDateTime(entry.postedAt, locale)}</dd>
              </div>
              {entry.reverses && (
                <div>
                  <dt>{t('finance.ledger.reverses')}</dt>
                  <dd>
                    <code className={classes.id}>{entry.reverses}</code>
                  </dd>
                </div>
              )}
            </dl>
          </Stack>
        )}
      </div>
    </li>
  );
}

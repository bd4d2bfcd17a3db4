import { Alert, Button, Group, Loader, NativeSelect, Text, Title } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PATENT_SORTS } from '../graphql/enum-values';
import type { PatentSort } from '../graphql/generated/graphql';
import type { PatentSearchConnection, PatentSummary } from './catalogue.types';
import { formatList } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { ProblemMessage } from './problem-message';
import { pickLocalizedText } from './localized-text';
import classes from './catalogue.module.css';

export type SearchResultsStatus = 'searching' | 'updating' | 'ready' | 'failed';

type SearchResultsProps = {
  status: SearchResultsStatus;
  /** The answer on screen; while `updating` it is the previous search's. */
  connection: PatentSearchConnection | undefined;
  error: unknown;
  sort: PatentSort;
  hasFilters: boolean;
  loadingMore: boolean;
  loadMoreError: unknown;
  onSortChange: (sort: PatentSort) => void;
  onRetry: () => void;
  onLoadMore: () => void;
  onClearFilters: () => void;
};

/** State a result link carries to the detail page, so that "back" returns to the same search. */
export type FromCatalogueState = { catalogueSearch: string };

export function SearchResults(props: SearchResultsProps) {
  const { status, connection, sort, hasFilters, loadingMore } = props;
  const { t } = useTranslation();
  const headingId = useId();
  const listRef = useRef<HTMLOListElement>(null);
  const edges = connection?.edges ?? [];

  // After "load more", the focus goes to the first new result, so a keyboard user goes on reading from there
  // rather than from the top. If the page did not come, nothing moves.
  const focusResultAt = useRef<number | null>(null);
  useEffect(() => {
    const index = focusResultAt.current;
    if (index === null || loadingMore) return;
    focusResultAt.current = null;
    listRef.current?.querySelectorAll<HTMLAnchorElement>('a[data-result-link]')[index]?.focus();
  }, [edges.length, loadingMore]);

  const statusText = {
    searching: t('catalogue.searching'),
    updating: t('catalogue.updating'),
    ready: connection ? t('catalogue.resultCount', { count: connection.totalCount }) : '',
    failed: '',
  }[status];

  return (
    <section aria-labelledby={headingId} className={classes.results}>
      <div className={classes.resultsHeader}>
        <div>
          <Title order={2} id={headingId} size="h3">
            {t('catalogue.results')}
          </Title>
          {/* One live region, so that screen readers hear "searching…" and then the count of what was found. */}
          <p role="status" className={classes.resultCount}>
            {statusText}
          </p>
        </div>
        <NativeSelect
          className={classes.sort}
          label={t('catalogue.sortLabel')}
          value={sort}
          data={PATENT_SORTS.map((value) => ({ value, label: t(`enums.sort.${value}`) }))}
          onChange={(event) => {
            const next = PATENT_SORTS.find((value) => value === event.currentTarget.value);
            if (next) props.onSortChange(next);
          }}
        />
      </div>

      {status === 'searching' && (
        <Group justify="center" py="xl">
          <Loader aria-hidden="true" />
        </Group>
      )}

      {status === 'failed' && (
        <Alert color="red" title={t('catalogue.errorTitle')} className={classes.alert}>
          <ProblemMessage error={props.error} />
          <Button mt="sm" variant="outline" color="red" onClick={props.onRetry}>
            {t('catalogue.retry')}
          </Button>
        </Alert>
      )}

      {status === 'ready' && connection?.totalCount === 0 && (
        <div className={classes.empty}>
          <Title order={3} size="h4">
            {t('catalogue.emptyTitle')}
          </Title>
          <Text mt="xs">
            {hasFilters ? t('catalogue.emptyWithFilters') : t('catalogue.emptyWithoutFilters')}
          </Text>
          {hasFilters && (
            <Button mt="sm" variant="outline" onClick={props.onClearFilters}>
              {t('catalogue.clearFilters')}
            </Button>
          )}
        </div>
      )}

      {edges.length > 0 && status !== 'failed' && (
        <ol ref={listRef} className={classes.resultList} aria-busy={status === 'updating'}>
          {edges.map(({ node }) => (
            <li key={node.id} className={classes.result}>
              <PatentResult patent={node} />
            </li>
          ))}
        </ol>
      )}

      {connection && status === 'ready' && edges.length > 0 && (
        <div className={classes.loadMore}>
          <Text size="sm" className={classes.muted}>
            {t('catalogue.resultRange', { shown: edges.length, total: connection.totalCount })}
          </Text>
          {props.loadMoreError ? (
            <Alert color="red" className={classes.alert}>
              <ProblemMessage error={props.loadMoreError} />
            </Alert>
          ) : null}
          {connection.pageInfo.hasNextPage && (
            <Button
              variant="outline"
              loading={loadingMore}
              onClick={() => {
                focusResultAt.current = edges.length;
                props.onLoadMore();
              }}
            >
              {loadingMore ? t('catalogue.loadingMore') : t('catalogue.loadMore')}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

function PatentResult({ patent }: { patent: PatentSummary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { search } = useLocation();
  const title = pickLocalizedText(locale, { en: patent.titleEn, zh: patent.titleZh });
  const summary = pickLocalizedText(locale, { en: patent.abstractEn, zh: patent.abstractZh });
  const state: FromCatalogueState = { catalogueSearch: search };
  return (
    <article>
      <Title order={3} size="h4" className={classes.resultTitle}>
        <Link
          to={`/patents/${encodeURIComponent(patent.id)}`}
          state={state}
          data-result-link=""
          lang={title?.lang}
        >
          {title?.text ?? patent.id}
        </Link>
      </Title>
      {summary && (
        <p className={classes.resultAbstract} lang={summary.lang}>
          {summary.text}
        </p>
      )}
      <dl className={classes.facts}>
        <div>
          <dt>{t('catalogue.institutionLabel')}</dt>
          <dd>{patent.institution.name}</dd>
        </div>
        <div>
          <dt>{t('catalogue.jurisdictionLabel')}</dt>
          <dd>{t(`enums.jurisdiction.${patent.jurisdiction}`)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.legalStatusLabel')}</dt>
          <dd>{t(`enums.legalStatus.${patent.legalStatus}`)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.trlLabel')}</dt>
          <dd>{patent.trl}</dd>
        </div>
        {patent.ipcClasses.length > 0 && (
          <div>
            <dt>{t('catalogue.ipcLabel')}</dt>
            <dd>{formatList(patent.ipcClasses, locale)}</dd>
          </div>
        )}
        {patent.technicalFields.length > 0 && (
          <div>
            <dt>{t('catalogue.fieldsLabel')}</dt>
            <dd>
              {formatList(
                patent.technicalFields.map((field) => t(`enums.technicalField.${field}`)),
                locale,
              )}
            </dd>
          </div>
        )}
      </dl>
    </article>
  );
}

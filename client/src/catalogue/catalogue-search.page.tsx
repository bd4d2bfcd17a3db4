import { NetworkStatus } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Text, Title } from '@mantine/core';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useDocumentTitle } from '../app/page-hooks';
import { SearchPatentsDocument } from '../graphql/generated/graphql';
import {
  activeFilterCount,
  catalogueSearchParams,
  parseCatalogueSearch,
  searchPatentsVariables,
  withoutFilters,
  type CatalogueSearch,
} from './catalogue-search';
import classes from './catalogue.module.css';
import { FacetFilters } from './facet-filters';
import { SearchForm } from './search-form';
import { SearchResults, type SearchResultsStatus } from './search-results';

export function CatalogueSearchPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const search = useMemo(() => parseCatalogueSearch(searchParams), [searchParams]);
  const variables = useMemo(() => searchPatentsVariables(search), [search]);
  const { data, previousData, error, networkStatus, fetchMore, refetch } = useQuery(SearchPatentsDocument, {
    variables,
    notifyOnNetworkStatusChange: true,
  });
  const [loadMoreError, setLoadMoreError] = useState<unknown>(null);

  useDocumentTitle(search.query ? `${search.query} · ${t('catalogue.title')}` : t('catalogue.title'));

  // Every change of the search is a new address, so the back button undoes it and the address can be shared. The
  // update is synchronous: the controls take their state from the address, and a ticked box must not flicker back.
  const applySearch = useCallback(
    (next: CatalogueSearch) => {
      setLoadMoreError(null);
      setSearchParams(catalogueSearchParams(next), { flushSync: true });
    },
    [setSearchParams],
  );

  const shown = data ?? previousData;
  const connection = shown?.searchPatents;
  let status: SearchResultsStatus;
  if (error) status = 'failed';
  else if (data) status = 'ready';
  else status = previousData ? 'updating' : 'searching';
  // While more results load, the ones already there stay on screen; only the button shows that it is busy.
  const loadingMore = networkStatus === NetworkStatus.fetchMore;

  return (
    <>
      <div className={classes.intro}>
        <Title order={1}>{t('catalogue.title')}</Title>
        <Text mt="xs" className={classes.muted}>
          {t('catalogue.intro')}
        </Text>
      </div>
      <SearchForm query={search.query} onSearch={(query) => applySearch({ ...search, query })} />
      <div className={classes.layout}>
        <FacetFilters search={search} facets={connection?.facets} onChange={applySearch} />
        <SearchResults
          status={status}
          connection={connection}
          error={error}
          sort={search.sort}
          hasFilters={activeFilterCount(search) > 0}
          loadingMore={loadingMore}
          loadMoreError={loadMoreError}
          onSortChange={(sort) => applySearch({ ...search, sort })}
          onRetry={() => void refetch().catch(() => undefined)}
          onClearFilters={() => applySearch(withoutFilters(search))}
          onLoadMore={() => {
            const after = connection?.pageInfo.endCursor;
            if (!after) return;
            setLoadMoreError(null);
            fetchMore({ variables: { after } }).catch((failure: unknown) => setLoadMoreError(failure));
          }}
        />
      </div>
    </>
  );
}

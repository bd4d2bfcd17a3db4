import { JURISDICTIONS, PATENT_LEGAL_STATUSES, PATENT_SORTS, TECHNICAL_FIELDS } from '../graphql/enum-values';
import type {
  Jurisdiction,
  PatentLegalStatus,
  PatentSearchFilter,
  PatentSort,
  SearchPatentsQueryVariables,
  TechnicalField,
} from '../graphql/generated/graphql';

/**
 * A catalogue search as the page holds it. It lives in the address bar, so that a search can be bookmarked, shared
 * and gone back to: `?q=battery&field=ENERGY_STORAGE&jurisdiction=CN&trlMin=4&sort=TRL_DESC`.
 */
export type CatalogueSearch = {
  query: string;
  technicalFields: TechnicalField[];
  jurisdictions: Jurisdiction[];
  legalStatuses: PatentLegalStatus[];
  institutionIds: string[];
  trlMin: number | null;
  trlMax: number | null;
  sort: PatentSort;
};

export const DEFAULT_SORT: PatentSort = 'RELEVANCE';
export const PAGE_SIZE = 20;

const PARAM = {
  query: 'q',
  technicalFields: 'field',
  jurisdictions: 'jurisdiction',
  legalStatuses: 'status',
  institutionIds: 'institution',
  trlMin: 'trlMin',
  trlMax: 'trlMax',
  sort: 'sort',
} as const;

/**
 * Reads a search from a query string. What a person may have typed or an old link may carry (unknown values,
 * repeats, a TRL range given backwards) is dropped or put right rather than sent to the server.
 */
export function parseCatalogueSearch(params: URLSearchParams): CatalogueSearch {
  let trlMin = parseTrl(params.get(PARAM.trlMin));
  let trlMax = parseTrl(params.get(PARAM.trlMax));
  if (trlMin !== null && trlMax !== null && trlMin > trlMax) [trlMin, trlMax] = [trlMax, trlMin];
  const sort = params.get(PARAM.sort);
  return {
    query: (params.get(PARAM.query) ?? '').trim(),
    technicalFields: enumValues(params.getAll(PARAM.technicalFields), TECHNICAL_FIELDS),
    jurisdictions: enumValues(params.getAll(PARAM.jurisdictions), JURISDICTIONS),
    legalStatuses: enumValues(params.getAll(PARAM.legalStatuses), PATENT_LEGAL_STATUSES),
    institutionIds: unique(params.getAll(PARAM.institutionIds).filter((id) => id.length > 0)).sort(),
    trlMin,
    trlMax,
    sort: isOneOf(sort, PATENT_SORTS) ? sort : DEFAULT_SORT,
  };
}

/**
 * The query string for a search. Values go in a fixed order and defaults are left out, so that equal searches have
 * equal addresses.
 */
export function catalogueSearchParams(search: CatalogueSearch): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query) params.set(PARAM.query, search.query);
  for (const value of enumValues(search.technicalFields, TECHNICAL_FIELDS)) {
    params.append(PARAM.technicalFields, value);
  }
  for (const value of enumValues(search.jurisdictions, JURISDICTIONS))
    params.append(PARAM.jurisdictions, value);
  for (const value of enumValues(search.legalStatuses, PATENT_LEGAL_STATUSES)) {
    params.append(PARAM.legalStatuses, value);
  }
  for (const value of unique(search.institutionIds).sort()) params.append(PARAM.institutionIds, value);
  if (search.trlMin !== null) params.set(PARAM.trlMin, String(search.trlMin));
  if (search.trlMax !== null) params.set(PARAM.trlMax, String(search.trlMax));
  if (search.sort !== DEFAULT_SORT) params.set(PARAM.sort, search.sort);
  return params;
}

/** The variables of the SearchPatents operation; empty parts are left out so the server applies its defaults. */
export function searchPatentsVariables(search: CatalogueSearch): SearchPatentsQueryVariables {
  const filter: PatentSearchFilter = {};
  if (search.technicalFields.length) filter.technicalFields = search.technicalFields;
  if (search.jurisdictions.length) filter.jurisdictions = search.jurisdictions;
  if (search.legalStatuses.length) filter.legalStatuses = search.legalStatuses;
  if (search.institutionIds.length) filter.institutionIds = search.institutionIds;
  if (search.trlMin !== null) filter.trlMin = search.trlMin;
  if (search.trlMax !== null) filter.trlMax = search.trlMax;
  return {
    ...(search.query ? { query: search.query } : {}),
    ...(Object.keys(filter).length ? { filter } : {}),
    sort: search.sort,
    first: PAGE_SIZE,
  };
}

/** How many filters narrow the search; a TRL range counts once. */
export function activeFilterCount(search: CatalogueSearch): number {
  return (
    search.technicalFields.length +
    search.jurisdictions.length +
    search.legalStatuses.length +
    search.institutionIds.length +
    (search.trlMin !== null || search.trlMax !== null ? 1 : 0)
  );
}

export function withoutFilters(search: CatalogueSearch): CatalogueSearch {
  return {
    ...search,
    technicalFields: [],
    jurisdictions: [],
    legalStatuses: [],
    institutionIds: [],
    trlMin: null,
    trlMax: null,
  };
}

/** Adds or removes one value of a multi-valued filter. */
export function toggleValue<Value extends string>(
  values: readonly Value[],
  value: Value,
  on: boolean,
): Value[] {
  const others = values.filter((existing) => existing !== value);
  return on ? [...others, value] : others;
}

function parseTrl(raw: string | null): number | null {
  if (raw === null || !/^[1-9]$/.test(raw)) return null;
  return Number(raw);
}

/** The allowed values among `raw`, in the schema's order, which is also the order the filters list them in. */
function enumValues<Value extends string>(raw: readonly string[], allowed: readonly Value[]): Value[] {
  const wanted = new Set(raw);
  return allowed.filter((value) => wanted.has(value));
}

function isOneOf<Value extends string>(raw: string | null, allowed: readonly Value[]): raw is Value {
  return raw !== null && (allowed as readonly string[]).includes(raw);
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

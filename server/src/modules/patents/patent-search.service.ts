import { Types } from 'mongoose';
import { cursorScope, decodeOffsetCursor, encodeOffsetCursor, pageSize } from '../../common/connection';
import { AppError } from '../../common/errors';
import type { OrganizationRecord } from '../identity/organization.model';
import type { OrganizationService } from '../identity/organization.service';
import {
  JURISDICTION_LABELS,
  LEGAL_STATUS_LABELS,
  TECHNICAL_FIELD_LABELS,
  type Jurisdiction,
  type LegalStatus,
  type TechnicalField,
} from './patent.fields';
import { mapConcurrently } from '../../common/concurrency';
import { hasTerm, newestFilingFirst, type CatalogueRow, type CatalogueSnapshot } from './catalogue-index';
import type { CatalogueIndexService } from './catalogue-index.service';
import { PublishedPatentModel, type PublishedPatentRecord } from './patent.model';
import { queryTerms } from './search-terms';

export type PatentSort = 'RELEVANCE' | 'FILING_DATE_DESC' | 'FILING_DATE_ASC' | 'TRL_DESC';

export type PatentSearchFilter = {
  technicalFields?: TechnicalField[] | null;
  jurisdictions?: Jurisdiction[] | null;
  legalStatuses?: LegalStatus[] | null;
  institutionIds?: string[] | null;
  trlMin?: number | null;
  trlMax?: number | null;
};

export type PatentSearchRequest = {
  query?: string | null;
  filter?: PatentSearchFilter | null;
  sort?: PatentSort | null;
  first?: number | null;
  after?: string | null;
};

export type FacetCount = { value: string; label: string; count: number };

export type PatentSearchResult = {
  totalCount: number;
  hits: { cursor: string; score: number; patent: PublishedPatentRecord }[];
  hasNextPage: boolean;
  endCursor: string | null;
  facets: {
    technicalFields: FacetCount[];
    jurisdictions: FacetCount[];
    legalStatuses: FacetCount[];
    institutions: FacetCount[];
    trl: FacetCount[];
  };
  institutions: Map<string, OrganizationRecord>;
};

const MAX_QUERY_LENGTH = 200;
const MAX_QUERY_TERMS = 16;
const PAGE_READ_CONCURRENCY = 10;
// A term in the title or keywords says more about what a patent is than one in its abstract.
const BOOSTED_TERM_WEIGHT = 3;
const TERM_WEIGHT = 1;
const PUBLIC_FIELDS = { terms: 0, boostTerms: 0 } as const;

/**
 * Catalogue search. Matching, facet counts and ordering run over the catalogue index held in memory
 * (catalogue-index.ts), which costs two small queries to learn whether anything was published since;
 * then the page's public copies are read by id, and the institutions named in the facets in one more query.
 * Reading every matching document from the database instead took minutes for the default listing of 100,000
 * patents on FerretDB, which decodes each whole document it returns.
 */
export class PatentSearchService {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly index: CatalogueIndexService,
  ) {}

  // The whole catalogue's facet counts change only with a new generation: counted once per generation.
  private readonly wholeCatalogue = new WeakMap<CatalogueSnapshot, FacetTallies>();

  private catalogueTallies(snapshot: CatalogueSnapshot): FacetTallies {
    let tallies = this.wholeCatalogue.get(snapshot);
    if (!tallies) {
      tallies = tally(snapshot.rows);
      this.wholeCatalogue.set(snapshot, tallies);
    }
    return tallies;
  }

  async search(request: PatentSearchRequest): Promise<PatentSearchResult> {
    const first = pageSize(request.first);
    const query = (request.query ?? '').trim();
    if (query.length > MAX_QUERY_LENGTH)
      throw AppError.badInput('query', 'Keep the search under {{max}} characters.', {
        max: MAX_QUERY_LENGTH,
      });
    const terms = queryTerms(query).slice(0, MAX_QUERY_TERMS);
    const filter = request.filter ?? {};
    validateFilter(filter);
    const sort: PatentSort = request.sort ?? 'RELEVANCE';
    const scope = cursorScope({ terms, filter, sort });
    const offset = decodeOffsetCursor(request.after, scope);

    const snapshot = await this.index.upToDate();
    const termIds = terms.map((t) => snapshot.dictionary.find(t));
    const ordered = ordering(sort, terms.length > 0);
    const keep = rowFilter(filter);
    const unfiltered = termIds.length === 0 && !hasFilter(filter);
    let matches: CatalogueRow[];
    let scores: Map<CatalogueRow, number> | null = null;
    if (termIds.some((id) => id === undefined)) {
      // Some query term is in no published patent, so no patent has them all.
      matches = [];
    } else if (termIds.length === 0) {
      const rows = ordered === 'newest' ? snapshot.newestFirst() : snapshot.rows;
      matches = unfiltered ? [...rows] : rows.filter(keep);
    } else {
      const ids = termIds as number[];
      matches = snapshot.rows.filter((row) => ids.every((id) => hasTerm(row.terms, id)) && keep(row));
      scores = new Map(matches.map((row) => [row, relevance(row, ids)]));
    }
    if (ordered !== 'newest' || termIds.length > 0) matches.sort(comparator(sort, scores));

    const page = matches.slice(offset, offset + first);
    const tallies = unfiltered ? this.catalogueTallies(snapshot) : tally(matches);
    const [patents, institutions] = await Promise.all([
      mapConcurrently(page, PAGE_READ_CONCURRENCY, (row) =>
        PublishedPatentModel.findById(row.patentId, PUBLIC_FIELDS).lean<PublishedPatentRecord>(),
      ),
      this.organizations.getManyByIds([...tallies.institutions.keys()]),
    ]);
    // A copy withdrawn after this generation was committed is not shown; the next generation drops its row.
    const hits = page.flatMap((row, i) => {
      const patent = patents[i];
      return patent
        ? [{ cursor: encodeOffsetCursor(offset + i + 1, scope), score: scores?.get(row) ?? 0, patent }]
        : [];
    });
    return {
      totalCount: matches.length,
      hits,
      hasNextPage: offset + first < matches.length,
      endCursor: page.length > 0 ? encodeOffsetCursor(offset + page.length, scope) : null,
      facets: facetsOf(tallies, institutions),
      institutions,
    };
  }
}

function validateFilter(filter: PatentSearchFilter): void {
  const { trlMin, trlMax } = filter;
  for (const [field, value] of [
    ['trlMin', trlMin],
    ['trlMax', trlMax],
  ] as const) {
    if (value !== null && value !== undefined && (!Number.isInteger(value) || value < 1 || value > 9)) {
      throw AppError.badInput(`filter.${field}`, 'The technology readiness level runs from 1 to 9.');
    }
  }
  if (trlMin && trlMax && trlMin > trlMax)
    throw AppError.badInput('filter.trlMin', 'The lowest readiness level cannot be above the highest.');
  (filter.institutionIds ?? []).forEach((id, i) => {
    if (!Types.ObjectId.isValid(id))
      throw AppError.badInput(`filter.institutionIds[${i}]`, 'This institution id is not valid.');
  });
}

function hasFilter(filter: PatentSearchFilter): boolean {
  return Boolean(
    filter.technicalFields?.length ||
    filter.jurisdictions?.length ||
    filter.legalStatuses?.length ||
    filter.institutionIds?.length ||
    filter.trlMin ||
    filter.trlMax,
  );
}

function rowFilter(filter: PatentSearchFilter): (row: CatalogueRow) => boolean {
  const fields = filter.technicalFields?.length ? new Set<string>(filter.technicalFields) : null;
  const jurisdictions = filter.jurisdictions?.length ? new Set<string>(filter.jurisdictions) : null;
  const statuses = filter.legalStatuses?.length ? new Set<string>(filter.legalStatuses) : null;
  const institutions = filter.institutionIds?.length ? new Set(filter.institutionIds) : null;
  const trlMin = filter.trlMin ?? 1;
  const trlMax = filter.trlMax ?? 9;
  return (row) =>
    (!fields || row.technicalFields.some((f) => fields.has(f))) &&
    (!jurisdictions || jurisdictions.has(row.jurisdiction)) &&
    (!statuses || statuses.has(row.legalStatus)) &&
    (!institutions || institutions.has(row.institutionId)) &&
    row.trl >= trlMin &&
    row.trl <= trlMax;
}

function relevance(row: CatalogueRow, termIds: number[]): number {
  return (
    termIds.reduce((sum, id) => sum + (hasTerm(row.boostTerms, id) ? BOOSTED_TERM_WEIGHT : TERM_WEIGHT), 0) /
    termIds.length
  );
}

/** "newest" when the order is the index's own default order, which needs no sorting per request. */
function ordering(sort: PatentSort, hasQuery: boolean): 'newest' | 'other' {
  return sort === 'FILING_DATE_DESC' || (sort === 'RELEVANCE' && !hasQuery) ? 'newest' : 'other';
}

function comparator(
  sort: PatentSort,
  scores: Map<CatalogueRow, number> | null,
): (a: CatalogueRow, b: CatalogueRow) => number {
  const byId = (a: CatalogueRow, b: CatalogueRow) =>
    a.patentId < b.patentId ? -1 : a.patentId > b.patentId ? 1 : 0;
  const oldestFirst = (a: CatalogueRow, b: CatalogueRow) =>
    a.filingDate === b.filingDate ? byId(a, b) : a.filingDate < b.filingDate ? -1 : 1;
  switch (sort) {
    case 'FILING_DATE_ASC':
      return oldestFirst;
    case 'FILING_DATE_DESC':
      return newestFilingFirst;
    case 'TRL_DESC':
      return (a, b) => b.trl - a.trl || newestFilingFirst(a, b);
    case 'RELEVANCE':
      return scores
        ? (a, b) => (scores.get(b) ?? 0) - (scores.get(a) ?? 0) || newestFilingFirst(a, b)
        : newestFilingFirst;
  }
}

type FacetName = keyof PatentSearchResult['facets'];
type FacetTallies = Record<FacetName, Map<string, number>>;

/** How many of the matches have each value of each facet, in one pass. */
function tally(matches: CatalogueRow[]): FacetTallies {
  const tallies: FacetTallies = {
    technicalFields: new Map(),
    jurisdictions: new Map(),
    legalStatuses: new Map(),
    institutions: new Map(),
    trl: new Map(),
  };
  const add = (facet: FacetName, value: string) =>
    tallies[facet].set(value, (tallies[facet].get(value) ?? 0) + 1);
  for (const row of matches) {
    for (const field of row.technicalFields) add('technicalFields', field);
    add('jurisdictions', row.jurisdiction);
    add('legalStatuses', row.legalStatus);
    add('institutions', row.institutionId);
    add('trl', String(row.trl));
  }
  return tallies;
}

function facetsOf(
  tallies: FacetTallies,
  institutions: Map<string, OrganizationRecord>,
): PatentSearchResult['facets'] {
  const counts = (facet: FacetName, label: (value: string) => string): FacetCount[] =>
    [...tallies[facet].entries()]
      .map(([value, count]) => ({ value, label: label(value), count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  return {
    technicalFields: counts('technicalFields', (v) => TECHNICAL_FIELD_LABELS[v as TechnicalField] ?? v),
    jurisdictions: counts('jurisdictions', (v) => JURISDICTION_LABELS[v as Jurisdiction] ?? v),
    legalStatuses: counts('legalStatuses', (v) => LEGAL_STATUS_LABELS[v as LegalStatus] ?? v),
    institutions: counts('institutions', (v) => institutions.get(v)?.name ?? v),
    trl: counts('trl', (v) => `TRL ${v}`).sort((a, b) => Number(a.value) - Number(b.value)),
  };
}

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
const MATCH_BATCH_SIZE = 10_000;
// A term in the title or keywords says more about what a patent is than one in its abstract.
const BOOSTED_TERM_WEIGHT = 3;
const TERM_WEIGHT = 1;

/**
 * Catalogue search over the public read model. One query fetches every published patent that matches the terms
 * and filters (terms and single-valued filters are equality filters, which FerretDB hands to PostgreSQL); scoring,
 * facets, sorting and the page are computed here from that one answer, and one more query loads the institutions.
 * So a page costs two round trips whatever its size.
 */
export class PatentSearchService {
  constructor(private readonly organizations: OrganizationService) {}

  async search(request: PatentSearchRequest): Promise<PatentSearchResult> {
    const first = pageSize(request.first);
    const query = (request.query ?? '').trim();
    if (query.length > MAX_QUERY_LENGTH)
      throw AppError.badInput('query', `Keep the search under ${MAX_QUERY_LENGTH} characters.`);
    const terms = queryTerms(query).slice(0, MAX_QUERY_TERMS);
    const filter = request.filter ?? {};
    validateFilter(filter);
    const sort: PatentSort = request.sort ?? 'RELEVANCE';
    const scope = cursorScope({ terms, filter, sort });
    const offset = decodeOffsetCursor(request.after, scope);

    // Every match is scored and counted, so fetch them in as few batches as the reply size allows.
    const matches = await PublishedPatentModel.find(mongoFilter(terms, filter), { terms: 0 })
      .batchSize(MATCH_BATCH_SIZE)
      .lean<PublishedPatentRecord[]>();
    const scored = matches.map((patent) => ({ patent, score: relevance(patent, terms) }));
    scored.sort(comparator(sort, terms.length > 0));

    const page = scored.slice(offset, offset + first);
    const institutionIds = [...new Set(matches.map((m) => m.institutionId.toHexString()))];
    const institutions = await this.organizations.getManyByIds(institutionIds);
    return {
      totalCount: scored.length,
      hits: page.map((hit, i) => ({
        cursor: encodeOffsetCursor(offset + i + 1, scope),
        score: hit.score,
        patent: hit.patent,
      })),
      hasNextPage: offset + first < scored.length,
      endCursor: page.length > 0 ? encodeOffsetCursor(offset + page.length, scope) : null,
      facets: facetsOf(matches, institutions),
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

/** Equality where a filter has one value (pushed down to the database), `$in` where it has several. */
function mongoFilter(terms: string[], filter: PatentSearchFilter): Record<string, unknown> {
  const query: Record<string, unknown> = {};
  const and: Record<string, unknown>[] = [];
  if (terms.length > 0) query.terms = terms[0];
  for (const term of terms.slice(1)) and.push({ terms: term });
  const oneOrMany = (field: string, values: unknown[] | null | undefined) => {
    if (!values || values.length === 0) return;
    if (values.length === 1) query[field] = values[0];
    else and.push({ [field]: { $in: values } });
  };
  oneOrMany('technicalFields', filter.technicalFields);
  oneOrMany('jurisdiction', filter.jurisdictions);
  oneOrMany('legalStatus', filter.legalStatuses);
  oneOrMany(
    'institutionId',
    filter.institutionIds?.map((id) => new Types.ObjectId(id)),
  );
  const trl: Record<string, number> = {};
  if (filter.trlMin) trl.$gte = filter.trlMin;
  if (filter.trlMax) trl.$lte = filter.trlMax;
  if (Object.keys(trl).length > 0) and.push({ trl });
  if (and.length > 0) query.$and = and;
  return query;
}

function relevance(patent: PublishedPatentRecord, terms: string[]): number {
  if (terms.length === 0) return 0;
  const boosted = new Set(patent.boostTerms);
  return (
    terms.reduce((sum, term) => sum + (boosted.has(term) ? BOOSTED_TERM_WEIGHT : TERM_WEIGHT), 0) /
    terms.length
  );
}

type Scored = { patent: PublishedPatentRecord; score: number };

function comparator(sort: PatentSort, hasQuery: boolean): (a: Scored, b: Scored) => number {
  const newestFirst = (a: Scored, b: Scored) => b.patent.filingDate.localeCompare(a.patent.filingDate);
  const byId = (a: Scored, b: Scored) => a.patent._id.toHexString().localeCompare(b.patent._id.toHexString());
  switch (sort) {
    case 'FILING_DATE_ASC':
      return (a, b) => -newestFirst(a, b) || byId(a, b);
    case 'FILING_DATE_DESC':
      return (a, b) => newestFirst(a, b) || byId(a, b);
    case 'TRL_DESC':
      return (a, b) => b.patent.trl - a.patent.trl || newestFirst(a, b) || byId(a, b);
    case 'RELEVANCE':
      return hasQuery
        ? (a, b) => b.score - a.score || newestFirst(a, b) || byId(a, b)
        : (a, b) => newestFirst(a, b) || byId(a, b);
  }
}

function facetsOf(
  matches: PublishedPatentRecord[],
  institutions: Map<string, OrganizationRecord>,
): PatentSearchResult['facets'] {
  const count = (
    values: (p: PublishedPatentRecord) => string[],
    label: (value: string) => string,
  ): FacetCount[] => {
    const counts = new Map<string, number>();
    for (const p of matches) for (const v of values(p)) counts.set(v, (counts.get(v) ?? 0) + 1);
    return [...counts.entries()]
      .map(([value, n]) => ({ value, label: label(value), count: n }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  return {
    technicalFields: count(
      (p) => p.technicalFields,
      (v) => TECHNICAL_FIELD_LABELS[v as TechnicalField] ?? v,
    ),
    jurisdictions: count(
      (p) => [p.jurisdiction],
      (v) => JURISDICTION_LABELS[v as Jurisdiction] ?? v,
    ),
    legalStatuses: count(
      (p) => [p.legalStatus],
      (v) => LEGAL_STATUS_LABELS[v as LegalStatus] ?? v,
    ),
    institutions: count(
      (p) => [p.institutionId.toHexString()],
      (v) => institutions.get(v)?.name ?? v,
    ),
    trl: count(
      (p) => [String(p.trl)],
      (v) => `TRL ${v}`,
    ).sort((a, b) => Number(a.value) - Number(b.value)),
  };
}

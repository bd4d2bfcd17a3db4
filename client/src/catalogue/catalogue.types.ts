import type { PatentDetailQuery, SearchPatentsQuery } from '../graphql/generated/graphql';

// Names for the parts of the catalogue operations' results that the components pass around.
export type PatentSearchConnection = SearchPatentsQuery['searchPatents'];
export type PatentSummary = PatentSearchConnection['edges'][number]['node'];
export type PatentSearchFacets = PatentSearchConnection['facets'];
/** For enum facets `value` is the enum value; for institutions the organisation id; for trl "1".."9". */
export type FacetCount = PatentSearchFacets['trl'][number];
export type PatentDetail = NonNullable<PatentDetailQuery['patent']>;

// Hand-written result types for graphql/operations/catalogue.graphql, checked against graphql/schema.graphql, until
// types are generated from it. Each type mirrors one selection set of those operations, so a change there must be made
// here too. The enum lists keep the order the schema's source declares them in, which the filters show them in.

export const TECHNICAL_FIELDS = [
  'ARTIFICIAL_INTELLIGENCE',
  'BIOTECHNOLOGY',
  'PHARMACEUTICALS',
  'MEDICAL_DEVICES',
  'ENERGY_STORAGE',
  'RENEWABLE_ENERGY',
  'NEW_MATERIALS',
  'SEMICONDUCTORS',
  'ADVANCED_MANUFACTURING',
  'AGRICULTURE',
  'ENVIRONMENTAL_PROTECTION',
  'TELECOMMUNICATIONS',
  'AUTOMOTIVE',
  'CHEMICAL_ENGINEERING',
] as const;
export type TechnicalField = (typeof TECHNICAL_FIELDS)[number];

export const JURISDICTIONS = ['CN', 'US', 'EP', 'GB', 'JP', 'KR', 'WO'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const PATENT_LEGAL_STATUSES = ['FILED', 'GRANTED', 'EXPIRED', 'LAPSED'] as const;
export type PatentLegalStatus = (typeof PATENT_LEGAL_STATUSES)[number];

export const PATENT_STATES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type PatentState = (typeof PATENT_STATES)[number];

export const ORGANIZATION_KINDS = ['UNIVERSITY', 'RESEARCH_INSTITUTE', 'SME', 'PLATFORM'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const PATENT_SORTS = ['RELEVANCE', 'FILING_DATE_DESC', 'FILING_DATE_ASC', 'TRL_DESC'] as const;
export type PatentSort = (typeof PATENT_SORTS)[number];

/** Technology readiness levels, 1 (basic principles observed) to 9 (proven in operation). */
export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

export type PatentSearchFilter = {
  technicalFields?: TechnicalField[];
  jurisdictions?: Jurisdiction[];
  legalStatuses?: PatentLegalStatus[];
  institutionIds?: string[];
  trlMin?: number;
  trlMax?: number;
};

export type SearchPatentsVariables = {
  query?: string;
  filter?: PatentSearchFilter;
  sort?: PatentSort;
  first?: number;
  after?: string | null;
};

/** A calendar date as the API sends it: 'YYYY-MM-DD', with no time zone. */
export type IsoDate = string;

export type PatentSummary = {
  __typename?: 'Patent';
  id: string;
  titleEn: string | null;
  titleZh: string | null;
  abstractEn: string | null;
  abstractZh: string | null;
  jurisdiction: Jurisdiction;
  legalStatus: PatentLegalStatus;
  trl: number;
  ipcClasses: string[];
  technicalFields: TechnicalField[];
  state: PatentState;
  institution: { id: string; name: string };
};

/** For enum facets `value` is the enum value; for institutions the organisation id; for trl "1".."9". */
export type FacetCount = { value: string; label: string; count: number };

export type PatentSearchFacets = {
  technicalFields: FacetCount[];
  jurisdictions: FacetCount[];
  legalStatuses: FacetCount[];
  institutions: FacetCount[];
  trl: FacetCount[];
};

export type PatentSearchConnection = {
  totalCount: number;
  edges: { cursor: string; score: number; node: PatentSummary }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: PatentSearchFacets;
};

export type SearchPatentsQuery = { searchPatents: PatentSearchConnection };

export type PatentDocumentLink = { label: string; url: string };

export type PatentDetail = Omit<PatentSummary, 'institution'> & {
  claimsSummary: string | null;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  priorityDate: IsoDate | null;
  filingDate: IsoDate;
  grantDate: IsoDate | null;
  expiryDate: IsoDate | null;
  inventors: string[];
  keywords: string[];
  advantages: string[];
  applications: string[];
  documentLinks: PatentDocumentLink[];
  institution: {
    id: string;
    name: string;
    kind: OrganizationKind;
    region: string | null;
    website: string | null;
  };
};

export type PatentDetailQuery = { patent: PatentDetail | null };
export type PatentDetailVariables = { id: string };

import type {
  Jurisdiction,
  OrganizationKind,
  PatentLegalStatus,
  PatentSort,
  PatentState,
  TechnicalField,
} from '../../graphql/generated/graphql';
import { workspaceEn, workspaceEnums } from './en-workspace';

// Every enum is a Record over its values, so a value added to the schema fails to compile until it is translated.
const technicalField: Record<TechnicalField, string> = {
  ARTIFICIAL_INTELLIGENCE: 'Artificial intelligence',
  BIOTECHNOLOGY: 'Biotechnology',
  PHARMACEUTICALS: 'Pharmaceuticals',
  MEDICAL_DEVICES: 'Medical devices',
  ENERGY_STORAGE: 'Energy storage',
  RENEWABLE_ENERGY: 'Renewable energy',
  NEW_MATERIALS: 'New materials',
  SEMICONDUCTORS: 'Semiconductors',
  ADVANCED_MANUFACTURING: 'Advanced manufacturing',
  AGRICULTURE: 'Agriculture',
  ENVIRONMENTAL_PROTECTION: 'Environmental protection',
  TELECOMMUNICATIONS: 'Telecommunications',
  AUTOMOTIVE: 'Automotive',
  CHEMICAL_ENGINEERING: 'Chemical engineering',
};

const jurisdiction: Record<Jurisdiction, string> = {
  CN: 'China',
  US: 'United States',
  EP: 'Europe (EPO)',
  GB: 'United Kingdom',
  JP: 'Japan',
  KR: 'South Korea',
  WO: 'International (PCT)',
};

const legalStatus: Record<PatentLegalStatus, string> = {
  FILED: 'Pending',
  GRANTED: 'Granted',
  EXPIRED: 'Expired',
  LAPSED: 'Lapsed',
};

const patentState: Record<PatentState, string> = {
  DRAFT: 'Draft',
  PUBLISHED: 'Listed',
  WITHDRAWN: 'Withdrawn',
};

const organizationKind: Record<OrganizationKind, string> = {
  UNIVERSITY: 'University',
  RESEARCH_INSTITUTE: 'Research institute',
  SME: 'Small or medium enterprise',
  PLATFORM: 'Platform',
};

const sort: Record<PatentSort, string> = {
  RELEVANCE: 'Best match',
  FILING_DATE_DESC: 'Filing date, newest first',
  FILING_DATE_ASC: 'Filing date, oldest first',
  TRL_DESC: 'Readiness (TRL), highest first',
};

export const en = {
  app: {
    name: 'UseFirst',
    tagline: 'Use first, pay later',
    skipToContent: 'Skip to main content',
    primaryNavigation: 'Main',
    catalogue: 'Patents',
    language: 'Language',
    footer: 'UseFirst: license a patent, use it, and pay from what it earns.',
    documentTitle: '{{page}} · UseFirst',
  },
  catalogue: {
    title: 'Find a patent to use first',
    intro:
      'Search patents from universities and research institutes. License now, pay royalties once it earns.',
    searchLabel: 'Search patents',
    searchPlaceholder: 'e.g. battery, 锂电池, CRISPR',
    searchHint: 'Words in English or Chinese, in titles, abstracts and keywords.',
    searchButton: 'Search',
    filters: 'Filters',
    showFilters: 'Show filters',
    hideFilters: 'Hide filters',
    activeFilters_one: '{{count}} filter on',
    activeFilters_other: '{{count}} filters on',
    clearFilters: 'Clear all filters',
    facetTechnicalField: 'Technical field',
    facetJurisdiction: 'Jurisdiction',
    facetLegalStatus: 'Legal status',
    facetInstitution: 'Institution',
    facetTrl: 'Technology readiness (TRL)',
    facetOption: '{{label}} ({{count}})',
    trlMin: 'From',
    trlMax: 'To',
    trlAny: 'Any',
    trlLevel: 'TRL {{level}}',
    trlHelp: 'TRL 1 is a proven principle, TRL 9 a product in use.',
    sortLabel: 'Sort by',
    results: 'Results',
    resultCount_one: '{{count}} patent found',
    resultCount_other: '{{count}} patents found',
    resultRange: 'Showing {{shown}} of {{total}}',
    searching: 'Searching patents…',
    updating: 'Updating results…',
    loadMore: 'Load more patents',
    loadingMore: 'Loading more…',
    emptyTitle: 'No patents match',
    emptyWithFilters: 'Try fewer filters or other words.',
    emptyWithoutFilters: 'Try other words, in English or Chinese.',
    errorTitle: 'The search did not work',
    retry: 'Try again',
    institutionLabel: 'Institution',
    jurisdictionLabel: 'Jurisdiction',
    legalStatusLabel: 'Legal status',
    trlLabel: 'TRL',
    ipcLabel: 'IPC',
    fieldsLabel: 'Fields',
    notStated: 'Not stated',
  },
  patent: {
    back: 'Back to search results',
    loading: 'Loading patent…',
    notFoundTitle: 'Patent not found',
    notFoundBody: 'This patent does not exist or is not listed any more.',
    errorTitle: 'The patent could not be loaded',
    // Ends with its separator: the original title follows directly.
    titleInOther: 'Title in Chinese: ',
    abstract: 'Abstract',
    abstractInOther: 'Abstract in Chinese',
    claimsSummary: 'Claims in brief',
    facts: 'Key facts',
    listing: 'Listing',
    applicationNumber: 'Application number',
    publicationNumber: 'Publication number',
    grantNumber: 'Grant number',
    priorityDate: 'Priority date',
    filingDate: 'Filing date',
    grantDate: 'Grant date',
    expiryDate: 'Expiry date',
    ipcClasses: 'IPC classes',
    technicalFields: 'Technical fields',
    inventors: 'Inventors',
    keywords: 'Keywords',
    advantages: 'Advantages',
    applications: 'Applications',
    documents: 'Documents',
    noDocuments: 'No documents yet.',
    institution: 'Institution',
    institutionKind: 'Type',
    region: 'Region',
    website: 'Website',
    none: 'None',
    trlValue: 'TRL {{level}} of 9',
  },
  errors: {
    pageFailed: 'This page could not be shown',
    badInput: 'Some search options are not valid. Check them and search again.',
    badInputField: 'This search option is not valid: {{field}}.',
    forbidden: 'You are not allowed to see this.',
    unavailable: 'UseFirst cannot be reached right now. Check your connection and try again.',
    unexpected: 'Something went wrong on our side. Try again in a moment.',
  },
  notFound: {
    title: 'Page not found',
    body: 'There is no page at this address.',
    home: 'Go to the patent search',
  },
  ...workspaceEn,
  enums: {
    technicalField,
    jurisdiction,
    legalStatus,
    patentState,
    organizationKind,
    sort,
    ...workspaceEnums,
  },
};

/** The shape every language must fill: the same keys, each a string. */
export type Translation = {
  [Key in keyof typeof en]: TranslationBranch<(typeof en)[Key]>;
};
type TranslationBranch<Branch> = {
  [Key in keyof Branch]: Branch[Key] extends string ? string : TranslationBranch<Branch[Key]>;
};

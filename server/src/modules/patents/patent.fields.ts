/** The vocabularies of the patent catalogue, shared by the model, the validation and the API. */
export const JURISDICTIONS = ['CN', 'US', 'EP', 'GB', 'JP', 'KR', 'WO'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

export const LEGAL_STATUSES = ['FILED', 'GRANTED', 'EXPIRED', 'LAPSED'] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

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

export const TECHNICAL_FIELD_LABELS: Record<TechnicalField, string> = {
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

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  CN: 'China',
  US: 'United States',
  EP: 'European Patent Office',
  GB: 'United Kingdom',
  JP: 'Japan',
  KR: 'Korea',
  WO: 'PCT (WIPO)',
};

export const LEGAL_STATUS_LABELS: Record<LegalStatus, string> = {
  FILED: 'Filed',
  GRANTED: 'Granted',
  EXPIRED: 'Expired',
  LAPSED: 'Lapsed',
};

export const PATENT_STATES = ['DRAFT', 'PUBLISHED', 'WITHDRAWN'] as const;
export type PatentState = (typeof PATENT_STATES)[number];

/** The fields a TTO manager writes; everything a patent is, apart from its owner and lifecycle. */
export type PatentContent = {
  titleEn: string | null;
  titleZh: string | null;
  abstractEn: string | null;
  abstractZh: string | null;
  claimsSummary: string | null;
  applicationNumber: string;
  publicationNumber: string | null;
  grantNumber: string | null;
  jurisdiction: Jurisdiction;
  legalStatus: LegalStatus;
  priorityDate: string | null;
  filingDate: string;
  grantDate: string | null;
  expiryDate: string | null;
  ipcClasses: string[];
  inventors: string[];
  trl: number;
  technicalFields: TechnicalField[];
  keywords: string[];
  advantages: string[];
  applications: string[];
  documentLinks: { label: string; url: string }[];
};

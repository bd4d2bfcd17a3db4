import type { Jurisdiction, PatentLegalStatus, PatentSort, TechnicalField } from './generated/graphql';

/**
 * Every value of an enum, in the order the interface lists them. The record form makes the compiler insist on every
 * value of the generated union and no other, so a value added to the schema fails to compile until it is placed.
 */
export function enumValues<Value extends string>(order: Record<Value, true>): readonly Value[] {
  return Object.keys(order) as Value[];
}

/** Tells whether a string from outside (an address, a form) is one of an enum's values. */
export function isEnumValue<Value extends string>(
  raw: string | null | undefined,
  values: readonly Value[],
): raw is Value {
  return raw !== null && raw !== undefined && (values as readonly string[]).includes(raw);
}

// The schema lists enum values alphabetically; these orders group related fields and put the common cases first.
export const TECHNICAL_FIELDS = enumValues<TechnicalField>({
  ARTIFICIAL_INTELLIGENCE: true,
  BIOTECHNOLOGY: true,
  PHARMACEUTICALS: true,
  MEDICAL_DEVICES: true,
  ENERGY_STORAGE: true,
  RENEWABLE_ENERGY: true,
  NEW_MATERIALS: true,
  SEMICONDUCTORS: true,
  ADVANCED_MANUFACTURING: true,
  AGRICULTURE: true,
  ENVIRONMENTAL_PROTECTION: true,
  TELECOMMUNICATIONS: true,
  AUTOMOTIVE: true,
  CHEMICAL_ENGINEERING: true,
});

export const JURISDICTIONS = enumValues<Jurisdiction>({
  CN: true,
  US: true,
  EP: true,
  GB: true,
  JP: true,
  KR: true,
  WO: true,
});

export const PATENT_LEGAL_STATUSES = enumValues<PatentLegalStatus>({
  FILED: true,
  GRANTED: true,
  EXPIRED: true,
  LAPSED: true,
});

export const PATENT_SORTS = enumValues<PatentSort>({
  RELEVANCE: true,
  FILING_DATE_DESC: true,
  FILING_DATE_ASC: true,
  TRL_DESC: true,
});

/** Technology readiness levels, 1 (basic principles observed) to 9 (proven in operation). */
export const TRL_LEVELS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** A calendar date as the API sends it: 'YYYY-MM-DD', with no time zone. */
export type IsoDate = string;

import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { enumObject, FacetCount, PageInfo } from '../../graphql/common.types';
import { connectionOf } from '../../graphql/connection';
import {
  JURISDICTIONS,
  LEGAL_STATUSES,
  PATENT_STATES,
  TECHNICAL_FIELDS,
  type Jurisdiction,
  type LegalStatus,
  type PatentState,
  type TechnicalField,
} from './patent.fields';
import type { PatentSort } from './patent-search.service';

export const JurisdictionEnum = enumObject(JURISDICTIONS);
registerEnumType(JurisdictionEnum, {
  name: 'Jurisdiction',
  description: 'The patent office a patent is filed with (WO: an international PCT application).',
});
export const LegalStatusEnum = enumObject(LEGAL_STATUSES);
registerEnumType(LegalStatusEnum, {
  name: 'PatentLegalStatus',
  description: 'Where a patent stands in law.',
});
export const TechnicalFieldEnum = enumObject(TECHNICAL_FIELDS);
registerEnumType(TechnicalFieldEnum, {
  name: 'TechnicalField',
  description: 'The technical fields the catalogue is organised by.',
});
export const PatentStateEnum = enumObject(PATENT_STATES);
registerEnumType(PatentStateEnum, {
  name: 'PatentState',
  description: 'Where a patent stands in the catalogue.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared; only its institution sees it.' },
    PUBLISHED: { description: 'Public in the catalogue.' },
    WITHDRAWN: { description: 'Taken out of the catalogue; only its institution sees it.' },
  },
});
export const PatentSortEnum = enumObject([
  'RELEVANCE',
  'FILING_DATE_DESC',
  'FILING_DATE_ASC',
  'TRL_DESC',
] as const satisfies readonly PatentSort[]);
registerEnumType(PatentSortEnum, {
  name: 'PatentSort',
  description: 'How search results are ordered.',
  valuesConfig: {
    RELEVANCE: { description: 'Best match first (newest first when there is no search text).' },
    FILING_DATE_DESC: { description: 'Newest filing first.' },
    FILING_DATE_ASC: { description: 'Oldest filing first.' },
    TRL_DESC: { description: 'Most mature technology first.' },
  },
});

@ObjectType({ description: 'A link to a document about a patent (full text, drawings, a brochure).' })
export class DocumentLink {
  @Field(() => String, { description: 'What the document is.' })
  label!: string;
  @Field(() => String, { description: 'https:// address of the document.' })
  url!: string;
}

@ObjectType({ description: 'One change of a patent’s catalogue state.' })
export class PatentStateChange {
  @Field(() => PatentStateEnum, { nullable: true, description: 'The state before (null when created).' })
  from!: PatentState | null;
  @Field(() => PatentStateEnum, { description: 'The state after.' })
  to!: PatentState;
  @Field(() => Date, { description: 'When it changed.' })
  at!: Date;
  @Field(() => ID, { nullable: true, description: 'Who changed it (null: the platform).' })
  byUserId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why, where a reason was given.' })
  reason!: string | null;
}

@ObjectType({ description: 'A patent offered for licensing by a university or research institute.' })
export class Patent {
  @Field(() => ID, { description: 'The patent id.' })
  id!: string;
  @Field(() => ID, { description: 'The university or institute that owns it.' })
  institutionId!: string;
  @Field(() => String, { nullable: true, description: 'Title in English.' })
  titleEn!: string | null;
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh!: string | null;
  @Field(() => String, { nullable: true, description: 'Abstract in English.' })
  abstractEn!: string | null;
  @Field(() => String, { nullable: true, description: 'Abstract in Chinese.' })
  abstractZh!: string | null;
  @Field(() => String, { nullable: true, description: 'What the claims cover, in plain words.' })
  claimsSummary!: string | null;
  @Field(() => String, { description: 'Application number as the office writes it.' })
  applicationNumber!: string;
  @Field(() => String, { nullable: true, description: 'Publication number.' })
  publicationNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'Grant number, once granted.' })
  grantNumber!: string | null;
  @Field(() => JurisdictionEnum, { description: 'The office it is filed with.' })
  jurisdiction!: Jurisdiction;
  @Field(() => LegalStatusEnum, { description: 'Where it stands in law.' })
  legalStatus!: LegalStatus;
  @Field(() => String, { nullable: true, description: 'Priority date, YYYY-MM-DD.' })
  priorityDate!: string | null;
  @Field(() => String, { description: 'Filing date, YYYY-MM-DD.' })
  filingDate!: string;
  @Field(() => String, { nullable: true, description: 'Grant date, YYYY-MM-DD.' })
  grantDate!: string | null;
  @Field(() => String, { nullable: true, description: 'Expiry date, YYYY-MM-DD.' })
  expiryDate!: string | null;
  @Field(() => [String], { description: 'IPC classes, e.g. "H01M 10/0562".' })
  ipcClasses!: string[];
  @Field(() => [String], { description: 'Inventors.' })
  inventors!: string[];
  @Field(() => Int, { description: 'Technology readiness level, 1 (idea) to 9 (proven in operation).' })
  trl!: number;
  @Field(() => [TechnicalFieldEnum], { description: 'Technical fields.' })
  technicalFields!: TechnicalField[];
  @Field(() => [String], { description: 'Keywords, in English and/or Chinese.' })
  keywords!: string[];
  @Field(() => [String], { description: 'Advantages over what exists: the business case.' })
  advantages!: string[];
  @Field(() => [String], { description: 'Where it can be applied.' })
  applications!: string[];
  @Field(() => [DocumentLink], { description: 'Documents about it.' })
  documentLinks!: DocumentLink[];
  @Field(() => PatentStateEnum, { description: 'Where it stands in the catalogue.' })
  state!: PatentState;
}

export const PatentConnection = connectionOf(Patent, 'Patent', 'patent');

@ObjectType({ description: 'One search result.' })
export class PatentSearchEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this result.' })
  cursor!: string;
  @Field(() => Float, {
    description: 'How well it matches the search text (0 without text); higher is better.',
  })
  score!: number;
  @Field(() => Patent, { description: 'The patent.' })
  node!: Patent;
}

@ObjectType({ description: 'How the results spread over each filter, to show next to the filters.' })
export class PatentSearchFacets {
  @Field(() => [FacetCount], { description: 'By technical field.' })
  technicalFields!: FacetCount[];
  @Field(() => [FacetCount], { description: 'By jurisdiction.' })
  jurisdictions!: FacetCount[];
  @Field(() => [FacetCount], { description: 'By legal status.' })
  legalStatuses!: FacetCount[];
  @Field(() => [FacetCount], { description: 'By institution (value: organisation id, label: its name).' })
  institutions!: FacetCount[];
  @Field(() => [FacetCount], { description: 'By technology readiness level (value "1" to "9").' })
  trl!: FacetCount[];
}

@ObjectType({ description: 'A page of catalogue search results with facet counts over all results.' })
export class PatentSearchConnection {
  @Field(() => Int, { description: 'How many published patents match.' })
  totalCount!: number;
  @Field(() => [PatentSearchEdge], { description: 'The results on this page.' })
  edges!: PatentSearchEdge[];
  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo!: PageInfo;
  @Field(() => PatentSearchFacets, { description: 'Counts per filter value over all matches.' })
  facets!: PatentSearchFacets;
}

@InputType({
  description: 'Filters for catalogue search; within a filter any value matches, across filters all must.',
})
export class PatentSearchFilter {
  @Field(() => [TechnicalFieldEnum], { nullable: true, description: 'Any of these fields.' })
  technicalFields?: TechnicalField[] | null;
  @Field(() => [JurisdictionEnum], { nullable: true, description: 'Any of these jurisdictions.' })
  jurisdictions?: Jurisdiction[] | null;
  @Field(() => [LegalStatusEnum], { nullable: true, description: 'Any of these legal statuses.' })
  legalStatuses?: LegalStatus[] | null;
  @Field(() => [ID], { nullable: true, description: 'Any of these institutions.' })
  institutionIds?: string[] | null;
  @Field(() => Int, { nullable: true, description: 'Lowest technology readiness level (1-9).' })
  trlMin?: number | null;
  @Field(() => Int, { nullable: true, description: 'Highest technology readiness level (1-9).' })
  trlMax?: number | null;
}

@InputType({ description: 'A link to a document.' })
export class DocumentLinkInput {
  @Field(() => String, { description: 'What the document is.' })
  label!: string;
  @Field(() => String, { description: 'https:// address.' })
  url!: string;
}

@InputType({
  description:
    'Everything a patent says. Dates are YYYY-MM-DD; a title and an abstract are needed in English or Chinese.',
})
export class PatentInput {
  @Field(() => String, { nullable: true, description: 'Title in English.' })
  titleEn?: string | null;
  @Field(() => String, { nullable: true, description: 'Title in Chinese.' })
  titleZh?: string | null;
  @Field(() => String, { nullable: true, description: 'Abstract in English.' })
  abstractEn?: string | null;
  @Field(() => String, { nullable: true, description: 'Abstract in Chinese.' })
  abstractZh?: string | null;
  @Field(() => String, { nullable: true, description: 'Claims summary.' })
  claimsSummary?: string | null;
  @Field(() => String, { description: 'Application number.' })
  applicationNumber!: string;
  @Field(() => String, { nullable: true, description: 'Publication number.' })
  publicationNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Grant number.' })
  grantNumber?: string | null;
  @Field(() => JurisdictionEnum, { description: 'Jurisdiction.' })
  jurisdiction!: Jurisdiction;
  @Field(() => LegalStatusEnum, { description: 'Legal status.' })
  legalStatus!: LegalStatus;
  @Field(() => String, { nullable: true, description: 'Priority date.' })
  priorityDate?: string | null;
  @Field(() => String, { description: 'Filing date.' })
  filingDate!: string;
  @Field(() => String, { nullable: true, description: 'Grant date.' })
  grantDate?: string | null;
  @Field(() => String, { nullable: true, description: 'Expiry date.' })
  expiryDate?: string | null;
  @Field(() => [String], { nullable: true, description: 'IPC classes like "H01M 10/0562".' })
  ipcClasses?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Inventors.' })
  inventors?: string[] | null;
  @Field(() => Int, { description: 'Technology readiness level 1-9.' })
  trl!: number;
  @Field(() => [TechnicalFieldEnum], { description: 'At least one technical field.' })
  technicalFields!: TechnicalField[];
  @Field(() => [String], { nullable: true, description: 'Keywords.' })
  keywords?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Advantages.' })
  advantages?: string[] | null;
  @Field(() => [String], { nullable: true, description: 'Applications.' })
  applications?: string[] | null;
  @Field(() => [DocumentLinkInput], { nullable: true, description: 'Document links.' })
  documentLinks?: DocumentLinkInput[] | null;
}

import type { PatentState } from './patent.fields';
import type { PatentRecord, PublishedPatentRecord } from './patent.model';
import type { Patent } from './patent.types';

export function toPatent(record: PatentRecord | PublishedPatentRecord): Patent {
  return {
    id: record._id.toHexString(),
    institutionId: record.institutionId.toHexString(),
    titleEn: record.titleEn ?? null,
    titleZh: record.titleZh ?? null,
    abstractEn: record.abstractEn ?? null,
    abstractZh: record.abstractZh ?? null,
    claimsSummary: record.claimsSummary ?? null,
    applicationNumber: record.applicationNumber,
    publicationNumber: record.publicationNumber ?? null,
    grantNumber: record.grantNumber ?? null,
    jurisdiction: record.jurisdiction,
    legalStatus: record.legalStatus,
    priorityDate: record.priorityDate ?? null,
    filingDate: record.filingDate,
    grantDate: record.grantDate ?? null,
    expiryDate: record.expiryDate ?? null,
    ipcClasses: record.ipcClasses,
    inventors: record.inventors,
    trl: record.trl,
    technicalFields: record.technicalFields,
    keywords: record.keywords,
    advantages: record.advantages,
    applications: record.applications,
    documentLinks: record.documentLinks.map((l) => ({ label: l.label, url: l.url })),
    // The public copy exists only while a patent is published.
    state: 'state' in record ? (record.state as PatentState) : 'PUBLISHED',
  };
}

import type { FieldError, MessageId, MessageParams } from '../../common/errors';
import { JURISDICTIONS, LEGAL_STATUSES, TECHNICAL_FIELDS, type PatentContent } from './patent.fields';

// IPC symbols as WIPO writes them: section, class, subclass, a space, main group / subgroup (e.g. "H01M 10/0562").
export const IPC_CLASS_PATTERN = /^[A-H]\d{2}[A-Z] \d{1,4}\/\d{2,6}$/;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: string): boolean {
  const match = DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const LIMITS = { title: 300, abstract: 5000, claims: 10_000, number: 40, listItem: 300, listLength: 50 };

/** Every problem with a patent's content, one message per field, worded for the TTO manager filling the form. */
export function validatePatentContent(p: PatentContent): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: MessageId, params?: MessageParams) =>
    errors.push({ field, message, params });
  const text = (field: keyof PatentContent, value: string | null, max: number) => {
    if (value !== null && value.length > max) add(field, 'Keep this under {{max}} characters.', { max });
  };

  if (!p.titleEn?.trim() && !p.titleZh?.trim()) add('titleEn', 'Give a title in English or Chinese.');
  text('titleEn', p.titleEn, LIMITS.title);
  text('titleZh', p.titleZh, LIMITS.title);
  if (!p.abstractEn?.trim() && !p.abstractZh?.trim())
    add('abstractEn', 'Give an abstract in English or Chinese.');
  text('abstractEn', p.abstractEn, LIMITS.abstract);
  text('abstractZh', p.abstractZh, LIMITS.abstract);
  text('claimsSummary', p.claimsSummary, LIMITS.claims);

  if (!p.applicationNumber?.trim()) add('applicationNumber', 'Give the application number.');
  text('applicationNumber', p.applicationNumber, LIMITS.number);
  text('publicationNumber', p.publicationNumber, LIMITS.number);
  text('grantNumber', p.grantNumber, LIMITS.number);
  if (!JURISDICTIONS.includes(p.jurisdiction))
    add('jurisdiction', 'Choose a known jurisdiction: {{jurisdictions}}.', {
      jurisdictions: JURISDICTIONS.join(', '),
    });
  if (!LEGAL_STATUSES.includes(p.legalStatus))
    add('legalStatus', 'Choose filed, granted, expired or lapsed.');

  const dates = {
    priorityDate: p.priorityDate,
    filingDate: p.filingDate,
    grantDate: p.grantDate,
    expiryDate: p.expiryDate,
  };
  for (const [field, value] of Object.entries(dates)) {
    if (value !== null && !isCalendarDate(value)) add(field, 'Give the date as YYYY-MM-DD.');
  }
  const valid = (value: string | null): value is string => value !== null && isCalendarDate(value);
  if (!p.filingDate) add('filingDate', 'Give the filing date.');
  if (valid(p.priorityDate) && valid(p.filingDate) && p.priorityDate > p.filingDate)
    add('priorityDate', 'The priority date cannot be after the filing date.');
  if (valid(p.grantDate) && valid(p.filingDate) && p.grantDate < p.filingDate)
    add('grantDate', 'The grant date cannot be before the filing date.');
  if (valid(p.expiryDate) && valid(p.filingDate) && p.expiryDate <= p.filingDate)
    add('expiryDate', 'The expiry date must be after the filing date.');
  if (p.legalStatus === 'GRANTED' && !p.grantDate) add('grantDate', 'A granted patent needs its grant date.');
  if (p.legalStatus === 'FILED' && p.grantDate)
    add('grantDate', 'A patent that is only filed has no grant date; set the status to granted.');

  if (!Number.isInteger(p.trl) || p.trl < 1 || p.trl > 9)
    add('trl', 'The technology readiness level runs from 1 to 9.');
  p.ipcClasses.forEach((ipc, i) => {
    if (!IPC_CLASS_PATTERN.test(ipc))
      add(`ipcClasses[${i}]`, '"{{ipc}}" is not an IPC class; write it like H01M 10/0562.', { ipc });
  });
  if (p.technicalFields.length === 0) add('technicalFields', 'Choose at least one technical field.');
  p.technicalFields.forEach((f, i) => {
    if (!TECHNICAL_FIELDS.includes(f))
      add(`technicalFields[${i}]`, '"{{field}}" is not a technical field we know.', { field: f });
  });
  for (const field of [
    'ipcClasses',
    'inventors',
    'keywords',
    'advantages',
    'applications',
    'documentLinks',
  ] as const) {
    if (p[field].length > LIMITS.listLength)
      add(field, 'List at most {{max}} items.', { max: LIMITS.listLength });
  }
  for (const field of ['inventors', 'keywords', 'advantages', 'applications'] as const) {
    p[field].forEach((item, i) => {
      if (!item.trim() || item.length > LIMITS.listItem)
        add(`${field}[${i}]`, 'Each item needs 1 to {{max}} characters.', { max: LIMITS.listItem });
    });
  }
  p.documentLinks.forEach((link, i) => {
    if (!link.label?.trim()) add(`documentLinks[${i}].label`, 'Give the link a label.');
    if (!/^https:\/\/[^\s]+$/.test(link.url ?? ''))
      add(`documentLinks[${i}].url`, 'Links must be full https:// addresses.');
  });
  return errors;
}

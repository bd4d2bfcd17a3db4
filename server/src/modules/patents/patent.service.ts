import { Types } from 'mongoose';
import { AppError } from '../../common/errors';
import { hasRole, isPlatformAdmin, requireRoleIn, type RequestContext } from '../../common/request-context';
import { transition } from '../../common/state-machine';
import type { OrganizationService } from '../identity/organization.service';
import type { CatalogueIndexService } from './catalogue-index.service';
import type { PatentContent, PatentState } from './patent.fields';
import {
  PatentModel,
  PublishedPatentModel,
  type PatentRecord,
  type PublishedPatentRecord,
} from './patent.model';
import { PATENT_STATE_NAMES, PATENT_TRANSITIONS } from './patent.state';
import { validatePatentContent } from './patent.validation';
import { documentTerms } from './search-terms';

/** Everything a TTO manager may send; missing optional fields are empty. */
export type PatentContentInput = Partial<PatentContent> &
  Pick<PatentContent, 'applicationNumber' | 'jurisdiction' | 'legalStatus' | 'filingDate' | 'trl'>;

export class PatentService {
  constructor(
    private readonly organizations: OrganizationService,
    private readonly catalogue: CatalogueIndexService,
  ) {}

  async create(
    ctx: RequestContext,
    institutionId: string,
    input: PatentContentInput,
    externalKey?: string,
  ): Promise<PatentRecord> {
    const viewer = requireRoleIn(ctx, institutionId, 'TTO_MANAGER');
    const institution = await this.organizations.getOrThrow(institutionId);
    if (institution.kind !== 'UNIVERSITY' && institution.kind !== 'RESEARCH_INSTITUTE') {
      throw AppError.badInput('institutionId', 'Only universities and research institutes publish patents.');
    }
    const content = completeContent(input);
    AppError.assertNoFieldErrors(validatePatentContent(content));
    const now = ctx.clock.now();
    const created = await PatentModel.create({
      ...content,
      institutionId: institution._id,
      state: 'DRAFT',
      stateHistory: [{ from: null, to: 'DRAFT', at: now, byUserId: viewer?.userId ?? null }],
      externalKey: externalKey ?? `api:${new Types.ObjectId().toHexString()}`,
      createdAt: now,
      updatedAt: now,
    });
    return created.toObject() as PatentRecord;
  }

  /** Replaces the content of a patent; a published patent's public copy follows at once. */
  async update(ctx: RequestContext, id: string, input: PatentContentInput): Promise<PatentRecord> {
    const current = await this.getOwnedOrThrow(ctx, id);
    const content = completeContent(input);
    AppError.assertNoFieldErrors(validatePatentContent(content));
    const updated = await PatentModel.findOneAndUpdate(
      { _id: current._id },
      { $set: { ...content, updatedAt: ctx.clock.now() } },
      { returnDocument: 'after' },
    ).lean<PatentRecord>();
    if (!updated) throw AppError.notFound('The patent');
    if (updated.state === 'PUBLISHED') await this.writePublicCopy(updated, ctx.clock.now());
    return updated;
  }

  async changeState(
    ctx: RequestContext,
    id: string,
    to: PatentState,
    reason?: string,
  ): Promise<PatentRecord> {
    const current = await this.getOwnedOrThrow(ctx, id);
    const at = ctx.clock.now();
    const updated = await transition<PatentState, PatentRecord>({
      model: PatentModel,
      id: current._id,
      table: PATENT_TRANSITIONS,
      stateNames: PATENT_STATE_NAMES,
      what: 'The patent',
      to,
      at,
      byUserId: ctx.viewer?.userId ?? null,
      reason,
    });
    // The public copy follows the state; were this to fail, a retry of the same change or `syncPublicCopy` repairs
    // it, and search never shows a patent whose own state is not PUBLISHED (see PatentSearchService).
    await this.syncPublicCopy(updated, at);
    return updated;
  }

  async syncPublicCopy(patent: PatentRecord, at: Date): Promise<void> {
    if (patent.state === 'PUBLISHED') await this.writePublicCopy(patent, at);
    else await this.inCatalogue(patent, () => PublishedPatentModel.deleteOne({ _id: patent._id }));
  }

  /** A patent as its viewer may see it: published ones are public, others only for their own institution. */
  async getVisible(ctx: RequestContext, id: string): Promise<PatentRecord | null> {
    if (!Types.ObjectId.isValid(id)) return null;
    const patent = await PatentModel.findById(id).lean<PatentRecord>();
    if (!patent) return null;
    if (patent.state === 'PUBLISHED' || this.isOwnerOrAdmin(ctx, patent)) return patent;
    return null;
  }

  /** An institution's own patents in every state, for its TTO staff. */
  async listForInstitution(
    ctx: RequestContext,
    institutionId: string,
    state: PatentState | null,
  ): Promise<PatentRecord[]> {
    if (!isPlatformAdmin(ctx.viewer)) requireRoleIn(ctx, institutionId, 'TTO_MANAGER', 'ADMIN', 'FINANCE');
    const filter: Record<string, unknown> = { institutionId: new Types.ObjectId(institutionId) };
    if (state) filter.state = state;
    const patents = await PatentModel.find(filter).lean<PatentRecord[]>();
    return patents.sort(
      (a, b) =>
        b.updatedAt.getTime() - a.updatedAt.getTime() ||
        b._id.toHexString().localeCompare(a._id.toHexString()),
    );
  }

  isOwnerOrAdmin(ctx: RequestContext, patent: Pick<PatentRecord, 'institutionId'>): boolean {
    return (
      hasRole(ctx.viewer, patent.institutionId.toHexString(), 'TTO_MANAGER', 'ADMIN', 'FINANCE') ||
      isPlatformAdmin(ctx.viewer)
    );
  }

  private async getOwnedOrThrow(ctx: RequestContext, id: string): Promise<PatentRecord> {
    const patent = Types.ObjectId.isValid(id) ? await PatentModel.findById(id).lean<PatentRecord>() : null;
    // A patent of another institution answers NOT_FOUND unless it is public, so that drafts do not leak by id.
    if (!patent || (patent.state !== 'PUBLISHED' && !ctx.system && !this.isOwnerOrAdmin(ctx, patent)))
      throw AppError.notFound('The patent');
    requireRoleIn(ctx, patent.institutionId.toHexString(), 'TTO_MANAGER');
    return patent;
  }

  private async writePublicCopy(patent: PatentRecord, at: Date): Promise<void> {
    await this.inCatalogue(patent, () =>
      PublishedPatentModel.replaceOne({ _id: patent._id }, publicCopyOf(patent, at), { upsert: true }),
    );
  }

  /**
   * A write of the public copy, with a change recorded for the catalogue index; the next search (in any process)
   * applies the changes recorded before it, so the TTO sees its publication at once, and a seed or import that
   * publishes many patents pays for one index refresh, not one each. The change is recorded before the write too,
   * so that a search applying changes between the two still finds one for this write.
   */
  private async inCatalogue(patent: PatentRecord, write: () => Promise<unknown>): Promise<void> {
    await this.catalogue.recordChange(patent._id);
    await write();
    await this.catalogue.recordChange(patent._id);
  }
}

export function publicCopyOf(patent: PatentRecord, at: Date): PublishedPatentRecord {
  const content = completeContent(patent);
  return {
    ...content,
    _id: patent._id,
    institutionId: patent.institutionId,
    publishedAt: patent.stateHistory.findLast((c) => c.to === 'PUBLISHED')?.at ?? at,
    updatedAt: at,
    terms: documentTerms(
      content.titleEn,
      content.titleZh,
      content.abstractEn,
      content.abstractZh,
      content.keywords.join(' '),
      content.technicalFields.join(' ').replace(/_/g, ' '),
      content.applications.join(' '),
      content.advantages.join(' '),
      content.ipcClasses.join(' '),
    ),
    boostTerms: documentTerms(content.titleEn, content.titleZh, content.keywords.join(' ')),
  };
}

function trimmed(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

export function completeContent(input: PatentContentInput | PatentContent): PatentContent {
  return {
    titleEn: trimmed(input.titleEn),
    titleZh: trimmed(input.titleZh),
    abstractEn: trimmed(input.abstractEn),
    abstractZh: trimmed(input.abstractZh),
    claimsSummary: trimmed(input.claimsSummary),
    applicationNumber: input.applicationNumber?.trim() ?? '',
    publicationNumber: trimmed(input.publicationNumber),
    grantNumber: trimmed(input.grantNumber),
    jurisdiction: input.jurisdiction,
    legalStatus: input.legalStatus,
    priorityDate: input.priorityDate ?? null,
    filingDate: input.filingDate,
    grantDate: input.grantDate ?? null,
    expiryDate: input.expiryDate ?? null,
    ipcClasses: (input.ipcClasses ?? []).map((s) => s.trim()),
    inventors: (input.inventors ?? []).map((s) => s.trim()),
    trl: input.trl,
    technicalFields: [...new Set(input.technicalFields ?? [])],
    keywords: (input.keywords ?? []).map((s) => s.trim()),
    advantages: (input.advantages ?? []).map((s) => s.trim()),
    applications: (input.applications ?? []).map((s) => s.trim()),
    documentLinks: (input.documentLinks ?? []).map((l) => ({
      label: l.label?.trim() ?? '',
      url: l.url?.trim() ?? '',
    })),
  };
}

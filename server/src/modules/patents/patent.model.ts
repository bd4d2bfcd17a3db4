import { Schema, model, type Types } from 'mongoose';
import type { StateChange } from '../../common/state-machine';
import {
  JURISDICTIONS,
  LEGAL_STATUSES,
  PATENT_STATES,
  TECHNICAL_FIELDS,
  type PatentContent,
  type PatentState,
} from './patent.fields';

export type PatentRecord = PatentContent & {
  _id: Types.ObjectId;
  institutionId: Types.ObjectId;
  state: PatentState;
  stateHistory: StateChange<PatentState>[];
  /** A stable key from an import or the demo seed, so that loading the same data twice changes nothing. */
  externalKey: string;
  createdAt: Date;
  updatedAt: Date;
};

const patentContentDefinition = {
  titleEn: { type: String, default: null },
  titleZh: { type: String, default: null },
  abstractEn: { type: String, default: null },
  abstractZh: { type: String, default: null },
  claimsSummary: { type: String, default: null },
  applicationNumber: { type: String, required: true },
  publicationNumber: { type: String, default: null },
  grantNumber: { type: String, default: null },
  jurisdiction: { type: String, enum: JURISDICTIONS, required: true },
  legalStatus: { type: String, enum: LEGAL_STATUSES, required: true },
  priorityDate: { type: String, default: null },
  filingDate: { type: String, required: true },
  grantDate: { type: String, default: null },
  expiryDate: { type: String, default: null },
  ipcClasses: { type: [String], default: [] },
  inventors: { type: [String], default: [] },
  trl: { type: Number, required: true },
  technicalFields: { type: [String], enum: TECHNICAL_FIELDS, default: [] },
  keywords: { type: [String], default: [] },
  advantages: { type: [String], default: [] },
  applications: { type: [String], default: [] },
  documentLinks: { type: [new Schema({ label: String, url: String }, { _id: false })], default: [] },
};

const stateChangeSchema = new Schema(
  {
    from: { type: String, default: null },
    to: String,
    at: Date,
    byUserId: { type: String, default: null },
    reason: String,
  },
  { _id: false },
);

const patentSchema = new Schema(
  {
    ...patentContentDefinition,
    institutionId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, enum: PATENT_STATES, required: true },
    stateHistory: { type: [stateChangeSchema], default: [] },
    externalKey: { type: String, required: true, unique: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'patents', versionKey: false },
);
patentSchema.index({ institutionId: 1 });

export const PatentModel = model<PatentRecord>('Patent', patentSchema);

/**
 * The public read model of the catalogue: one document per published patent holding what visitors see and the
 * search terms. It is rewritten whenever its patent is published or edited, and removed when it stops being
 * public; the catalogue index (catalogue-index.ts) is built from these documents, and search shows them by id.
 */
export type PublishedPatentRecord = PatentContent & {
  _id: Types.ObjectId;
  institutionId: Types.ObjectId;
  publishedAt: Date;
  updatedAt: Date;
  terms: string[];
  boostTerms: string[];
};

const publishedPatentSchema = new Schema(
  {
    ...patentContentDefinition,
    institutionId: { type: Schema.Types.ObjectId, required: true },
    publishedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    terms: { type: [String], default: [] },
    boostTerms: { type: [String], default: [] },
  },
  { collection: 'published_patents', versionKey: false },
);
publishedPatentSchema.index({ institutionId: 1 });

export const PublishedPatentModel = model<PublishedPatentRecord>('PublishedPatent', publishedPatentSchema);

/**
 * How many patents are published, cheaply. FerretDB answers `estimatedDocumentCount` by reading every document
 * (95 s for 100,000 published patents) and `collStats` from PostgreSQL (3 s); MongoDB answers both from metadata.
 */
export async function publishedPatentCount(): Promise<number> {
  try {
    const stats: { count?: unknown } = await PublishedPatentModel.db.db!.command({
      collStats: PublishedPatentModel.collection.collectionName,
    });
    if (typeof stats.count === 'number') return stats.count;
  } catch {
    // No collection yet, or a server without collStats: count the slow way.
  }
  return PublishedPatentModel.estimatedDocumentCount();
}

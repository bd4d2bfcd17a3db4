import { Schema, model, type Types } from 'mongoose';

export type ReportLine = {
  product: string;
  territory: string;
  grossSalesMinor: number;
  deductionsMinor: number;
  netSalesMinor: number;
};

/**
 * One revision of the sales report for one reporting period. Nothing is overwritten: an amendment is a new revision
 * that supersedes the last, and the difference in royalty becomes an obligation of its own (or a credit).
 */
export type RoyaltyReportRecord = {
  _id: Types.ObjectId;
  /** `<contract>:<period start>:r<revision>`, unique: a revision is recorded once. */
  reportKey: string;
  contractId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  periodStart: string;
  periodEnd: string;
  revision: number;
  lines: ReportLine[];
  netSalesMinor: number;
  /** The royalty this period owes as of this revision, after tiers and caps. */
  royaltyMinor: number;
  /**
   * Set on a revision the platform made, not the licensee: an earlier period's report (`<period start>:r<revision>`)
   * moved this period's tier basis or cap room, so its royalty was charged again on the same lines.
   */
  recomputedAfter?: string | null;
  submittedByUserId: string;
  submittedAt: Date;
};

const royaltyReportSchema = new Schema(
  {
    reportKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    revision: { type: Number, required: true },
    lines: { type: [Schema.Types.Mixed], default: [] },
    netSalesMinor: { type: Number, required: true },
    royaltyMinor: { type: Number, required: true },
    recomputedAfter: { type: String, default: null },
    submittedByUserId: { type: String, required: true },
    submittedAt: { type: Date, required: true },
  },
  { collection: 'royalty_reports', versionKey: false, minimize: false },
);
royaltyReportSchema.index({ contractId: 1 });

export const RoyaltyReportModel = model<RoyaltyReportRecord>('RoyaltyReport', royaltyReportSchema);

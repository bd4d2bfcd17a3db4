import { Schema, model, type Types } from 'mongoose';
import type { SublicenseIncomeLine } from '../contracts/engine/sublicense-share';

export type { SublicenseIncomeLine };

/**
 * One revision of what the licensee earned from its sublicensees in one reporting period. Like a sales report,
 * nothing is overwritten: an amendment is a new revision, and the difference in the licensor's share becomes an
 * obligation of its own (or a credit).
 */
export type SublicenseIncomeReportRecord = {
  _id: Types.ObjectId;
  /** `<contract>:<period start>:r<revision>`, unique: a revision is recorded once. */
  reportKey: string;
  contractId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  periodStart: string;
  periodEnd: string;
  revision: number;
  lines: SublicenseIncomeLine[];
  incomeMinor: number;
  /** The contract's share at the time, so that the report explains its own amount. */
  shareBps: number;
  /** The licensor's share of `incomeMinor` as of this revision (see sublicense-share.ts for the rounding). */
  shareMinor: number;
  submittedByUserId: string;
  submittedAt: Date;
};

const sublicenseIncomeReportSchema = new Schema(
  {
    reportKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    revision: { type: Number, required: true },
    lines: { type: [Schema.Types.Mixed], default: [] },
    incomeMinor: { type: Number, required: true },
    shareBps: { type: Number, required: true },
    shareMinor: { type: Number, required: true },
    submittedByUserId: { type: String, required: true },
    submittedAt: { type: Date, required: true },
  },
  { collection: 'sublicense_income_reports', versionKey: false, minimize: false },
);
sublicenseIncomeReportSchema.index({ contractId: 1 });

export const SublicenseIncomeReportModel = model<SublicenseIncomeReportRecord>(
  'SublicenseIncomeReport',
  sublicenseIncomeReportSchema,
);

import { Schema, model, type Types } from 'mongoose';

/** A reporting period's sales report, expected by a date: open, submitted, or overdue (the TTO sees those). */
export type ReportDeadlineRecord = {
  _id: Types.ObjectId;
  deadlineKey: string;
  contractId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  periodStart: string;
  periodEnd: string;
  dueOn: string;
  /** Buckets for the engine: the month the report becomes due (the day after the period) and late (after dueOn). */
  openMonth: string;
  lateMonth: string;
  status: 'OPEN' | 'SUBMITTED' | 'OVERDUE';
};

const reportDeadlineSchema = new Schema(
  {
    deadlineKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    periodStart: { type: String, required: true },
    periodEnd: { type: String, required: true },
    dueOn: { type: String, required: true },
    openMonth: { type: String, required: true },
    lateMonth: { type: String, required: true },
    status: { type: String, required: true },
  },
  { collection: 'report_deadlines', versionKey: false },
);
reportDeadlineSchema.index({ contractId: 1 });

export const ReportDeadlineModel = model<ReportDeadlineRecord>('ReportDeadline', reportDeadlineSchema);

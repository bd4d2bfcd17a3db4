import { Schema, model, type Types } from 'mongoose';

/**
 * At each contract year's end the royalties earned that year are topped up to the minimum annual royalty. One
 * check per contract year, written at signing, found by the engine in its month bucket, done once.
 */
export type MinimumRoyaltyCheckRecord = {
  _id: Types.ObjectId;
  checkKey: string;
  contractId: Types.ObjectId;
  contractYear: number;
  yearStart: string;
  yearEnd: string;
  /** The true-up falls due with the year's last report. */
  dueOn: string;
  dueMonth: string;
  status: 'OPEN' | 'DONE';
};

const schema = new Schema(
  {
    checkKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    contractYear: { type: Number, required: true },
    yearStart: { type: String, required: true },
    yearEnd: { type: String, required: true },
    dueOn: { type: String, required: true },
    dueMonth: { type: String, required: true },
    status: { type: String, required: true },
  },
  { collection: 'minimum_royalty_checks', versionKey: false },
);

export const MinimumRoyaltyCheckModel = model<MinimumRoyaltyCheckRecord>('MinimumRoyaltyCheck', schema);

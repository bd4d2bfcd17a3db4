import { Schema, model, type Types } from 'mongoose';
import type { StateChange } from '../../common/state-machine';

export const MILESTONE_EVENT_STATES = ['DECLARED', 'CONFIRMED'] as const;
export type MilestoneEventState = (typeof MILESTONE_EVENT_STATES)[number];

/** That a milestone's event happened: declared by the SME (or recorded by the TTO) and confirmed by the TTO. */
export type MilestoneEventRecord = {
  _id: Types.ObjectId;
  /** `<contract>:<milestone key>`, unique: each milestone's event is recorded once. */
  eventKey: string;
  contractId: Types.ObjectId;
  milestoneKey: string;
  eventDate: string;
  evidence: string;
  state: MilestoneEventState;
  stateHistory: StateChange<MilestoneEventState>[];
  createdAt: Date;
  updatedAt: Date;
};

const milestoneEventSchema = new Schema(
  {
    eventKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    milestoneKey: { type: String, required: true },
    eventDate: { type: String, required: true },
    evidence: { type: String, required: true },
    state: { type: String, enum: MILESTONE_EVENT_STATES, required: true },
    stateHistory: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'milestone_events', versionKey: false },
);
milestoneEventSchema.index({ contractId: 1 });

export const MilestoneEventModel = model<MilestoneEventRecord>('MilestoneEvent', milestoneEventSchema);

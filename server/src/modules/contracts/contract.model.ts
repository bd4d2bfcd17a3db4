import { Schema, model, type Types } from 'mongoose';
import type { StateChange } from '../../common/state-machine';
import type { ObligationKind } from './engine/obligation-schedule';
import type { OfferTerms } from '../offers/offer.model';

export const CONTRACT_STATES = [
  'FREE_PERIOD',
  'ACTIVE',
  'COMPLETED',
  'EXITED',
  'TERMINATED',
  'DEFAULTED',
] as const;
export type ContractState = (typeof CONTRACT_STATES)[number];

/** Who accepted the terms for the licensee, when and from where: the record of consent to an express licence. */
export type TermsConfirmation = { byUserId: string; at: Date; ipAddress: string };

export type ContractRecord = {
  _id: Types.ObjectId;
  /** Human-readable, unique: UF-2026-000123. */
  number: string;
  /** The request the contract came from; unique, so that a contract is created once per accepted request. */
  requestKey: string;
  offerId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  /** An immutable copy of the agreed terms: later changes to the offer never reach a signed contract. */
  terms: OfferTerms;
  effectiveDate: string;
  /** The first day that is no longer free (the engine moves the contract to ACTIVE on it). */
  freePeriodEndsOn: string;
  /** `YYYY-MM` of freePeriodEndsOn: the engine finds the month's work with one equality filter. */
  freePeriodEndsMonth: string;
  /** The day after the term's last day, and its month bucket: the engine completes the contract on it. */
  completesOn: string;
  completesMonth: string;
  confirmation: TermsConfirmation;
  state: ContractState;
  stateHistory: StateChange<ContractState>[];
  createdAt: Date;
  updatedAt: Date;
};

const contractSchema = new Schema(
  {
    number: { type: String, required: true, unique: true },
    requestKey: { type: String, required: true, unique: true },
    offerId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    terms: { type: Schema.Types.Mixed, required: true },
    effectiveDate: { type: String, required: true },
    freePeriodEndsOn: { type: String, required: true },
    freePeriodEndsMonth: { type: String, required: true },
    completesOn: { type: String, required: true },
    completesMonth: { type: String, required: true },
    confirmation: { type: Schema.Types.Mixed, required: true },
    state: { type: String, enum: CONTRACT_STATES, required: true },
    stateHistory: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contracts', versionKey: false, minimize: false },
);
contractSchema.index({ licensorId: 1 });
contractSchema.index({ licenseeId: 1 });
contractSchema.index({ offerId: 1 });

export const ContractModel = model<ContractRecord>('Contract', contractSchema);

export const OBLIGATION_STATUSES = ['SCHEDULED', 'DUE', 'PAID', 'OVERDUE', 'WAIVED', 'CANCELLED'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export type ObligationRecord = {
  _id: Types.ObjectId;
  /** `<contract id>:<engine key>`, unique: the engine may derive an obligation any number of times, it exists once. */
  obligationKey: string;
  contractId: Types.ObjectId;
  licensorId: Types.ObjectId;
  licenseeId: Types.ObjectId;
  key: string;
  kind: ObligationKind;
  amountMinor: number;
  currency: string;
  dueDate: string;
  status: ObligationStatus;
  /** The engine's month buckets (`YYYY-MM`): when it falls due, becomes overdue, and defaults the contract. */
  dueMonth: string;
  /** Fourteen days before the due date: when the licensee is reminded. */
  remindOn: string;
  remindMonth: string;
  overdueOn: string;
  overdueMonth: string;
  defaultsOn: string;
  defaultsMonth: string;
  lateInterestBps: number;
  /** For a LATE_INTEREST obligation: the obligation it charges interest on, and the day accrued to. */
  interestOn: string | null;
  accruedTo: string | null;
  createdAt: Date;
  updatedAt: Date;
};

const obligationSchema = new Schema(
  {
    obligationKey: { type: String, required: true, unique: true },
    contractId: { type: Schema.Types.ObjectId, required: true },
    licensorId: { type: Schema.Types.ObjectId, required: true },
    licenseeId: { type: Schema.Types.ObjectId, required: true },
    key: { type: String, required: true },
    kind: { type: String, required: true },
    amountMinor: { type: Number, required: true },
    currency: { type: String, required: true },
    dueDate: { type: String, required: true },
    status: { type: String, enum: OBLIGATION_STATUSES, required: true },
    dueMonth: { type: String, required: true },
    remindOn: { type: String, required: true },
    remindMonth: { type: String, required: true },
    overdueOn: { type: String, required: true },
    overdueMonth: { type: String, required: true },
    defaultsOn: { type: String, required: true },
    defaultsMonth: { type: String, required: true },
    lateInterestBps: { type: Number, required: true },
    interestOn: { type: String, default: null },
    accruedTo: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'obligations', versionKey: false },
);
obligationSchema.index({ contractId: 1 });

export const ObligationModel = model<ObligationRecord>('Obligation', obligationSchema);

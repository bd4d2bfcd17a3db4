import { Schema, model, type InferSchemaType } from 'mongoose';
import { ORGANIZATION_KINDS } from '../../common/request-context';

export const SME_SIZE_CLASSES = ['MICRO', 'SMALL', 'MEDIUM'] as const;
export type SmeSizeClass = (typeof SME_SIZE_CLASSES)[number];

const smeProfileSchema = new Schema(
  {
    sizeClass: { type: String, enum: SME_SIZE_CLASSES, required: true },
    headcount: { type: Number, required: true },
    annualRevenueMinor: { type: Number, required: true },
    revenueCurrency: { type: String, required: true },
    foundedOn: { type: String, required: true },
    registrationNumber: { type: String, required: true },
    industry: { type: String, required: true },
    specialisedAndSophisticated: { type: Boolean, required: true, default: false },
    littleGiant: { type: Boolean, required: true, default: false },
  },
  { _id: false },
);

const ttoProfileSchema = new Schema(
  {
    contactName: { type: String, required: true },
    contactEmail: { type: String, required: true },
    contactPhone: { type: String, default: null },
    office: { type: String, default: null },
  },
  { _id: false },
);

const organizationSchema = new Schema(
  {
    kind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    name: { type: String, required: true },
    nameZh: { type: String, default: null },
    country: { type: String, required: true },
    region: { type: String, default: null },
    website: { type: String, default: null },
    smeProfile: { type: smeProfileSchema, default: null },
    ttoProfile: { type: ttoProfileSchema, default: null },
    /** A stable key from the demo seed or an import (`api:<id>` otherwise), so that loading twice changes nothing. */
    externalKey: { type: String, required: true, unique: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'organizations', versionKey: false },
);
organizationSchema.index({ kind: 1 });

export type OrganizationRecord = InferSchemaType<typeof organizationSchema> & {
  _id: import('mongoose').Types.ObjectId;
};
export const OrganizationModel = model('Organization', organizationSchema);

import { Schema, model, type InferSchemaType, type Types } from 'mongoose';
import { ORGANIZATION_KINDS, ROLES } from '../../common/request-context';

// Memberships live inside the user document: who a user is and what they may do is one read, and "the members of
// an organisation" is an equality filter on `memberships.organizationId`.
const membershipSchema = new Schema(
  {
    organizationId: { type: Schema.Types.ObjectId, required: true },
    organizationKind: { type: String, enum: ORGANIZATION_KINDS, required: true },
    roles: { type: [String], enum: ROLES, required: true },
    joinedAt: { type: Date, required: true },
  },
  { _id: false },
);

const userSchema = new Schema(
  {
    email: { type: String, required: true, unique: true },
    passwordHash: { type: String, required: true },
    displayName: { type: String, required: true },
    memberships: { type: [membershipSchema], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false },
);
userSchema.index({ 'memberships.organizationId': 1 });

export type UserRecord = InferSchemaType<typeof userSchema> & { _id: Types.ObjectId };
export const UserModel = model('User', userSchema);

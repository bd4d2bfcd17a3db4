import { Schema, model, type InferSchemaType, type Types } from 'mongoose';

// A refresh token is stored only as its SHA-256 hash. Each refresh rotates it: the old one is revoked in the same
// conditional update that checks it, and presenting a revoked one revokes the whole family (a stolen token replayed).
const refreshTokenSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    familyId: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    issuedAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
refreshTokenSchema.index({ familyId: 1 });

export type RefreshTokenRecord = InferSchemaType<typeof refreshTokenSchema> & { _id: Types.ObjectId };
export const RefreshTokenModel = model('RefreshToken', refreshTokenSchema);

const invitationSchema = new Schema(
  {
    tokenHash: { type: String, required: true, unique: true },
    organizationId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, required: true },
    roles: { type: [String], required: true },
    invitedByUserId: { type: Schema.Types.ObjectId, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    acceptedByUserId: { type: Schema.Types.ObjectId, default: null },
  },
  { collection: 'invitations', versionKey: false },
);
invitationSchema.index({ organizationId: 1 });

export type InvitationRecord = InferSchemaType<typeof invitationSchema> & { _id: Types.ObjectId };
export const InvitationModel = model('Invitation', invitationSchema);

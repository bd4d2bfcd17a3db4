import { Schema, model } from 'mongoose';
import { isDuplicateKeyError } from './errors';

/**
 * Exactly-once decisions, made by inserting a document under a unique key.
 *
 * Why not a conditional update? FerretDB v1 runs `findAndModify` and `update` as a read followed by a write of the
 * whole document, so two writers with the same filter can both "win" (seen in our tests: two SMEs both got one
 * exclusive licence). A unique index, by contrast, is enforced by PostgreSQL (and by MongoDB) under any
 * concurrency: of two inserts of one key exactly one succeeds. So every decision that must happen once (who gets
 * an exclusive licence, which writer moves a lifecycle from a given version, which refresh or invitation is used)
 * is a claim, and the claim document records what was decided so that anyone can finish the work after a crash.
 */
type ClaimDocument = { _id: string; holder: string; at: Date; decision: Record<string, unknown> | null };

const claimSchema = new Schema<ClaimDocument>(
  {
    _id: { type: String, required: true },
    holder: { type: String, required: true },
    at: { type: Date, required: true },
    decision: { type: Schema.Types.Mixed, default: null },
  },
  { collection: 'claims', versionKey: false, minimize: false },
);
const ClaimModel = model<ClaimDocument>('Claim', claimSchema);

export type Claim = { won: boolean; holder: string; decision: Record<string, unknown> | null };

/** Claims `key` for `holder`; tells who holds it when someone else got there first. */
export async function claimOnce(
  key: string,
  holder: string,
  at: Date,
  decision: Record<string, unknown> | null = null,
): Promise<Claim> {
  try {
    await ClaimModel.create({ _id: key, holder, at, decision });
    return { won: true, holder, decision };
  } catch (error) {
    if (!isDuplicateKeyError(error)) throw error;
    const existing = await ClaimModel.findById(key).lean<ClaimDocument>();
    if (!existing) throw error;
    return { won: existing.holder === holder, holder: existing.holder, decision: existing.decision };
  }
}

/** Who holds `key`, and what they decided; null when nobody has claimed it. */
export async function readClaim(key: string): Promise<Claim | null> {
  const existing = await ClaimModel.findById(key).lean<ClaimDocument>();
  return existing ? { won: false, holder: existing.holder, decision: existing.decision } : null;
}

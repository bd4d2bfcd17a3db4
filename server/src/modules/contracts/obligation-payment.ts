import type { Types } from 'mongoose';
import { claimOnce, readClaim } from '../../common/claims';
import { ObligationModel } from './contract.model';

/**
 * An obligation is paid once, by one PaymentIntent. The decision is a claim (FerretDB's updates are not atomic,
 * see claims.ts) and the status follows it. Any other writer of an obligation's status (the contract engine moving
 * it to OVERDUE) calls `restorePaidIfClaimed` after its write, so that a payment landing between its read and its
 * write is never lost: whichever write comes last, the paid state wins.
 */
const paidKey = (obligationId: Types.ObjectId | string): string => `obligation-paid:${String(obligationId)}`;

export type PaidBy = { attemptId: string; paymentIntentId: string; paidOn: string };

/** Marks the obligation paid; tells whether this payment is the one that paid it (false: another one did first). */
export async function markObligationPaid(
  obligationId: Types.ObjectId,
  paidBy: PaidBy,
  at: Date,
): Promise<{ paidBy: PaidBy; first: boolean }> {
  const claim = await claimOnce(paidKey(obligationId), paidBy.attemptId, at, paidBy);
  await ObligationModel.updateOne({ _id: obligationId }, { $set: { status: 'PAID', updatedAt: at } });
  return { paidBy: claim.decision as PaidBy, first: claim.holder === paidBy.attemptId };
}

export async function restorePaidIfClaimed(obligationId: Types.ObjectId, at: Date): Promise<boolean> {
  if (!(await readClaim(paidKey(obligationId)))) return false;
  await ObligationModel.updateOne({ _id: obligationId }, { $set: { status: 'PAID', updatedAt: at } });
  return true;
}

export async function paymentOf(obligationId: Types.ObjectId | string): Promise<PaidBy | null> {
  return ((await readClaim(paidKey(obligationId)))?.decision as PaidBy | undefined) ?? null;
}

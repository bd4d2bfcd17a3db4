import type { Model } from 'mongoose';
import { AppError } from './errors';

/** A lifecycle: its states and, for each, the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

export type StateChange<S extends string> = {
  from: S | null;
  to: S;
  at: Date;
  byUserId: string | null;
  reason?: string;
};

export function canTransition<S extends string>(table: TransitionTable<S>, from: S, to: S): boolean {
  return table[from].includes(to);
}

/**
 * The only way a lifecycle state changes: checks the table, then writes with a conditional update on the state it
 * read, so that of two concurrent writers exactly one wins and the other gets a CONFLICT. The change is appended to
 * the document's `stateHistory` in the same single-document write.
 */
export async function transition<S extends string, T extends { state: S }>(args: {
  model: Model<T>;
  id: unknown;
  table: TransitionTable<S>;
  what: string;
  to: S;
  at: Date;
  byUserId: string | null;
  reason?: string;
  set?: Record<string, unknown>;
}): Promise<T> {
  const current = await args.model.findById(args.id).lean<T>();
  if (!current) throw AppError.notFound(args.what);
  const from = current.state;
  if (!canTransition(args.table, from, args.to)) {
    throw new AppError(
      'INVALID_STATE_TRANSITION',
      `${args.what} is ${from.toLowerCase().replace(/_/g, ' ')} and cannot become ${args.to.toLowerCase().replace(/_/g, ' ')}.`,
    );
  }
  const change: StateChange<S> = {
    from,
    to: args.to,
    at: args.at,
    byUserId: args.byUserId,
    reason: args.reason,
  };
  const updated = await args.model
    .findOneAndUpdate(
      { _id: args.id, state: from } as never,
      {
        $set: { ...(args.set ?? {}), state: args.to, updatedAt: args.at },
        $push: { stateHistory: change },
      } as never,
      { returnDocument: 'after' },
    )
    .lean<T>();
  if (!updated)
    throw new AppError(
      'CONFLICT',
      `${args.what} was changed by someone else at the same time; reload and try again.`,
    );
  return updated;
}

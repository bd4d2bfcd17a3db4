import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import { claimOnce } from './claims';
import { AppError, type MessageId } from './errors';

/** A lifecycle: its states and, for each, the states it may move to. */
export type TransitionTable<S extends string> = Readonly<Record<S, readonly S[]>>;

/** What a person calls each state, in the middle of a sentence: `'free period'`. */
export type StateNames<S extends string> = Readonly<Record<S, MessageId>>;

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
 * The only way a lifecycle state changes: checks the table, then claims the move from the version it read (the
 * length of the history) under a unique key, so that of two concurrent writers exactly one wins and the other gets
 * a CONFLICT, on FerretDB as on MongoDB (see claims.ts). The winner then writes the new state and history as
 * absolute values, so that writing them twice, or finishing a claimed move after a crash, gives the same document.
 */
export async function transition<
  S extends string,
  T extends { state: S; stateHistory: StateChange<S>[] },
>(args: {
  model: Model<T>;
  id: unknown;
  table: TransitionTable<S>;
  stateNames: StateNames<S>;
  /** The thing that moves, as the start of a sentence: `'The offer'`. */
  what: MessageId;
  to: S;
  at: Date;
  byUserId: string | null;
  reason?: string;
  set?: Record<string, unknown>;
}): Promise<T> {
  const current = await args.model.findById(args.id).lean<T>();
  if (!current) throw AppError.notFound(args.what);
  const from: S = current.state;
  if (!canTransition(args.table, from, args.to)) {
    throw new AppError('INVALID_STATE_TRANSITION', '{{what}} is {{from}} and cannot become {{to}}.', {
      params: {
        what: { message: args.what },
        from: { message: args.stateNames[from] },
        to: { message: args.stateNames[args.to] },
      },
    });
  }
  const version = current.stateHistory.length;
  const change: StateChange<S> = {
    from,
    to: args.to,
    at: args.at,
    byUserId: args.byUserId,
    ...(args.reason ? { reason: args.reason } : {}),
  };
  const decision = {
    ...(args.set ?? {}),
    state: args.to,
    stateHistory: [...current.stateHistory, change],
    updatedAt: args.at,
  };
  const claim = await claimOnce(
    `${args.model.collection.name}:${String(args.id)}:v${version}`,
    randomUUID(),
    args.at,
    decision,
  );
  if (!claim.won) {
    // Someone else moved it from this version. Finish their move if it was interrupted, then tell the caller.
    const now = await args.model.findById(args.id).lean<T>();
    if (claim.decision && now?.stateHistory.length === version)
      await args.model.updateOne({ _id: args.id } as never, { $set: claim.decision } as never);
    throw new AppError(
      'CONFLICT',
      '{{what}} was changed by someone else at the same time; reload and try again.',
      { params: { what: { message: args.what } } },
    );
  }
  await args.model.updateOne({ _id: args.id } as never, { $set: decision } as never);
  const updated = await args.model.findById(args.id).lean<T>();
  if (!updated) throw AppError.notFound(args.what);
  return updated;
}

import { GraphQLSafeInt } from 'graphql-scalars';
import { Arg, Authorized, Ctx, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Access } from '../../graphql/auth-checker';
import type { GraphQLContext } from '../../graphql/context';
import type { ReconciliationExceptionRecord } from './reconciliation.model';

@ObjectType({ description: 'A note on a reconciliation exception: who, when, what.' })
export class ExceptionNote {
  @Field(() => String, { description: 'The user who wrote it (or "system").' })
  byUserId!: string;
  @Field(() => Date, { description: 'When.' })
  at!: Date;
  @Field(() => String, { description: 'What they wrote.' })
  text!: string;
}

@ObjectType({ description: 'Something that did not reconcile between Stripe and the ledger.' })
export class ReconciliationException {
  @Field(() => ID, { description: 'The exception id: the reason and the Stripe or ledger id.' })
  id!: string;
  @Field(() => String, {
    description: 'MISSING_IN_LEDGER, AMOUNT_MISMATCH, CURRENCY_MISMATCH or MISSING_IN_STRIPE.',
  })
  reason!: string;
  @Field(() => String, { nullable: true, description: 'The Stripe object concerned.' })
  stripeId!: string | null;
  @Field(() => [ID], { description: 'The ledger entries concerned.' })
  entryIds!: string[];
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'What Stripe shows, in minor units.' })
  expectedMinor!: number | null;
  @Field(() => GraphQLSafeInt, { nullable: true, description: 'What the ledger shows, in minor units.' })
  actualMinor!: number | null;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => String, { description: 'What is wrong, in words.' })
  description!: string;
  @Field(() => String, { description: 'Who is to look at it: a user id, or platform-finance.' })
  owner!: string;
  @Field(() => String, { description: 'OPEN or RESOLVED.' })
  status!: string;
  @Field(() => Date, { description: 'When it was found.' })
  openedAt!: Date;
  @Field(() => Int, { description: 'Whole days since it was found.' })
  ageDays!: number;
  @Field(() => Date, { nullable: true, description: 'When it was resolved.' })
  resolvedAt!: Date | null;
  @Field(() => [ExceptionNote], { description: 'The audit trail.' })
  notes!: ExceptionNote[];
}

@ObjectType({ description: 'What one reconciliation run did.' })
export class ReconciliationRunResult {
  @Field(() => Int, { description: 'Balance transactions imported this time.' })
  imported!: number;
  @Field(() => Int, { description: 'Payouts imported this time.' })
  payoutsImported!: number;
  @Field(() => Int, { description: 'Balance transactions matched, in all.' })
  matched!: number;
  @Field(() => Int, { description: 'Balance transactions waiting (e.g. a payout still in transit).' })
  pending!: number;
  @Field(() => Int, { description: 'Exceptions opened by this run.' })
  exceptionsOpened!: number;
  @Field(() => Int, { description: 'Exceptions this run found matched after all.' })
  exceptionsClosed!: number;
}

@ObjectType({ description: 'A payout to the platform’s bank and how far its transactions are reconciled.' })
export class PayoutReconciliationState {
  @Field(() => ID, { description: 'Stripe’s payout id.' })
  payoutId!: string;
  @Field(() => GraphQLSafeInt, { description: 'The amount, in minor units.' })
  amountMinor!: number;
  @Field(() => String, { description: 'ISO 4217 currency.' })
  currency!: string;
  @Field(() => String, { description: 'Stripe’s payout status (pending, in_transit, paid, failed…).' })
  payoutStatus!: string;
  @Field(() => String, { description: 'Expected arrival date, YYYY-MM-DD.' })
  arrivalDate!: string;
  @Field(() => Int, { description: 'Balance transactions in the payout.' })
  transactions!: number;
  @Field(() => Int, { description: 'Of which matched to the ledger.' })
  matched!: number;
  @Field(() => Int, { description: 'Of which with an exception.' })
  exceptions!: number;
  @Field(() => String, { description: 'RECONCILED, PENDING or EXCEPTIONS.' })
  state!: string;
}

const toException = (e: ReconciliationExceptionRecord, now: Date): ReconciliationException => ({
  ...e,
  id: e._id,
  ageDays: Math.max(0, Math.floor((now.getTime() - e.openedAt.getTime()) / 86_400_000)),
});

@Resolver()
export class ReconciliationResolver {
  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Mutation(() => ReconciliationRunResult, {
    description:
      'Imports Stripe’s balance transactions and payouts since the last run and matches them to the ledger.',
  })
  async reconcileWithStripe(@Ctx() ctx: GraphQLContext): Promise<ReconciliationRunResult> {
    return ctx.services.reconciliation.reconcile(ctx.request);
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => [ReconciliationException], { description: 'The reconciliation exceptions, oldest first.' })
  async reconciliationExceptions(
    @Arg('status', () => String, { nullable: true, description: 'OPEN or RESOLVED; all when omitted.' })
    status: string | null,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReconciliationException[]> {
    const now = ctx.request.clock.now();
    return (await ctx.services.reconciliation.exceptions(ctx.request, status)).map((e) =>
      toException(e, now),
    );
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Mutation(() => ReconciliationException, { description: 'Takes an exception: you become its owner.' })
  async takeReconciliationException(
    @Arg('id', () => ID, { description: 'The exception.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReconciliationException> {
    return toException(await ctx.services.reconciliation.take(ctx.request, id), ctx.request.clock.now());
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Mutation(() => ReconciliationException, {
    description: 'Resolves an exception with a note saying why; the ledger is not changed.',
  })
  async resolveReconciliationException(
    @Arg('id', () => ID, { description: 'The exception.' }) id: string,
    @Arg('note', () => String, { description: 'How it was resolved.' }) note: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ReconciliationException> {
    return toException(
      await ctx.services.reconciliation.resolve(ctx.request, id, note),
      ctx.request.clock.now(),
    );
  }

  @Authorized('FINANCE', Access.PLATFORM_ADMIN)
  @Query(() => [PayoutReconciliationState], { description: 'Each payout and how far it is reconciled.' })
  async payoutReconciliation(@Ctx() ctx: GraphQLContext): Promise<PayoutReconciliationState[]> {
    return (await ctx.services.reconciliation.payouts(ctx.request)).map((p) => ({
      payoutId: p.payout._id,
      amountMinor: p.payout.amountMinor,
      currency: p.payout.currency,
      payoutStatus: p.payout.status,
      arrivalDate: p.payout.arrivalDate,
      transactions: p.transactions,
      matched: p.matched,
      exceptions: p.exceptions,
      state: p.state,
    }));
  }
}

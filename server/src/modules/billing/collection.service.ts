import { randomUUID } from 'node:crypto';
import { forEachConcurrently } from '../../common/concurrency';
import { Types } from 'mongoose';
import Stripe from 'stripe';
import { isCalendarDate, toCalendarDate, type CalendarDate } from '../../common/calendar-date';
import { claimOnce, readClaim } from '../../common/claims';
import { AppError, isDuplicateKeyError, type MessageId, type MessageParams } from '../../common/errors';
import { logger } from '../../common/logger';
import type { CurrencyCode } from '../../common/money';
import { hasRole, isPlatformAdmin, requireViewer, type RequestContext } from '../../common/request-context';
import type { Config } from '../../config/config';
import { ObligationModel, type ObligationRecord } from '../contracts/contract.model';
import { markObligationPaid } from '../contracts/obligation-payment';
import { obligationName } from '../contracts/obligation-name';
import { notifyOnce } from '../notifications/notification.model';
import { nextAttempt, type NextAttempt } from './collection-rules';
import {
  FINAL_ATTEMPT_STATUSES,
  PaymentAttemptModel,
  type AttemptStatus,
  type PaymentAttemptRecord,
} from './payment-attempt.model';
import { obligationDue, paymentSucceeded, type ObligationFacts, type Posting } from './settlement-postings';
import { attemptIdempotencyKey, classifyDecline, nextRetryDate, splitPayment } from './settlement-rules';
import { fromStripeAmount, toStripeAmount, toStripeCurrency } from './stripe-amount';
import type { StripeAccountsService } from './stripe-accounts.service';
import type { BillingAccountRecord } from './billing-account.model';
import { StripeGateway } from './stripe-gateway';
import { JournalEntryModel } from '../ledger/journal-entry.model';

/** What billing needs of the ledger: post an entry once, and how much of an obligation was recognised so far. */
export type LedgerPort = {
  post(posting: Posting): Promise<unknown>;
  recognisedDueMinor(contractId: string, obligationId: string): Promise<number>;
  hasEntry(idempotencyKey: string): Promise<boolean>;
};

export type AttemptOutcome = {
  status: AttemptStatus;
  paymentIntentId: string | null;
  declineKind: 'SOFT' | 'HARD' | null;
  declineCode: string | null;
  failureMessage: string | null;
};

export type BillingRunSummary = {
  asOf: string;
  recovered: number;
  receivablesRecognised: number;
  considered: number;
  attempted: number;
  succeeded: number;
  processing: number;
  requiresAction: number;
  declined: number;
  unknown: number;
  rejected: number;
  waiting: Record<string, number>;
  requestsSent: number;
  rateLimited: number;
  durationMs: number;
};

/**
 * Collecting what is due: the billing run, "pay now", and the outcome of every attempt, whoever learns it first (the
 * run from Stripe's answer, a webhook, or the recovery of an attempt whose answer was lost).
 *
 * Money moves once because: an attempt is recorded before Stripe is called, under a unique id that is the claim;
 * its Stripe request carries an idempotency key built from the obligation and the attempt number; no new attempt
 * starts while one is unresolved; an unresolved one is recovered by sending the same request with the same key; the
 * outcome of an attempt and the payment of an obligation are each decided once (claims.ts); ledger entries carry
 * keys derived from Stripe's ids.
 */
export class CollectionService {
  constructor(
    private readonly config: Config,
    private readonly stripe: Stripe,
    private readonly accounts: StripeAccountsService,
    private readonly ledger: LedgerPort,
  ) {}

  /** Collects every obligation due by `asOf` that may be tried now; first recovers attempts left unresolved. */
  async runBilling(
    ctx: RequestContext,
    asOfText: string,
    options: { onProgress?: (done: number, total: number) => void; gateway?: StripeGateway } = {},
  ): Promise<BillingRunSummary> {
    if (!ctx.system && !isPlatformAdmin(ctx.viewer))
      throw AppError.forbidden('Only the platform runs billing.');
    if (!isCalendarDate(asOfText)) throw AppError.badInput('asOf', 'Give the date as YYYY-MM-DD.');
    const asOf: CalendarDate = asOfText;
    const started = Date.now();
    const gateway =
      options.gateway ?? new StripeGateway(this.stripe, this.config.billing.stripeRequestsPerSecond);
    const holder = `run:${randomUUID()}`;
    const summary: BillingRunSummary = {
      asOf,
      recovered: 0,
      receivablesRecognised: 0,
      considered: 0,
      attempted: 0,
      succeeded: 0,
      processing: 0,
      requiresAction: 0,
      declined: 0,
      unknown: 0,
      rejected: 0,
      waiting: {},
      requestsSent: 0,
      rateLimited: 0,
      durationMs: 0,
    };
    summary.recovered = await this.recoverUnresolved(ctx, gateway);

    const [due, overdue] = await Promise.all([
      ObligationModel.find({ status: 'DUE' }).lean<ObligationRecord[]>(),
      ObligationModel.find({ status: 'OVERDUE' }).lean<ObligationRecord[]>(),
    ]);
    const candidates = [...due, ...overdue]
      .filter((o) => o.dueDate <= asOf)
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.obligationKey.localeCompare(b.obligationKey));
    summary.considered = candidates.length;
    // A licensor has many licensees: its account is read once per run.
    const licensors = new Map<string, Promise<BillingAccountRecord | null>>();
    const licensorAccount = (id: string) => {
      if (!licensors.has(id)) licensors.set(id, this.accounts.find(id));
      return licensors.get(id)!;
    };
    let done = 0;
    await forEachConcurrently(candidates, this.config.billing.concurrency, async (obligation) => {
      try {
        if (await this.recogniseDue(obligation)) summary.receivablesRecognised++;
        const result = await this.collect(
          ctx,
          obligation,
          'BILLING_RUN',
          holder,
          asOf,
          gateway,
          licensorAccount,
        );
        if (result.kind === 'WAIT')
          summary.waiting[result.reason] = (summary.waiting[result.reason] ?? 0) + 1;
        else {
          summary.attempted++;
          const key = (
            {
              SUCCEEDED: 'succeeded',
              PROCESSING: 'processing',
              REQUIRES_ACTION: 'requiresAction',
              DECLINED: 'declined',
              UNKNOWN: 'unknown',
              STARTED: 'unknown',
              REJECTED: 'rejected',
              CANCELED: 'declined',
            } as const
          )[result.attempt.status];
          summary[key]++;
        }
      } catch (error) {
        // One obligation's trouble (a database hiccup) must not stop the others; a rerun picks it up.
        logger.error(
          { err: error, obligationId: obligation._id.toHexString() },
          'billing an obligation failed',
        );
      }
      options.onProgress?.(++done, candidates.length);
    });
    summary.requestsSent = gateway.requestsSent;
    summary.rateLimited = gateway.rateLimited;
    summary.durationMs = Date.now() - started;
    logger.info({ billingRun: summary }, 'billing run finished');
    return summary;
  }

  /** The licensee pays a due item at once, without waiting for the billing run or its retry schedule. */
  async payNow(ctx: RequestContext, obligationId: string): Promise<PaymentAttemptRecord> {
    requireViewer(ctx);
    const obligation = Types.ObjectId.isValid(obligationId)
      ? await ObligationModel.findById(obligationId).lean<ObligationRecord>()
      : null;
    if (!obligation || !this.canSee(ctx, obligation)) throw AppError.notFound('The obligation');
    if (!hasRole(ctx.viewer, obligation.licenseeId.toHexString(), 'SME_MEMBER', 'FINANCE'))
      throw AppError.forbidden('Only the licensee’s members or finance staff pay its obligations.');
    if (obligation.status === 'PAID') throw new AppError('CONFLICT', 'This obligation is already paid.');
    if (obligation.status !== 'DUE' && obligation.status !== 'OVERDUE')
      throw new AppError('CONFLICT', 'Only an obligation that is due or overdue can be paid.');
    const gateway = new StripeGateway(this.stripe, this.config.billing.stripeRequestsPerSecond);
    await this.recogniseDue(obligation);
    const result = await this.collect(
      ctx,
      obligation,
      'PAY_NOW',
      `pay-now:${ctx.requestId}`,
      toCalendarDate(ctx.clock.now()),
      gateway,
    );
    if (result.kind === 'WAIT') throw new AppError('CONFLICT', WAIT_MESSAGES[result.reason]);
    return result.attempt;
  }

  async attemptsFor(obligationId: Types.ObjectId): Promise<PaymentAttemptRecord[]> {
    const attempts = await PaymentAttemptModel.find({ obligationId }).lean<PaymentAttemptRecord[]>();
    return attempts.sort((a, b) => a.attemptNumber - b.attemptNumber);
  }

  /**
   * Records what became of an attempt. A final outcome (succeeded, declined, cancelled, rejected) is decided once,
   * by a claim; the attempt document then follows the claim, whoever writes last (see obligation-payment.ts for the
   * same pattern). The consequences (the obligation paid and its ledger entries, a notification) are idempotent.
   */
  async recordOutcome(
    ctx: RequestContext,
    attemptId: string,
    outcome: AttemptOutcome,
    gateway?: StripeGateway,
    known?: PaymentAttemptRecord,
  ): Promise<PaymentAttemptRecord> {
    const now = ctx.clock.now();
    const finalKey = `attempt-final:${attemptId}`;
    const decided: AttemptOutcome | null = FINAL_ATTEMPT_STATUSES.includes(outcome.status)
      ? ((await claimOnce(finalKey, attemptId, now, outcome)).decision as AttemptOutcome)
      : (((await readClaim(finalKey))?.decision as AttemptOutcome | undefined) ?? null);
    let attempt = await this.writeOutcome(attemptId, decided ?? outcome, now, known);
    if (!decided) {
      const late = (await readClaim(finalKey))?.decision as AttemptOutcome | undefined;
      if (late) attempt = await this.writeOutcome(attemptId, late, now, attempt ?? undefined);
    }
    if (!attempt) throw new Error(`payment attempt ${attemptId} is missing`);
    await this.consequences(ctx, attempt, gateway ?? new StripeGateway(this.stripe, 1_000));
    return attempt;
  }

  /** The outcome a PaymentIntent's state tells, in our terms. */
  outcomeOf(intent: Stripe.PaymentIntent): AttemptOutcome {
    const base = { paymentIntentId: intent.id, declineKind: null, declineCode: null, failureMessage: null };
    switch (intent.status) {
      case 'succeeded':
        return { ...base, status: 'SUCCEEDED' };
      case 'processing':
        return { ...base, status: 'PROCESSING' };
      case 'requires_action':
      case 'requires_confirmation':
        return { ...base, status: 'REQUIRES_ACTION' };
      case 'canceled':
        return { ...base, status: 'CANCELED' };
      case 'requires_payment_method': {
        const error = intent.last_payment_error;
        if (error?.code === 'authentication_required' || error?.decline_code === 'authentication_required')
          return { ...base, status: 'REQUIRES_ACTION', failureMessage: error.message ?? null };
        return {
          ...base,
          status: 'DECLINED',
          declineCode: error?.decline_code ?? error?.code ?? null,
          declineKind: classifyDecline(error?.decline_code, error?.code),
          failureMessage: error?.message ?? 'The payment method was declined.',
        };
      }
      default:
        return { ...base, status: 'UNKNOWN' };
    }
  }

  /**
   * Recognises in the ledger what of a due obligation is not yet: all of it once it falls due, and the growth of a
   * late-interest obligation as it accrues. Tells whether it posted anything.
   */
  async recogniseDue(obligation: ObligationRecord): Promise<boolean> {
    const facts = obligationFacts(obligation);
    // Only late interest changes amount after falling due; every other obligation is recognised in one entry.
    const recognised =
      obligation.kind === 'LATE_INTEREST'
        ? await this.ledger.recognisedDueMinor(facts.contractId, facts.obligationId)
        : 0;
    const delta = obligation.amountMinor - recognised;
    if (delta <= 0) return false;
    const result = await this.ledger.post(
      obligationDue(facts, delta, obligation.amountMinor, obligation.dueDate),
    );
    return Boolean(result);
  }

  /** Re-sends every unresolved attempt's request with its own idempotency key: Stripe answers what happened. */
  async recoverUnresolved(ctx: RequestContext, gateway: StripeGateway): Promise<number> {
    const [started, unknown] = await Promise.all([
      PaymentAttemptModel.find({ status: 'STARTED' }).lean<PaymentAttemptRecord[]>(),
      PaymentAttemptModel.find({ status: 'UNKNOWN' }).lean<PaymentAttemptRecord[]>(),
    ]);
    let recovered = 0;
    for (const attempt of [...started, ...unknown]) {
      try {
        const result = await this.recover(ctx, attempt, gateway);
        if (result.status !== 'UNKNOWN' && result.status !== 'STARTED') recovered++;
      } catch (error) {
        logger.error({ err: error, attemptId: attempt._id }, 'recovering a payment attempt failed');
      }
    }
    return recovered;
  }

  private async collect(
    ctx: RequestContext,
    obligation: ObligationRecord,
    origin: 'BILLING_RUN' | 'PAY_NOW',
    holder: string,
    asOf: CalendarDate,
    gateway: StripeGateway,
    licensorAccount: (organizationId: string) => Promise<BillingAccountRecord | null> = (id) =>
      this.accounts.find(id),
  ): Promise<{ kind: 'WAIT'; reason: WaitReason } | { kind: 'CHARGED'; attempt: PaymentAttemptRecord }> {
    if (obligation.kind === 'LATE_INTEREST' && !(await this.parentPaid(obligation)))
      return { kind: 'WAIT', reason: 'INTEREST_STILL_ACCRUING' };
    const [payer, payee] = await Promise.all([
      this.accounts.find(obligation.licenseeId.toHexString()),
      licensorAccount(obligation.licensorId.toHexString()),
    ]);
    if (!payer?.stripeCustomerId || !payer.defaultPaymentMethodId)
      return { kind: 'WAIT', reason: 'NO_PAYMENT_METHOD' };
    if (!payee?.stripeAccountId || !payee.chargesEnabled)
      return { kind: 'WAIT', reason: 'LICENSOR_NOT_ONBOARDED' };
    const attempts = await this.attemptsFor(obligation._id);
    const decision: NextAttempt = nextAttempt(
      attempts.map((a) => ({
        attemptNumber: a.attemptNumber,
        status: a.status,
        declineKind: a.declineKind,
        firstAttemptOn: a.firstAttemptOn,
        paymentMethodId: a.request.payment_method,
      })),
      asOf,
      payer.defaultPaymentMethodId,
      origin,
    );
    if (decision.kind === 'WAIT') {
      // Paid at Stripe, but the consequences (the obligation marked paid, the ledger) were cut short by a crash:
      // finish them; they are idempotent.
      if (decision.reason === 'PAID' && obligation.status !== 'PAID')
        await this.consequences(ctx, attempts.at(-1)!, gateway);
      return { kind: 'WAIT', reason: decision.reason };
    }

    const currency = obligation.currency as CurrencyCode;
    const { feeMinor } = splitPayment(obligation.amountMinor, this.config.billing.platformFeeBps);
    const obligationId = obligation._id.toHexString();
    const now = ctx.clock.now();
    const attempt: PaymentAttemptRecord = {
      _id: `${obligationId}:${decision.attemptNumber}`,
      obligationId: obligation._id,
      contractId: obligation.contractId,
      licenseeId: obligation.licenseeId,
      licensorId: obligation.licensorId,
      attemptNumber: decision.attemptNumber,
      origin,
      holder,
      idempotencyKey: attemptIdempotencyKey(obligationId, decision.attemptNumber),
      request: {
        amount: toStripeAmount(obligation.amountMinor, currency),
        currency: toStripeCurrency(currency),
        customer: payer.stripeCustomerId,
        payment_method: payer.defaultPaymentMethodId,
        destination: payee.stripeAccountId,
        application_fee_amount: toStripeAmount(feeMinor, currency),
      },
      amountMinor: obligation.amountMinor,
      currency,
      platformFeeMinor: feeMinor,
      status: 'STARTED',
      declineKind: null,
      declineCode: null,
      failureMessage: null,
      paymentIntentId: null,
      firstAttemptOn: decision.firstAttemptOn,
      attemptedOn: asOf,
      nextRetryOn: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await PaymentAttemptModel.create(attempt);
    } catch (error) {
      if (isDuplicateKeyError(error)) return { kind: 'WAIT', reason: 'IN_FLIGHT' };
      throw error;
    }
    return { kind: 'CHARGED', attempt: await this.send(ctx, attempt, gateway) };
  }

  /**
   * Learns what became of an attempt whose answer we never recorded. Stripe keeps idempotency keys for 24 hours
   * only: a key re-sent later would charge again. So first look for the attempt's PaymentIntent among the
   * customer's (by the attempt id in its metadata); only when Stripe has none is the request sent again, with the
   * same key, which within the 24 hours also catches one still in flight.
   */
  private async recover(
    ctx: RequestContext,
    attempt: PaymentAttemptRecord,
    gateway: StripeGateway,
  ): Promise<PaymentAttemptRecord> {
    const since = Math.floor(attempt.createdAt.getTime() / 1000) - 3_600;
    let startingAfter: string | undefined;
    for (;;) {
      const page = await gateway.call((stripe) =>
        stripe.paymentIntents.list({
          customer: attempt.request.customer,
          created: { gte: since },
          limit: 100,
          ...(startingAfter ? { starting_after: startingAfter } : {}),
        }),
      );
      const found = page.data.find((intent) => intent.metadata?.attemptId === attempt._id);
      if (found) return this.recordOutcome(ctx, attempt._id, this.outcomeOf(found), gateway, attempt);
      if (!page.has_more || page.data.length === 0) break;
      startingAfter = page.data[page.data.length - 1].id;
    }
    return this.send(ctx, attempt, gateway);
  }

  /** Sends (or re-sends) an attempt's request with its idempotency key, and records what Stripe said. */
  private async send(
    ctx: RequestContext,
    attempt: PaymentAttemptRecord,
    gateway: StripeGateway,
  ): Promise<PaymentAttemptRecord> {
    const r = attempt.request;
    let outcome: AttemptOutcome;
    try {
      const intent = await gateway.call((stripe) =>
        stripe.paymentIntents.create(
          {
            amount: r.amount,
            currency: r.currency,
            customer: r.customer,
            payment_method: r.payment_method,
            confirm: true,
            off_session: true,
            // Off-session: nothing may send the licensee to a redirect.
            automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
            transfer_data: { destination: r.destination },
            application_fee_amount: r.application_fee_amount,
            metadata: {
              obligationId: attempt.obligationId.toHexString(),
              contractId: attempt.contractId.toHexString(),
              attemptId: attempt._id,
            },
          },
          { idempotencyKey: attempt.idempotencyKey },
        ),
      );
      outcome = this.outcomeOf(intent);
    } catch (error) {
      // Anything that is not Stripe's answer (a bug, the process being stopped) leaves the attempt as it is, STARTED
      // or UNKNOWN, for the recovery step: exactly the state a crash at this point would leave.
      if (!(error instanceof Stripe.errors.StripeError)) throw error;
      outcome = outcomeOfError(error);
    }
    return this.recordOutcome(ctx, attempt._id, outcome, gateway, attempt);
  }

  /** Writes an outcome onto the attempt (absolute values, so writing it twice is harmless) and returns the result. */
  private async writeOutcome(
    attemptId: string,
    outcome: AttemptOutcome,
    at: Date,
    known?: PaymentAttemptRecord,
  ): Promise<PaymentAttemptRecord | null> {
    const attempt = known ?? (await PaymentAttemptModel.findById(attemptId).lean<PaymentAttemptRecord>());
    if (!attempt) return null;
    const softDecline = outcome.status === 'DECLINED' && outcome.declineKind === 'SOFT';
    const inCycle = softDecline
      ? await PaymentAttemptModel.countDocuments({
          obligationId: attempt.obligationId,
          firstAttemptOn: attempt.firstAttemptOn,
        })
      : 0;
    const fields = {
      status: outcome.status,
      paymentIntentId: outcome.paymentIntentId ?? attempt.paymentIntentId,
      declineKind: outcome.declineKind,
      declineCode: outcome.declineCode,
      failureMessage: outcome.failureMessage,
      nextRetryOn: softDecline ? nextRetryDate(attempt.firstAttemptOn as CalendarDate, inCycle) : null,
      updatedAt: at,
    };
    await PaymentAttemptModel.updateOne({ _id: attemptId }, { $set: fields });
    return { ...attempt, ...fields };
  }

  private async consequences(
    ctx: RequestContext,
    attempt: PaymentAttemptRecord,
    gateway: StripeGateway,
  ): Promise<void> {
    const obligation = await ObligationModel.findById(attempt.obligationId).lean<ObligationRecord>();
    if (!obligation) return;
    const now = ctx.clock.now();
    const notify = (
      kind: 'PAYMENT_SUCCEEDED' | 'PAYMENT_FAILED' | 'PAYMENT_ACTION_REQUIRED',
      message: MessageId,
      params: MessageParams = {},
    ) =>
      notifyOnce({
        subjectKey: `attempt:${attempt._id}`,
        organizationId: obligation.licenseeId,
        kind,
        text: { message, params: { obligation: obligationName(obligation.key), ...params } },
        contractId: obligation.contractId,
        onDate: attempt.attemptedOn,
        createdAt: now,
      });
    switch (attempt.status) {
      case 'SUCCEEDED':
        await this.settlePaid(ctx, obligation, attempt, gateway);
        await notify('PAYMENT_SUCCEEDED', 'Your payment for {{obligation}} went through.');
        return;
      case 'DECLINED':
        if (attempt.declineKind === 'HARD')
          await this.accounts.flagPaymentMethod(
            obligation.licenseeId.toHexString(),
            attempt.request.payment_method,
            attempt.failureMessage ?? 'The card was declined.',
            now,
          );
        if (attempt.declineKind === 'HARD')
          await notify(
            'PAYMENT_FAILED',
            'The card was declined for {{obligation}}. Save another payment method.',
          );
        else if (attempt.nextRetryOn)
          await notify(
            'PAYMENT_FAILED',
            'The card was declined for {{obligation}}; we will try again on {{retryOn}}.',
            { retryOn: attempt.nextRetryOn },
          );
        else await notify('PAYMENT_FAILED', 'The card was declined for {{obligation}}; we will try again.');
        return;
      case 'REQUIRES_ACTION':
        await notify(
          'PAYMENT_ACTION_REQUIRED',
          'Your bank asks you to authenticate the payment for {{obligation}}.',
        );
        return;
      default:
        return;
    }
  }

  /** The obligation is paid, and the ledger learns of it: the payment, our fee, Stripe's fee, the transfer. */
  private async settlePaid(
    ctx: RequestContext,
    obligation: ObligationRecord,
    attempt: PaymentAttemptRecord,
    gateway: StripeGateway,
  ): Promise<void> {
    const paymentIntentId = attempt.paymentIntentId!;
    const intent = await gateway.call((stripe) =>
      stripe.paymentIntents.retrieve(paymentIntentId, { expand: ['latest_charge.balance_transaction'] }),
    );
    const charge = typeof intent.latest_charge === 'object' ? intent.latest_charge : null;
    const balance = typeof charge?.balance_transaction === 'object' ? charge.balance_transaction : null;
    // The day Stripe charged, not the day we heard of it: every path to this point must post the same entries.
    const paidOn = toCalendarDate(new Date((charge?.created ?? intent.created) * 1000));
    await markObligationPaid(
      obligation._id,
      { attemptId: attempt._id, paymentIntentId, paidOn },
      ctx.clock.now(),
    );
    await this.recogniseDue(obligation);
    const currency = obligation.currency as CurrencyCode;
    const postings = paymentSucceeded(obligationFacts(obligation), {
      paymentIntentId,
      chargeId: charge?.id ?? `${paymentIntentId}:charge`,
      balanceTransactionId: balance?.id ?? `${paymentIntentId}:balance`,
      transferId: typeof charge?.transfer === 'string' ? charge.transfer : (charge?.transfer?.id ?? null),
      amountMinor: attempt.amountMinor,
      platformFeeMinor: attempt.platformFeeMinor,
      stripeFeeMinor: balance ? fromStripeAmount(balance.fee, currency) : 0,
      paidOn,
    });
    for (const posting of postings) await this.ledger.post(posting);
  }

  private async parentPaid(interest: ObligationRecord): Promise<boolean> {
    const parent = await ObligationModel.findOne({
      obligationKey: `${interest.contractId.toHexString()}:${interest.interestOn}`,
    }).lean<ObligationRecord>();
    return parent?.status === 'PAID';
  }

  private canSee(ctx: RequestContext, o: ObligationRecord): boolean {
    return (
      isPlatformAdmin(ctx.viewer) ||
      Boolean(
        ctx.viewer?.memberships.some(
          (m) =>
            m.organizationId === o.licenseeId.toHexString() ||
            m.organizationId === o.licensorId.toHexString(),
        ),
      )
    );
  }
}

export type WaitReason =
  | Extract<NextAttempt, { kind: 'WAIT' }>['reason']
  | 'NO_PAYMENT_METHOD'
  | 'LICENSOR_NOT_ONBOARDED'
  | 'INTEREST_STILL_ACCRUING';

const WAIT_MESSAGES: Record<WaitReason, MessageId> = {
  IN_FLIGHT: 'A payment for this obligation is already under way.',
  PAID: 'This obligation is already paid.',
  RETRY_SCHEDULED: 'A retry is scheduled.',
  RETRIES_EXHAUSTED: 'The retries are used up.',
  NEEDS_PAYMENT_METHOD: 'The saved payment method was declined for good: save another one first.',
  NEEDS_AUTHENTICATION: 'Your bank asks you to authenticate the pending payment first.',
  NEEDS_OPERATOR: 'Stripe refused this payment; our team has been told.',
  NO_PAYMENT_METHOD: 'Save a payment method first.',
  LICENSOR_NOT_ONBOARDED:
    'The licensor cannot receive payments yet; try again once it has finished onboarding.',
  INTEREST_STILL_ACCRUING: 'Late interest is paid once the amount it accrues on is paid.',
};

export function obligationFacts(o: ObligationRecord): ObligationFacts {
  return {
    obligationId: o._id.toHexString(),
    obligationKey: o.key,
    kind: o.kind,
    contractId: o.contractId.toHexString(),
    licenseeId: o.licenseeId.toHexString(),
    licensorId: o.licensorId.toHexString(),
    currency: o.currency,
  };
}

/** What an error from Stripe tells about the attempt: a decline is an answer; a lost answer is UNKNOWN. */
export function outcomeOfError(error: unknown): AttemptOutcome {
  const base = { paymentIntentId: null, declineKind: null, declineCode: null, failureMessage: null };
  if (error instanceof Stripe.errors.StripeCardError) {
    const raw = error.raw as { payment_intent?: { id?: string } };
    // Off-session, a bank that wants the cardholder present answers with a "decline" that is really a request to
    // authenticate: the licensee is asked, and nothing is retried meanwhile.
    if (error.code === 'authentication_required' || error.decline_code === 'authentication_required')
      return {
        ...base,
        status: 'REQUIRES_ACTION',
        paymentIntentId: raw.payment_intent?.id ?? null,
        failureMessage: error.message,
      };
    return {
      ...base,
      status: 'DECLINED',
      paymentIntentId: raw.payment_intent?.id ?? null,
      declineCode: error.decline_code ?? error.code ?? null,
      declineKind: classifyDecline(error.decline_code, error.code),
      failureMessage: error.message,
    };
  }
  if (error instanceof Stripe.errors.StripeInvalidRequestError && error.statusCode === 400)
    return { ...base, status: 'REJECTED', failureMessage: error.message };
  // Timeouts, dropped connections, 5xx, a 409 "key in use", a 429 we stopped retrying: the outcome is unknown, and
  // the recovery step asks again with the same key.
  return {
    ...base,
    status: 'UNKNOWN',
    failureMessage: error instanceof Error ? error.message : String(error),
  };
}

/**
 * The ledger invariant billing owns: every PaymentIntent that succeeded has exactly one PAYMENT entry (keyed
 * `payment:<id>`, so never two; this finds the ones with none).
 */
export async function checkPaymentsInLedger(): Promise<
  { invariant: string; message: string; paymentIntentId: string }[]
> {
  const succeeded = await PaymentAttemptModel.find({ status: 'SUCCEEDED' }).lean<PaymentAttemptRecord[]>();
  const violations = [];
  for (const attempt of succeeded) {
    const key = `payment:${attempt.paymentIntentId}`;
    const entry = await JournalEntryModel.findOne({ idempotencyKey: key }).lean();
    if (!entry)
      violations.push({
        invariant: 'PAYMENT_HAS_ONE_ENTRY',
        message: `The PaymentIntent ${attempt.paymentIntentId} (attempt ${attempt._id}) succeeded but has no payment entry.`,
        paymentIntentId: attempt.paymentIntentId ?? '',
      });
  }
  return violations;
}

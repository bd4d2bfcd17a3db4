import Stripe from 'stripe';
import { toCalendarDate } from '../../common/calendar-date';
import { decodeKeyCursor, pageAfterKey, pageSize, type Page } from '../../common/connection';
import { AppError, isDuplicateKeyError } from '../../common/errors';
import { logger } from '../../common/logger';
import type { CurrencyCode } from '../../common/money';
import { systemContext, type RequestContext } from '../../common/request-context';
import type { Clock } from '../../common/clock';
import { ObligationModel, type ObligationRecord } from '../contracts/contract.model';
import { obligationFacts, type CollectionService, type LedgerPort } from './collection.service';
import { PaymentAttemptModel, type PaymentAttemptRecord } from './payment-attempt.model';
import { disputeOpened, disputeWon, payoutFailed, payoutPaid, refund } from './settlement-postings';
import { divideRounded } from '../../common/money';
import { fromStripeAmount, fromStripeCurrency } from './stripe-amount';
import type { StripeAccountsService } from './stripe-accounts.service';
import {
  isStripeEventStatus,
  newestReceivedFirst,
  STRIPE_EVENT_KEY_SHAPE,
  stripeEventKey,
  type StripeEventSummary,
} from './stripe-event-log';
import { StripeEventModel, type StripeEventRecord } from './stripe-event.model';
import { seesWholeLedger } from '../ledger/ledger.service';

/** Stripe's signature tolerance: events older than this are refused as possible replays. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

export class WebhookSignatureError extends Error {}

/**
 * `POST /webhooks/stripe`: verifies the signature on the raw body, stores each event once by its id, and applies
 * it. Every handler is idempotent and reads the object's state from the event (or from Stripe), never from the
 * order of arrival, so duplicates and any order converge to the same state. A handler that throws leaves the event
 * FAILED; a redelivery or `retryFailed` applies it again, and finance sees the ones that keep failing.
 */
export class StripeWebhookService {
  constructor(
    private readonly stripe: Stripe,
    private readonly webhookSecret: string,
    private readonly collection: CollectionService,
    private readonly accounts: StripeAccountsService,
    private readonly ledger: LedgerPort,
  ) {}

  /** Verifies and stores; throws WebhookSignatureError for anything not signed by Stripe with our secret. */
  async receive(
    rawBody: Buffer,
    signature: string | undefined,
    clock: Clock,
  ): Promise<StripeEventRecord['status']> {
    let event: Stripe.Event;
    try {
      if (!signature) throw new Error('no Stripe-Signature header');
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.webhookSecret,
        WEBHOOK_TOLERANCE_SECONDS,
        undefined,
        // stripe-node wants the receipt time in milliseconds (it divides by 1000 itself).
        clock.now().getTime(),
      );
    } catch (error) {
      throw new WebhookSignatureError(error instanceof Error ? error.message : String(error));
    }
    const object = event.data.object as { id?: string };
    try {
      await StripeEventModel.create({
        _id: event.id,
        type: event.type,
        objectId: object.id ?? null,
        createdAtStripe: event.created,
        payload: rawBody.toString('utf8'),
        status: 'RECEIVED',
        attempts: 0,
        lastError: null,
        receivedAt: clock.now(),
        appliedAt: null,
      });
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      const stored = await StripeEventModel.findById(event.id).lean<StripeEventRecord>();
      if (stored && (stored.status === 'APPLIED' || stored.status === 'IGNORED')) return stored.status;
    }
    return this.apply(event, systemContext(clock, `webhook:${event.id}`));
  }

  /** Applies again every event whose handling failed (the billing run calls this). */
  async retryFailed(clock: Clock): Promise<number> {
    const failed = await StripeEventModel.find({ status: 'FAILED' }).lean<StripeEventRecord[]>();
    let applied = 0;
    for (const stored of failed) {
      const status = await this.apply(
        JSON.parse(stored.payload) as Stripe.Event,
        systemContext(clock, `retry:${stored._id}`),
      );
      if (status === 'APPLIED') applied++;
    }
    return applied;
  }

  /**
   * Applies one FAILED event again now, for finance staff who fixed its cause and will not wait for the next
   * billing run or Stripe's redelivery. Applying is idempotent, so racing either of them is harmless.
   */
  async reapply(ctx: RequestContext, eventId: string): Promise<StripeEventRecord> {
    if (!ctx.system && !seesWholeLedger(ctx.viewer))
      throw AppError.forbidden('Only the platform’s finance staff apply Stripe’s events.');
    const stored = await StripeEventModel.findById(eventId).lean<StripeEventRecord>();
    if (!stored) throw AppError.notFound('The Stripe event');
    if (stored.status !== 'FAILED')
      throw new AppError(
        'INVALID_STATE_TRANSITION',
        'Only an event whose handling failed is applied again; this one is {{status}}.',
        { params: { status: stored.status } },
      );
    // As the webhook applies it: the handlers post to the ledger and settle obligations, which is the system's doing.
    await this.apply(
      JSON.parse(stored.payload) as Stripe.Event,
      systemContext(ctx.clock, `reapply:${eventId}`),
    );
    const applied = await StripeEventModel.findById(eventId).lean<StripeEventRecord>();
    if (!applied) throw AppError.notFound('The Stripe event');
    return applied;
  }

  /**
   * One page of the stored events, newest received first, optionally only those with one status (for finance, who
   * mostly look at the FAILED ones). Arguments are checked before anything is read.
   */
  async page(
    ctx: RequestContext,
    args: { status: string | null; first: number | null; after: string | null },
  ): Promise<Page<StripeEventSummary>> {
    if (!ctx.system && !seesWholeLedger(ctx.viewer))
      throw AppError.forbidden('Only the platform’s finance staff see Stripe’s events.');
    const { status } = args;
    if (status !== null && !isStripeEventStatus(status))
      throw AppError.badInput('status', 'The status is one of RECEIVED, APPLIED, FAILED or IGNORED.');
    const first = pageSize(args.first);
    // Like every cursor of this API, it is bound to its query: one read under another status is refused.
    const scope = `stripe-events:${status ?? 'ALL'}`;
    const after = decodeKeyCursor(args.after, scope, STRIPE_EVENT_KEY_SHAPE);
    // What this costs on FerretDB v1: only the equality on `status` reaches PostgreSQL (through the GIN index on
    // stripe_events.status); without a status, the whole collection is read. Sorting, the cursor's position and the
    // page's limit would be evaluated inside FerretDB on all of those rows anyway, so they are done here, and the
    // count comes free. Every page thus reads every event with the status (FerretDB drops the payload after reading
    // it): fine while the log holds thousands of events (a few per payment); if it ever holds hundreds of thousands,
    // page it by an equality on a received-month field instead.
    const events = await StripeEventModel.find(status ? { status } : {}, { payload: 0 }).lean<
      StripeEventSummary[]
    >();
    events.sort((a, b) => newestReceivedFirst(stripeEventKey(a), stripeEventKey(b)));
    return pageAfterKey(events, { first, after }, scope, stripeEventKey, newestReceivedFirst);
  }

  private async apply(event: Stripe.Event, ctx: RequestContext): Promise<StripeEventRecord['status']> {
    let status: StripeEventRecord['status'];
    let lastError: string | null = null;
    try {
      status = (await this.handle(event, ctx)) ? 'APPLIED' : 'IGNORED';
    } catch (error) {
      status = 'FAILED';
      lastError = error instanceof Error ? error.message : String(error);
      logger.error(
        { err: error, eventId: event.id, type: event.type },
        'a Stripe event could not be applied',
      );
    }
    await StripeEventModel.updateOne(
      { _id: event.id },
      {
        $set: { status, lastError, appliedAt: status === 'FAILED' ? null : ctx.clock.now() },
        $inc: { attempts: 1 },
      },
    );
    return status;
  }

  /** Tells whether the event concerned something of ours. */
  private async handle(event: Stripe.Event, ctx: RequestContext): Promise<boolean> {
    switch (event.type) {
      case 'payment_intent.succeeded':
      case 'payment_intent.payment_failed':
      case 'payment_intent.processing':
      case 'payment_intent.canceled':
      case 'payment_intent.requires_action':
        return this.paymentIntentChanged(event.data.object, ctx);
      case 'charge.refunded':
        return this.chargeRefunded(event.data.object);
      case 'charge.dispute.created':
      case 'charge.dispute.closed':
        return this.disputeChanged(event.data.object, event.type === 'charge.dispute.created', ctx);
      case 'payout.paid':
      case 'payout.failed':
        return this.payoutChanged(event.data.object);
      case 'account.updated':
        return this.accounts.applyAccountUpdate(event.data.object, ctx.clock.now());
      default:
        return false;
    }
  }

  private async paymentIntentChanged(intent: Stripe.PaymentIntent, ctx: RequestContext): Promise<boolean> {
    const attempt = await this.attemptOf(intent.id, intent.metadata?.attemptId);
    if (!attempt) return false;
    // Out of order is fine: a final outcome is decided once, and a late non-final event cannot undo it.
    await this.collection.recordOutcome(ctx, attempt._id, this.collection.outcomeOf(intent));
    return true;
  }

  private async chargeRefunded(charge: Stripe.Charge): Promise<boolean> {
    const intentId =
      typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
    const attempt = intentId ? await this.attemptOf(intentId) : null;
    if (!attempt || !intentId) return false;
    const obligation = await this.obligationOf(attempt);
    const refunds = await this.stripe.refunds.list({
      charge: charge.id,
      limit: 100,
      expand: ['data.transfer_reversal'],
    });
    const currency = fromStripeCurrency(charge.currency);
    for (const r of refunds.data.filter((x) => x.status === 'succeeded' || x.status === 'pending')) {
      const amountMinor = fromStripeAmount(r.amount, currency);
      // Our refunds reverse the transfer and refund the fee in proportion: the fee part rounds half up, like the fee.
      const reversed = Boolean(r.transfer_reversal);
      const feePart = reversed
        ? Math.min(
            attempt.platformFeeMinor,
            proportion(amountMinor, attempt.platformFeeMinor, attempt.amountMinor),
          )
        : 0;
      const reversal = typeof r.transfer_reversal === 'object' ? r.transfer_reversal : null;
      const postings = refund(obligationFacts(obligation), {
        refundId: r.id,
        balanceTransactionId: idOf(r.balance_transaction),
        paymentIntentId: intentId,
        amountMinor,
        transferReversalId: reversal?.id ?? null,
        transferReversalBalanceTransactionId: idOf(reversal?.balance_transaction ?? null),
        recoveredFromLicensorMinor: reversal ? fromStripeAmount(reversal.amount, currency) : 0,
        refundedPlatformFeeMinor: feePart,
        refundedOn: toCalendarDate(new Date(r.created * 1000)),
      });
      for (const posting of postings) await this.ledger.post(posting);
    }
    return true;
  }

  private async disputeChanged(
    dispute: Stripe.Dispute,
    opened: boolean,
    ctx: RequestContext,
  ): Promise<boolean> {
    const intentId =
      typeof dispute.payment_intent === 'string' ? dispute.payment_intent : dispute.payment_intent?.id;
    const attempt = intentId ? await this.attemptOf(intentId) : null;
    if (!attempt) return false;
    const obligation = await this.obligationOf(attempt);
    const currency = fromStripeCurrency(dispute.currency);
    const withdrawal = dispute.balance_transactions[0];
    const facts = {
      disputeId: dispute.id,
      balanceTransactionIds: dispute.balance_transactions.map((b) => b.id),
      amountMinor: fromStripeAmount(dispute.amount, currency),
      feeMinor: withdrawal ? fromStripeAmount(withdrawal.fee, currency) : 0,
      on: toCalendarDate(ctx.clock.now()),
    };
    // Opening withdraws the money; a close that was won gives it back. Either event may come first: the opening is
    // posted by both, once, by its key.
    await this.ledger.post(disputeOpened(obligationFacts(obligation), facts));
    if (!opened && dispute.status === 'won')
      await this.ledger.post(disputeWon(obligationFacts(obligation), facts));
    return true;
  }

  private async payoutChanged(payout: Stripe.Payout): Promise<boolean> {
    const currency: CurrencyCode = fromStripeCurrency(payout.currency);
    const facts = {
      payoutId: payout.id,
      balanceTransactionId:
        typeof payout.balance_transaction === 'string'
          ? payout.balance_transaction
          : (payout.balance_transaction?.id ?? null),
      amountMinor: fromStripeAmount(payout.amount, currency),
      currency,
      on: toCalendarDate(new Date((payout.arrival_date ?? payout.created) * 1000)),
    };
    // Stripe's current state decides, whatever the order of arrival: a payout that is paid is posted; one that
    // failed is reversed if its arrival had been posted, and never posted if the failure came first.
    const current = await this.stripe.payouts.retrieve(payout.id);
    if (current.status === 'paid') await this.ledger.post(payoutPaid(facts));
    if (current.status === 'failed' && (await this.ledger.hasEntry(`payout-paid:${payout.id}`)))
      // The money coming back is its own balance transaction, which reconciliation matches to this entry.
      await this.ledger.post(
        payoutFailed({ ...facts, balanceTransactionId: idOf(current.failure_balance_transaction) }),
      );
    return true;
  }

  private async attemptOf(paymentIntentId: string, attemptId?: string): Promise<PaymentAttemptRecord | null> {
    if (attemptId) {
      const byId = await PaymentAttemptModel.findById(attemptId).lean<PaymentAttemptRecord>();
      if (byId) return byId;
    }
    return PaymentAttemptModel.findOne({ paymentIntentId }).lean<PaymentAttemptRecord>();
  }

  private async obligationOf(attempt: PaymentAttemptRecord): Promise<ObligationRecord> {
    const obligation = await ObligationModel.findById(attempt.obligationId).lean<ObligationRecord>();
    if (!obligation) throw new Error(`obligation ${attempt.obligationId.toHexString()} is missing`);
    return obligation;
  }
}

/** part × numerator / denominator, rounded half up to the minor unit. */
function proportion(part: number, numerator: number, denominator: number): number {
  if (denominator === 0) return 0;
  return Number(divideRounded(BigInt(part) * BigInt(numerator), BigInt(denominator), 'HALF_UP'));
}

const idOf = (value: string | { id: string } | null | undefined): string | null =>
  typeof value === 'string' ? value : (value?.id ?? null);

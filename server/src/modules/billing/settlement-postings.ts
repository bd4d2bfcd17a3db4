/**
 * What each money event writes to the ledger, as pure functions from facts to balanced entries. The billing service
 * and the webhook handlers only gather the facts (amounts from our obligation and from Stripe's balance
 * transactions) and post what these return; each entry's idempotency key comes from the id of its cause, so that
 * posting the same fact twice, from a rerun or a redelivered webhook, writes it once.
 *
 * The accounts (see the ledger module): a due obligation is owed by the licensee (RECEIVABLE, per contract) and, in
 * the same breath, owed onward to the licensor (LICENSOR_PAYABLE; LATE_INTEREST_INCOME for late interest, which is
 * the licensor's too). Money collected sits at Stripe (CASH_IN_TRANSIT) until a payout moves it to the BANK.
 */
export type PostingLine = {
  account:
    | 'RECEIVABLE'
    | 'CASH_IN_TRANSIT'
    | 'LICENSOR_PAYABLE'
    | 'PLATFORM_FEE_REVENUE'
    | 'STRIPE_FEES'
    | 'LATE_INTEREST_INCOME'
    | 'BANK'
    | 'REFUNDS'
    | 'DISPUTES';
  contractId: string | null;
  organizationId: string | null;
  debitMinor: number;
  creditMinor: number;
};

export type Posting = {
  idempotencyKey: string;
  effectiveDate: string;
  cause: { kind: string; id: string };
  memo: string;
  currency: string;
  lines: PostingLine[];
  stripeIds: string[];
};

export type ObligationFacts = {
  obligationId: string;
  obligationKey: string;
  kind: string;
  contractId: string;
  licenseeId: string;
  licensorId: string;
  currency: string;
};

/** A credit is a debit mirrored (see `mirrored` below): one builder serves both sides. */
const debit = (
  account: PostingLine['account'],
  amount: number,
  contractId: string | null = null,
  organizationId: string | null = null,
): PostingLine => ({ account, contractId, organizationId, debitMinor: amount, creditMinor: 0 });
const credit = (...args: Parameters<typeof debit>): PostingLine => mirrored([debit(...args)])[0];

/** Where the licensor's side of an obligation is held: late interest apart, so that it can be reported apart. */
const licensorAccount = (o: ObligationFacts): PostingLine['account'] =>
  o.kind === 'LATE_INTEREST' ? 'LATE_INTEREST_INCOME' : 'LICENSOR_PAYABLE';

/**
 * An obligation falling due, or a late-interest obligation growing: recognises `deltaMinor` more of it. The key
 * carries the total recognised after this entry, so two workers recognising the same growth write one entry.
 */
export function obligationDue(
  o: ObligationFacts,
  deltaMinor: number,
  recognisedTotal: number,
  dueDate: string,
): Posting {
  return {
    idempotencyKey: `obligation-due:${o.obligationId}:${recognisedTotal}`,
    effectiveDate: dueDate,
    cause: { kind: 'OBLIGATION_DUE', id: o.obligationId },
    memo: `${o.obligationKey} due`,
    currency: o.currency,
    lines: [
      debit('RECEIVABLE', deltaMinor, o.contractId, o.licenseeId),
      credit(licensorAccount(o), deltaMinor, o.contractId, o.licensorId),
    ],
    stripeIds: [],
  };
}

export type PaymentFacts = {
  paymentIntentId: string;
  chargeId: string;
  balanceTransactionId: string;
  transferId: string | null;
  amountMinor: number;
  platformFeeMinor: number;
  stripeFeeMinor: number;
  paidOn: string;
};

/**
 * A succeeded PaymentIntent: exactly one PAYMENT entry (the invariant the ledger check holds us to) and, beside it,
 * the platform fee, Stripe's fee and the transfer of the licensor's share, each its own entry with its own key.
 */
export function paymentSucceeded(o: ObligationFacts, p: PaymentFacts): Posting[] {
  const licensorShare = p.amountMinor - p.platformFeeMinor;
  const ids = [p.paymentIntentId, p.chargeId, p.balanceTransactionId];
  const entries: Posting[] = [
    {
      idempotencyKey: `payment:${p.paymentIntentId}`,
      effectiveDate: p.paidOn,
      cause: { kind: 'PAYMENT', id: p.paymentIntentId },
      memo: `${o.obligationKey} paid`,
      currency: o.currency,
      lines: [
        debit('CASH_IN_TRANSIT', p.amountMinor, o.contractId),
        credit('RECEIVABLE', p.amountMinor, o.contractId, o.licenseeId),
      ],
      stripeIds: ids,
    },
  ];
  if (p.platformFeeMinor > 0)
    entries.push({
      idempotencyKey: `platform-fee:${p.paymentIntentId}`,
      effectiveDate: p.paidOn,
      cause: { kind: 'PLATFORM_FEE', id: p.paymentIntentId },
      memo: `Platform fee on ${o.obligationKey}`,
      currency: o.currency,
      lines: [
        debit(licensorAccount(o), p.platformFeeMinor, o.contractId, o.licensorId),
        credit('PLATFORM_FEE_REVENUE', p.platformFeeMinor, o.contractId),
      ],
      stripeIds: ids,
    });
  if (p.stripeFeeMinor > 0)
    entries.push({
      idempotencyKey: `stripe-fee:${p.balanceTransactionId}`,
      effectiveDate: p.paidOn,
      cause: { kind: 'STRIPE_FEE', id: p.balanceTransactionId },
      memo: `Stripe’s fee on ${o.obligationKey}`,
      currency: o.currency,
      lines: [
        debit('STRIPE_FEES', p.stripeFeeMinor, o.contractId),
        credit('CASH_IN_TRANSIT', p.stripeFeeMinor, o.contractId),
      ],
      stripeIds: ids,
    });
  if (licensorShare > 0)
    entries.push({
      idempotencyKey: `transfer:${p.paymentIntentId}`,
      effectiveDate: p.paidOn,
      cause: { kind: 'TRANSFER', id: p.transferId ?? p.paymentIntentId },
      memo: `${o.obligationKey}: licensor’s share`,
      currency: o.currency,
      lines: [
        debit(licensorAccount(o), licensorShare, o.contractId, o.licensorId),
        credit('CASH_IN_TRANSIT', licensorShare, o.contractId),
      ],
      stripeIds: p.transferId ? [p.transferId, p.paymentIntentId] : [p.paymentIntentId],
    });
  return entries;
}

export type RefundFacts = {
  refundId: string;
  balanceTransactionId: string | null;
  paymentIntentId: string;
  amountMinor: number;
  /** The transfer reversal that took the licensor's part back, and what it took (0 and null when none). */
  transferReversalId: string | null;
  transferReversalBalanceTransactionId: string | null;
  recoveredFromLicensorMinor: number;
  refundedPlatformFeeMinor: number;
  refundedOn: string;
};

/**
 * A refund: the licensee gets `amount` back out of our Stripe balance (one entry, matching Stripe's refund balance
 * transaction); the licensor's share comes back by a transfer reversal and our fee is given up, in proportion (a
 * second entry, matching the reversal's balance transaction). REFUNDS carries what was refunded and is relieved by
 * what was recovered, so what remains on it is what the platform itself bore.
 */
export function refund(o: ObligationFacts, r: RefundFacts): Posting[] {
  const entries: Posting[] = [
    {
      idempotencyKey: `refund:${r.refundId}`,
      effectiveDate: r.refundedOn,
      cause: { kind: 'REFUND', id: r.refundId },
      memo: `Refund on ${o.obligationKey}`,
      currency: o.currency,
      lines: [
        debit('REFUNDS', r.amountMinor, o.contractId),
        credit('CASH_IN_TRANSIT', r.amountMinor, o.contractId),
      ],
      stripeIds: [r.refundId, r.paymentIntentId, ...(r.balanceTransactionId ? [r.balanceTransactionId] : [])],
    },
  ];
  const recovered = r.recoveredFromLicensorMinor + r.refundedPlatformFeeMinor;
  if (recovered > 0) {
    const lines: PostingLine[] = [];
    if (r.recoveredFromLicensorMinor > 0)
      lines.push(
        debit('CASH_IN_TRANSIT', r.recoveredFromLicensorMinor, o.contractId),
        credit('REFUNDS', r.recoveredFromLicensorMinor, o.contractId),
      );
    if (r.refundedPlatformFeeMinor > 0)
      lines.push(
        debit('PLATFORM_FEE_REVENUE', r.refundedPlatformFeeMinor, o.contractId),
        credit('REFUNDS', r.refundedPlatformFeeMinor, o.contractId),
      );
    entries.push({
      idempotencyKey: `refund-recovery:${r.refundId}`,
      effectiveDate: r.refundedOn,
      cause: { kind: 'REFUND', id: r.transferReversalId ?? r.refundId },
      memo: `Refund on ${o.obligationKey}: licensor’s share and platform fee taken back`,
      currency: o.currency,
      lines,
      stripeIds: [
        r.refundId,
        r.paymentIntentId,
        ...(r.transferReversalId ? [r.transferReversalId] : []),
        ...(r.transferReversalBalanceTransactionId ? [r.transferReversalBalanceTransactionId] : []),
      ],
    });
  }
  return entries;
}

export type DisputeFacts = {
  disputeId: string;
  /** Stripe's balance transactions of the dispute: the withdrawal, then (when won) the reinstatement. */
  balanceTransactionIds: string[];
  amountMinor: number;
  feeMinor: number;
  on: string;
};

/** The other side of every line: what undoes a movement (a dispute won, a payout that came back). */
const mirrored = (lines: PostingLine[]): PostingLine[] =>
  lines.map((l) => ({ ...l, debitMinor: l.creditMinor, creditMinor: l.debitMinor }));

/** Stripe withdraws a disputed amount (and its dispute fee) from our balance when the dispute opens. */
function disputeWithdrawal(o: ObligationFacts, d: DisputeFacts): PostingLine[] {
  const lines = [
    debit('DISPUTES', d.amountMinor, o.contractId),
    credit('CASH_IN_TRANSIT', d.amountMinor, o.contractId),
  ];
  if (d.feeMinor > 0)
    lines.push(
      debit('STRIPE_FEES', d.feeMinor, o.contractId),
      credit('CASH_IN_TRANSIT', d.feeMinor, o.contractId),
    );
  return lines;
}

function disputePosting(o: ObligationFacts, d: DisputeFacts, won: boolean): Posting {
  return {
    idempotencyKey: `dispute-${won ? 'won' : 'opened'}:${d.disputeId}`,
    effectiveDate: d.on,
    cause: { kind: 'DISPUTE', id: d.disputeId },
    memo: `Dispute ${won ? 'won' : 'opened'} on ${o.obligationKey}`,
    currency: o.currency,
    lines: won ? mirrored(disputeWithdrawal(o, d)) : disputeWithdrawal(o, d),
    // Each entry names its own balance transaction: the withdrawal, then the reinstatement.
    stripeIds: [d.disputeId, ...d.balanceTransactionIds.slice(won ? 1 : 0, won ? 2 : 1)],
  };
}

export const disputeOpened = (o: ObligationFacts, d: DisputeFacts): Posting => disputePosting(o, d, false);
/** A dispute won gives the amount (and the fee) back; one lost leaves it on DISPUTES, the loss finance sees. */
export const disputeWon = (o: ObligationFacts, d: DisputeFacts): Posting => disputePosting(o, d, true);

export type PayoutFacts = {
  payoutId: string;
  balanceTransactionId: string | null;
  amountMinor: number;
  currency: string;
  on: string;
};

/** A payout reaching the bank moves the money out of Stripe; one that failed after being paid is reversed. */
function payoutPosting(p: PayoutFacts, failed: boolean): Posting {
  const arrival = [debit('BANK', p.amountMinor), credit('CASH_IN_TRANSIT', p.amountMinor)];
  return {
    idempotencyKey: `payout-${failed ? 'failed' : 'paid'}:${p.payoutId}`,
    effectiveDate: p.on,
    cause: { kind: 'PAYOUT', id: p.payoutId },
    memo: failed ? 'Payout returned by the bank' : 'Payout to the platform’s bank',
    currency: p.currency,
    lines: failed ? mirrored(arrival) : arrival,
    stripeIds: [p.payoutId, ...(p.balanceTransactionId ? [p.balanceTransactionId] : [])],
  };
}

export const payoutPaid = (p: PayoutFacts): Posting => payoutPosting(p, false);
export const payoutFailed = (p: PayoutFacts): Posting => payoutPosting(p, true);

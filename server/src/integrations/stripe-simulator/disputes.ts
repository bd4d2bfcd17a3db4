import { recordBalanceTransaction } from './balance';
import type { Dispute } from './stripe-objects.types';
import type { SimulatorStore } from './store';

export type DisputeOptions = { reason?: string; amount?: number };

const SECONDS_PER_DAY = 86_400;

/**
 * A cardholder disputes a succeeded charge (control call; Stripe does it when the bank tells it). The disputed
 * amount and the dispute fee leave the platform's balance at once, in one `adjustment` balance transaction
 * (amount −disputed, fee = dispute fee, net −(disputed + fee)). Transfers to connected accounts are not reversed:
 * on destination charges the platform carries the dispute, as on Stripe.
 */
export function createDispute(
  store: SimulatorStore,
  chargeId: string,
  options: DisputeOptions = {},
): Dispute {
  const charge = store.getOrThrow('charge', chargeId, 'charge');
  if (charge.status !== 'succeeded')
    throw new Error(`Charge ${charge.id} is ${charge.status}: it cannot be disputed`);
  if (charge.disputed) throw new Error(`Charge ${charge.id} is already disputed`);
  const amount = options.amount ?? charge.amount;
  const disputeId = store.nextId('dp');
  const withdrawal = recordBalanceTransaction(store, {
    type: 'adjustment',
    amount: -amount,
    currency: charge.currency,
    source: disputeId,
    fee: { amount: store.fees.disputeFee(charge.currency), description: 'Dispute fee' },
    description: `Chargeback withdrawal for ${charge.id}`,
  });
  const created = store.now();
  const dispute = store.insert<Dispute>({
    id: disputeId,
    object: 'dispute',
    created,
    livemode: false,
    amount,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    reason: options.reason ?? 'fraudulent',
    status: 'needs_response',
    is_charge_refundable: false,
    balance_transactions: [withdrawal],
    evidence_details: {
      due_by: created + 7 * SECONDS_PER_DAY,
      has_evidence: false,
      past_due: false,
      submission_count: 0,
    },
    metadata: {},
  });
  charge.disputed = true;
  store.emit('charge.dispute.created', dispute);
  store.emit('charge.dispute.funds_withdrawn', dispute);
  return dispute;
}

/**
 * The bank decides (control call). Won: an `adjustment` gives the disputed amount back, and the dispute fee too when
 * the fee rule says so (amount +disputed, fee −dispute fee, net +(disputed + fee)). Lost: the money stays gone.
 */
export function closeDispute(store: SimulatorStore, disputeId: string, outcome: 'won' | 'lost'): Dispute {
  const dispute = store.getOrThrow('dispute', disputeId, 'dispute');
  if (dispute.status !== 'needs_response')
    throw new Error(`Dispute ${dispute.id} is already ${dispute.status}`);
  dispute.status = outcome;
  if (outcome === 'won') {
    const fee = store.fees.disputeFeeReturnedWhenWon ? store.fees.disputeFee(dispute.currency) : 0;
    const reinstatement = recordBalanceTransaction(store, {
      type: 'adjustment',
      amount: dispute.amount,
      currency: dispute.currency,
      source: dispute.id,
      ...(fee > 0 ? { fee: { amount: -fee, description: 'Dispute fee refund' } } : {}),
      description: `Chargeback reversal for ${dispute.charge}`,
    });
    dispute.balance_transactions.push(reinstatement);
    store.emit('charge.dispute.funds_reinstated', dispute);
  }
  store.emit('charge.dispute.closed', dispute);
  return dispute;
}

import { recordBalanceTransaction } from './balance';
import { invalidRequest } from './errors';
import { divideRoundHalfUp } from './fees';
import type { Params } from './params';
import type { Charge, FeeRefund, Refund, TransferReversal } from './stripe-objects.types';
import type { SimulatorStore } from './store';

/**
 * Refunds of succeeded charges, whole or partial. The platform pays the refund (`refund` balance transaction).
 * `reverse_transfer` pulls the connected account's share back in proportion (all of what is left on the last
 * refund), as a `transfer_refund` balance transaction. `refund_application_fee` records a fee refund (`fr_`) in
 * proportion; on destination charges it moves no money of its own (the fee never left the platform).
 * Stripe's processing fee is not returned.
 */
export function createRefund(store: SimulatorStore, params: Params): Refund {
  const charge = chargeToRefund(store, params);
  const remaining = charge.amount - charge.amount_refunded;
  if (remaining === 0) {
    throw invalidRequest(`Charge ${charge.id} has already been refunded.`, {
      code: 'charge_already_refunded',
    });
  }
  const amount = params.integer('amount') ?? remaining;
  if (amount < 1) throw invalidRequest('This value must be greater than or equal to 1.', { param: 'amount' });
  if (amount > remaining) {
    throw invalidRequest(
      `Refund amount (${amount}) is greater than unrefunded amount on charge (${remaining})`,
      { param: 'amount', code: 'amount_too_large' },
    );
  }
  const reverseTransfer = params.boolean('reverse_transfer');
  if (reverseTransfer && !charge.transfer) {
    throw invalidRequest('This charge has no transfer to reverse.', { param: 'reverse_transfer' });
  }
  const fullyRefunded = amount === remaining;
  const refundId = store.nextId('re');
  const transaction = recordBalanceTransaction(store, {
    type: 'refund',
    amount: -amount,
    currency: charge.currency,
    source: refundId,
    description: 'REFUND FOR CHARGE',
  });
  const refund = store.insert<Refund>({
    id: refundId,
    object: 'refund',
    created: store.now(),
    livemode: false,
    amount,
    currency: charge.currency,
    charge: charge.id,
    payment_intent: charge.payment_intent,
    balance_transaction: transaction.id,
    reason: params.string('reason') ?? null,
    status: 'succeeded',
    transfer_reversal: null,
    metadata: params.metadata(),
  });
  charge.amount_refunded += amount;
  charge.refunded = charge.amount_refunded === charge.amount;
  if (reverseTransfer) refund.transfer_reversal = reverseTransferFor(store, charge, refund, fullyRefunded);
  if (params.boolean('refund_application_fee')) refundApplicationFee(store, charge, amount, fullyRefunded);
  store.emit('refund.created', refund);
  store.emit('charge.refunded', charge);
  return refund;
}

function chargeToRefund(store: SimulatorStore, params: Params): Charge {
  const chargeId = params.string('charge');
  const paymentIntentId = params.string('payment_intent');
  let charge: Charge | undefined;
  if (chargeId) {
    charge = store.getOrThrow('charge', chargeId, 'charge', 'charge');
  } else if (paymentIntentId) {
    const intent = store.getOrThrow('payment_intent', paymentIntentId, 'payment_intent', 'payment_intent');
    charge = intent.latest_charge ? store.get('charge', intent.latest_charge) : undefined;
    if (!charge || charge.status !== 'succeeded') {
      throw invalidRequest(`This PaymentIntent (${intent.id}) does not have a successful charge to refund.`, {
        param: 'payment_intent',
        code: 'charge_not_refundable',
      });
    }
  } else {
    throw invalidRequest(
      'One of the following params should be provided for this request: payment_intent or charge.',
    );
  }
  if (charge.status !== 'succeeded') {
    throw invalidRequest(`Charge ${charge.id} cannot be refunded: it has a status of ${charge.status}.`, {
      code: 'charge_not_refundable',
    });
  }
  if (charge.disputed) {
    throw invalidRequest(`Charge ${charge.id} has been charged back; cannot issue a refund.`, {
      code: 'charge_disputed',
    });
  }
  return charge;
}

function reverseTransferFor(store: SimulatorStore, charge: Charge, refund: Refund, full: boolean): string {
  const transfer = store.getOrThrow('transfer', charge.transfer ?? '', 'transfer');
  const left = transfer.amount - transfer.amount_reversed;
  const amount = full
    ? left
    : Math.min(left, divideRoundHalfUp(transfer.amount * refund.amount, charge.amount));
  const reversalId = store.nextId('trr');
  const transaction = recordBalanceTransaction(store, {
    type: 'transfer_refund',
    amount,
    currency: transfer.currency,
    source: reversalId,
  });
  const reversal = store.insert<TransferReversal>({
    id: reversalId,
    object: 'transfer_reversal',
    created: store.now(),
    livemode: false,
    amount,
    currency: transfer.currency,
    transfer: transfer.id,
    balance_transaction: transaction.id,
    source_refund: refund.id,
    destination_payment_refund: store.nextId('pyr'),
    metadata: {},
  });
  transfer.amount_reversed += amount;
  transfer.reversed = transfer.amount_reversed === transfer.amount;
  transfer.reversals.data.push(reversal.id);
  transfer.reversals.total_count = transfer.reversals.data.length;
  store.emit('transfer.reversed', transfer);
  return reversal.id;
}

function refundApplicationFee(store: SimulatorStore, charge: Charge, refunded: number, full: boolean): void {
  const fee = charge.application_fee ? store.get('application_fee', charge.application_fee) : undefined;
  if (!fee) return;
  const left = fee.amount - fee.amount_refunded;
  const amount = full ? left : Math.min(left, divideRoundHalfUp(fee.amount * refunded, charge.amount));
  if (amount === 0) return;
  const feeRefund = store.insert<FeeRefund>({
    id: store.nextId('fr'),
    object: 'fee_refund',
    created: store.now(),
    livemode: false,
    amount,
    currency: fee.currency,
    fee: fee.id,
    balance_transaction: null,
    metadata: {},
  });
  fee.amount_refunded += amount;
  fee.refunded = fee.amount_refunded === fee.amount;
  fee.refunds.data.push(feeRefund.id);
  fee.refunds.total_count = fee.refunds.data.length;
  store.emit('application_fee.refunded', fee);
}

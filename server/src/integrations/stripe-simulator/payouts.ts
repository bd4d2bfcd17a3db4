import { recordBalanceTransaction } from './balance';
import type { Payout } from './stripe-objects.types';
import type { SimulatorStore } from './store';

const SECONDS_PER_DAY = 86_400;

export type PayoutFailureCode = 'account_closed' | 'no_account' | 'insufficient_funds' | 'could_not_process';

const FAILURE_MESSAGES: { [code in PayoutFailureCode]: string } = {
  account_closed: 'The bank account has been closed.',
  no_account:
    'The bank account details on file are probably incorrect. No bank account could be located with those details.',
  insufficient_funds: 'Your Stripe account has insufficient funds to cover the payout.',
  could_not_process: 'The bank could not process this payout.',
};

/**
 * Stripe's automatic payouts (control call): for each currency, every available balance transaction not yet paid
 * out is swept into one payout, when they add up to more than zero. The swept transactions and the payout's own
 * `payout` transaction are what `GET /v1/balance_transactions?payout=po_…` lists, as Stripe does for automatic
 * payouts, so a payout can be reconciled line by line.
 */
export function createPayouts(store: SimulatorStore, options: { currency?: string } = {}): Payout[] {
  const unswept = new Map<string, string[]>();
  const totals = new Map<string, number>();
  for (const transaction of store.all('balance_transaction')) {
    if (store.payoutOfTransaction.has(transaction.id)) continue;
    if (store.transactionStatus(transaction) !== 'available') continue;
    if (options.currency && transaction.currency !== options.currency) continue;
    unswept.set(transaction.currency, [...(unswept.get(transaction.currency) ?? []), transaction.id]);
    totals.set(transaction.currency, (totals.get(transaction.currency) ?? 0) + transaction.net);
  }
  const payouts: Payout[] = [];
  for (const [currency, amount] of totals) {
    if (amount <= 0) continue;
    const payoutId = store.nextId('po');
    const transaction = recordBalanceTransaction(store, {
      type: 'payout',
      amount: -amount,
      currency,
      source: payoutId,
      description: 'STRIPE PAYOUT',
    });
    const created = store.now();
    const payout = store.insert<Payout>({
      id: payoutId,
      object: 'payout',
      created,
      livemode: false,
      amount,
      currency,
      arrival_date: created + 2 * SECONDS_PER_DAY,
      automatic: true,
      balance_transaction: transaction.id,
      description: 'STRIPE PAYOUT',
      destination: 'ba_usefirstsimulator',
      failure_balance_transaction: null,
      failure_code: null,
      failure_message: null,
      method: 'standard',
      reconciliation_status: 'completed',
      source_type: 'card',
      statement_descriptor: null,
      status: 'pending',
      type: 'bank_account',
      metadata: {},
    });
    for (const id of [...(unswept.get(currency) ?? []), transaction.id])
      store.payoutOfTransaction.set(id, payoutId);
    store.emit('payout.created', payout);
    payouts.push(payout);
  }
  return payouts;
}

/**
 * The bank's answer (control call). A failed payout gives the money back with a `payout_failure` balance
 * transaction, which the next payout sweeps again.
 */
export function settlePayout(
  store: SimulatorStore,
  payoutId: string,
  outcome: 'paid' | 'failed',
  failureCode: PayoutFailureCode = 'account_closed',
): Payout {
  const payout = store.getOrThrow('payout', payoutId, 'payout');
  if (payout.status !== 'pending') throw new Error(`Payout ${payout.id} is already ${payout.status}`);
  if (outcome === 'paid') {
    payout.status = 'paid';
    store.emit('payout.paid', payout);
    return payout;
  }
  const transaction = recordBalanceTransaction(store, {
    type: 'payout_failure',
    amount: payout.amount,
    currency: payout.currency,
    source: payout.id,
    description: 'STRIPE PAYOUT FAILURE',
  });
  payout.status = 'failed';
  payout.failure_balance_transaction = transaction.id;
  payout.failure_code = failureCode;
  payout.failure_message = FAILURE_MESSAGES[failureCode];
  store.emit('payout.failed', payout);
  return payout;
}

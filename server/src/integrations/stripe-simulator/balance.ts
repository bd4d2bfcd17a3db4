import type { BalanceTransaction, BalanceTransactionType, FeeDetail } from './stripe-objects.types';
import type { SimulatorStore } from './store';

const REPORTING_CATEGORY: { [type in BalanceTransactionType]: string } = {
  charge: 'charge',
  refund: 'refund',
  transfer: 'transfer',
  transfer_refund: 'transfer_reversal',
  adjustment: 'dispute',
  payout: 'payout',
  payout_failure: 'payout_reversal',
};

/** One movement of the platform's balance; `net = amount − fee`, as on every Stripe balance transaction. */
export function recordBalanceTransaction(
  store: SimulatorStore,
  entry: {
    type: BalanceTransactionType;
    amount: number;
    currency: string;
    source: string;
    fee?: { amount: number; description: string };
    description?: string | null;
    /** Charges wait `availabilityDelaySeconds`; money leaving or coming back is available at once. */
    delayed?: boolean;
  },
): BalanceTransaction {
  const created = store.now();
  const fee = entry.fee?.amount ?? 0;
  const feeDetails: FeeDetail[] = entry.fee
    ? [
        {
          amount: entry.fee.amount,
          application: null,
          currency: entry.currency,
          description: entry.fee.description,
          type: 'stripe_fee',
        },
      ]
    : [];
  const availableOn = created + (entry.delayed ? store.options.availabilityDelaySeconds : 0);
  return store.insert<BalanceTransaction>({
    id: store.nextId('txn'),
    object: 'balance_transaction',
    created,
    livemode: false,
    amount: entry.amount,
    currency: entry.currency,
    fee,
    fee_details: feeDetails,
    net: entry.amount - fee,
    type: entry.type,
    reporting_category: REPORTING_CATEGORY[entry.type],
    source: entry.source,
    description: entry.description ?? null,
    available_on: availableOn,
    status: availableOn <= created ? 'available' : 'pending',
    exchange_rate: null,
  });
}

export type BalanceAmounts = { [currency: string]: number };
export type PlatformBalance = { available: BalanceAmounts; pending: BalanceAmounts };

/** The platform's balance per currency: the sum of the nets of its balance transactions, split by availability. */
export function platformBalance(store: SimulatorStore): PlatformBalance {
  const balance: PlatformBalance = { available: {}, pending: {} };
  for (const transaction of store.all('balance_transaction')) {
    const side = balance[store.transactionStatus(transaction)];
    side[transaction.currency] = (side[transaction.currency] ?? 0) + transaction.net;
    const other = store.transactionStatus(transaction) === 'available' ? balance.pending : balance.available;
    other[transaction.currency] ??= 0;
  }
  return balance;
}

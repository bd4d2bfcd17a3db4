import { recordBalanceTransaction } from './balance';
import type { ApplicationFee, Charge, PaymentIntent, Transfer } from './stripe-objects.types';
import type { SimulatorStore } from './store';

/**
 * The money of a succeeded payment, on the platform's balance. A destination charge
 * (`transfer_data[destination]`) moves the whole amount through the platform:
 *
 *   charge      +amount, fee = Stripe's processing fee (fees.ts), net = amount − fee
 *   transfer    −(amount − application_fee_amount) to the connected account
 *
 * so the platform keeps `application_fee_amount − Stripe's fee`. The application fee object (`fee_`) records the
 * platform's share; on destination charges it has no balance transaction of its own, since the money never left
 * the platform. The caller emits the events, once the charge is complete.
 */
export function recordSucceededPayment(
  store: SimulatorStore,
  intent: PaymentIntent,
  charge: Charge,
): { transfer?: Transfer; applicationFee?: ApplicationFee } {
  const fee = store.fees.processingFee({ amount: charge.amount, currency: charge.currency });
  const chargeTransaction = recordBalanceTransaction(store, {
    type: 'charge',
    amount: charge.amount,
    currency: charge.currency,
    source: charge.id,
    fee: { amount: fee, description: 'Stripe processing fees' },
    description: charge.description,
    delayed: true,
  });
  charge.balance_transaction = chargeTransaction.id;
  const destination = intent.transfer_data?.destination;
  if (!destination) return {};

  intent.transfer_group ??= `group_${intent.id}`;
  charge.transfer_group = intent.transfer_group;
  const applicationFeeAmount = intent.application_fee_amount ?? 0;
  const transferId = store.nextId('tr');
  const transferTransaction = recordBalanceTransaction(store, {
    type: 'transfer',
    amount: -(charge.amount - applicationFeeAmount),
    currency: charge.currency,
    source: transferId,
    delayed: true,
  });
  const transfer = store.insert<Transfer>({
    id: transferId,
    object: 'transfer',
    created: store.now(),
    livemode: false,
    amount: charge.amount - applicationFeeAmount,
    amount_reversed: 0,
    currency: charge.currency,
    destination,
    destination_payment: store.nextId('py'),
    source_transaction: charge.id,
    balance_transaction: transferTransaction.id,
    reversed: false,
    reversals: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/transfers/${transferId}/reversals`,
    },
    transfer_group: intent.transfer_group,
    description: null,
    metadata: {},
  });
  charge.transfer = transfer.id;
  if (intent.application_fee_amount === null) return { transfer };

  const feeId = store.nextId('fee');
  const applicationFee = store.insert<ApplicationFee>({
    id: feeId,
    object: 'application_fee',
    created: store.now(),
    livemode: false,
    account: destination,
    amount: applicationFeeAmount,
    amount_refunded: 0,
    currency: charge.currency,
    charge: charge.id,
    application: 'ca_usefirstsimulator',
    balance_transaction: null,
    originating_transaction: null,
    refunded: false,
    refunds: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: `/v1/application_fees/${feeId}/refunds`,
    },
  });
  charge.application_fee = applicationFee.id;
  return { transfer, applicationFee };
}

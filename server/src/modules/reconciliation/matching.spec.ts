import { indexEntries, matchBalanceTransaction, type EntryFacts } from './matching';

const entry = (
  id: string,
  key: string,
  cashNetMinor: number,
  stripeIds: string[],
  currency = 'CNY',
): EntryFacts => ({
  id,
  idempotencyKey: key,
  currency,
  cashNetMinor,
  stripeIds,
});

// A ¥1,000.00 payment: Stripe's fee 2.9 % + ¥0.30 = 2,930 fen; our fee 2.5 % = 2,500 fen; licensor 97,500 fen.
const ledger = indexEntries([
  entry('e1', 'payment:pi_1', 100_000, ['pi_1', 'ch_1', 'txn_ch1']),
  entry('e2', 'platform-fee:pi_1', 0, ['pi_1', 'ch_1', 'txn_ch1']),
  entry('e3', 'stripe-fee:txn_ch1', -2_930, ['pi_1', 'ch_1', 'txn_ch1']),
  entry('e4', 'transfer:pi_1', -97_500, ['tr_1', 'pi_1']),
  entry('e5', 'payout-paid:po_1', -50_000, ['po_1', 'txn_po1']),
]);
const noPayouts = () => null;

describe('matching balance transactions to the ledger', () => {
  it('matches a charge to its payment, fee and Stripe-fee entries: net 100,000 − 2,930 = 97,070', () => {
    expect(
      matchBalanceTransaction(
        { id: 'txn_ch1', type: 'charge', source: 'ch_1', netMinor: 97_070, currency: 'CNY' },
        ledger,
        noPayouts,
      ),
    ).toEqual({ status: 'MATCHED', entryIds: ['e1', 'e2', 'e3'] });
  });

  it('matches a transfer by its source, and only the transfer entry', () => {
    expect(
      matchBalanceTransaction(
        { id: 'txn_tr1', type: 'transfer', source: 'tr_1', netMinor: -97_500, currency: 'CNY' },
        ledger,
        noPayouts,
      ),
    ).toEqual({ status: 'MATCHED', entryIds: ['e4'] });
  });

  it('reports a different amount, a different currency, and a missing entry', () => {
    expect(
      matchBalanceTransaction(
        { id: 'txn_tr1', type: 'transfer', source: 'tr_1', netMinor: -97_000, currency: 'CNY' },
        ledger,
        noPayouts,
      ),
    ).toMatchObject({
      status: 'EXCEPTION',
      reason: 'AMOUNT_MISMATCH',
      expectedMinor: -97_000,
      actualMinor: -97_500,
    });
    expect(
      matchBalanceTransaction(
        { id: 'txn_tr1', type: 'transfer', source: 'tr_1', netMinor: -97_500, currency: 'USD' },
        ledger,
        noPayouts,
      ),
    ).toMatchObject({ status: 'EXCEPTION', reason: 'CURRENCY_MISMATCH' });
    expect(
      matchBalanceTransaction(
        { id: 'txn_x', type: 'charge', source: 'ch_9', netMinor: 100, currency: 'CNY' },
        ledger,
        noPayouts,
      ),
    ).toMatchObject({ status: 'EXCEPTION', reason: 'MISSING_IN_LEDGER', expectedMinor: 100 });
  });

  it('waits for a payout in transit and lets a payout that failed before arriving cancel out', () => {
    const bt = { id: 'txn_po2', type: 'payout', source: 'po_2', netMinor: -10_000, currency: 'CNY' };
    expect(matchBalanceTransaction(bt, ledger, () => 'in_transit')).toMatchObject({ status: 'PENDING' });
    expect(matchBalanceTransaction(bt, ledger, () => 'failed')).toEqual({ status: 'MATCHED', entryIds: [] });
    expect(matchBalanceTransaction(bt, ledger, () => 'paid')).toMatchObject({ reason: 'MISSING_IN_LEDGER' });
  });
});

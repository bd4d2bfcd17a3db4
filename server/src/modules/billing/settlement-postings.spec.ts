import {
  disputeOpened,
  disputeWon,
  payoutFailed,
  payoutPaid,
  paymentSucceeded,
  refund,
} from './settlement-postings';

const obligation = {
  obligationId: 'o1',
  obligationKey: 'UPFRONT',
  kind: 'UPFRONT',
  contractId: 'c1',
  licenseeId: 'sme',
  licensorId: 'uni',
  currency: 'CNY',
};
const net = (lines: { account: string; debitMinor: number; creditMinor: number }[], account: string) =>
  lines.filter((l) => l.account === account).reduce((sum, l) => sum + l.debitMinor - l.creditMinor, 0);

describe('settlement postings', () => {
  it('posts a ¥1,000.00 payment: 5 % fee 5,000, Stripe’s fee 3,200, licensor 95,000 (fen)', () => {
    const entries = paymentSucceeded(obligation, {
      paymentIntentId: 'pi_1',
      chargeId: 'ch_1',
      balanceTransactionId: 'txn_1',
      transferId: 'tr_1',
      amountMinor: 100_000,
      platformFeeMinor: 5_000,
      stripeFeeMinor: 3_200,
      paidOn: '2027-03-01',
    });
    expect(entries.map((e) => e.idempotencyKey)).toEqual([
      'payment:pi_1',
      'platform-fee:pi_1',
      'stripe-fee:txn_1',
      'transfer:pi_1',
    ]);
    const lines = entries.flatMap((e) => e.lines);
    for (const e of entries)
      expect(
        net(e.lines, 'RECEIVABLE') +
          net(e.lines, 'CASH_IN_TRANSIT') +
          net(e.lines, 'LICENSOR_PAYABLE') +
          net(e.lines, 'PLATFORM_FEE_REVENUE') +
          net(e.lines, 'STRIPE_FEES'),
      ).toBe(0);
    expect(net(lines, 'RECEIVABLE')).toBe(-100_000);
    // Stripe keeps 3,200 and the licensor gets 95,000: 1,800 stays with us, our fee less Stripe's.
    expect(net(lines, 'CASH_IN_TRANSIT')).toBe(100_000 - 3_200 - 95_000);
    expect(net(lines, 'LICENSOR_PAYABLE')).toBe(100_000);
    expect(net(lines, 'PLATFORM_FEE_REVENUE')).toBe(-5_000);
  });

  it('unwinds a refund of 40,000: 38,000 back from the licensor, 2,000 of our fee given up', () => {
    const [paid, recovered] = refund(obligation, {
      refundId: 're_1',
      balanceTransactionId: 'txn_re',
      paymentIntentId: 'pi_1',
      amountMinor: 40_000,
      transferReversalId: 'trr_1',
      transferReversalBalanceTransactionId: 'txn_trr',
      recoveredFromLicensorMinor: 38_000,
      refundedPlatformFeeMinor: 2_000,
      refundedOn: '2027-03-05',
    });
    expect(net(paid.lines, 'CASH_IN_TRANSIT')).toBe(-40_000);
    expect(net(recovered.lines, 'CASH_IN_TRANSIT')).toBe(38_000);
    expect(net([...paid.lines, ...recovered.lines], 'REFUNDS')).toBe(0);
    expect(recovered.stripeIds).toContain('txn_trr');
  });

  it('mirrors a dispute won and a payout returned, each under its own key and balance transaction', () => {
    const dispute = {
      disputeId: 'dp_1',
      balanceTransactionIds: ['txn_a', 'txn_b'],
      amountMinor: 100_000,
      feeMinor: 1_500,
      on: '2027-04-01',
    };
    const opened = disputeOpened(obligation, dispute);
    const won = disputeWon(obligation, dispute);
    expect(net(opened.lines, 'CASH_IN_TRANSIT')).toBe(-101_500);
    expect(net(won.lines, 'CASH_IN_TRANSIT')).toBe(101_500);
    expect([opened.stripeIds, won.stripeIds]).toEqual([
      ['dp_1', 'txn_a'],
      ['dp_1', 'txn_b'],
    ]);
    const payout = {
      payoutId: 'po_1',
      balanceTransactionId: 'txn_po',
      amountMinor: 50_000,
      currency: 'CNY',
      on: '2027-04-02',
    };
    expect(net(payoutPaid(payout).lines, 'BANK')).toBe(50_000);
    expect(net(payoutFailed(payout).lines, 'BANK')).toBe(-50_000);
    expect(payoutFailed(payout).idempotencyKey).toBe('payout-failed:po_1');
  });
});

import { fromStripeAmount, toStripeAmount } from './stripe-amount';

describe('amounts sent to Stripe', () => {
  it('passes two-decimal currencies through: ¥1,234.56 is 123456 fen at Stripe too', () => {
    expect(toStripeAmount(123_456, 'CNY')).toBe(123_456);
    expect(toStripeAmount(1_999, 'USD')).toBe(1_999);
    expect(toStripeAmount(50, 'EUR')).toBe(50);
  });

  it('passes zero-decimal currencies through as whole units: ¥500 JPY is 500', () => {
    expect(toStripeAmount(500, 'JPY')).toBe(500);
    expect(toStripeAmount(10_000, 'KRW')).toBe(10_000);
  });

  it('sends ISK with two decimals, as Stripe’s API wants: ISK 100 is 10000, and back', () => {
    expect(toStripeAmount(100, 'ISK')).toBe(10_000);
    expect(fromStripeAmount(10_000, 'ISK')).toBe(100);
    expect(() => fromStripeAmount(10_050, 'ISK')).toThrow(/fraction/);
  });

  it('accepts three-decimal amounts only in whole hundredths: 1.230 KWD yes, 1.234 KWD no', () => {
    expect(toStripeAmount(1_230, 'KWD')).toBe(1_230);
    expect(() => toStripeAmount(1_234, 'KWD')).toThrow(/whole hundredths/);
  });

  it('refuses fractions and negatives rather than round them', () => {
    expect(() => toStripeAmount(10.5, 'USD')).toThrow();
    expect(() => toStripeAmount(-1, 'USD')).toThrow();
  });
});

import type { CalendarDate } from '../../common/calendar-date';
import { attemptIdempotencyKey, classifyDecline, nextRetryDate, splitPayment } from './settlement-rules';

describe('the platform fee', () => {
  it('rounds half up to the fen and leaves the licensor exactly the rest', () => {
    // 33,333 fen × 2.5 % = 833.325 → 833; 33,340 × 2.5 % = 833.5 → 834 (the half goes up).
    expect(splitPayment(33_333, 250)).toEqual({ feeMinor: 833, licensorMinor: 32_500 });
    expect(splitPayment(33_340, 250)).toEqual({ feeMinor: 834, licensorMinor: 32_506 });
    // 10 fen × 2.5 % = 0.25 → 0: the licensor gets it all.
    expect(splitPayment(10, 250)).toEqual({ feeMinor: 0, licensorMinor: 10 });
    expect(splitPayment(10_000_000, 0)).toEqual({ feeMinor: 0, licensorMinor: 10_000_000 });
  });
});

describe('declines and retries', () => {
  it('stops at a lost, stolen or fraudulent card and retries what may pass later', () => {
    expect(classifyDecline('lost_card')).toBe('HARD');
    expect(classifyDecline('stolen_card')).toBe('HARD');
    expect(classifyDecline('fraudulent')).toBe('HARD');
    expect(classifyDecline(null, 'expired_card')).toBe('HARD');
    expect(classifyDecline('insufficient_funds')).toBe('SOFT');
    expect(classifyDecline('generic_decline')).toBe('SOFT');
    expect(classifyDecline(undefined)).toBe('SOFT');
  });

  it('retries one, three and seven days after the first try, then waits for the licensee', () => {
    const first = '2027-01-31' as CalendarDate;
    expect(nextRetryDate(first, 1)).toBe('2027-02-01');
    expect(nextRetryDate(first, 2)).toBe('2027-02-03');
    expect(nextRetryDate(first, 3)).toBe('2027-02-07');
    expect(nextRetryDate(first, 4)).toBeNull();
  });

  it('derives the idempotency key from our own ids only', () => {
    expect(attemptIdempotencyKey('65a1', 2)).toBe('usefirst-obligation-65a1-attempt-2');
  });
});

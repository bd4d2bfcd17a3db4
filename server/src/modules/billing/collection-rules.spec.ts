import type { CalendarDate } from '../../common/calendar-date';
import { nextAttempt, type AttemptFacts } from './collection-rules';

const day = (d: string) => d as CalendarDate;
const declined = (n: number, kind: 'SOFT' | 'HARD', first = '2027-03-31', pm = 'pm_a'): AttemptFacts => ({
  attemptNumber: n,
  status: 'DECLINED',
  declineKind: kind,
  firstAttemptOn: first,
  paymentMethodId: pm,
});

describe('when to try collecting an obligation', () => {
  it('charges at once when nothing was tried', () => {
    expect(nextAttempt([], day('2027-03-31'), 'pm_a', 'BILLING_RUN')).toEqual({
      kind: 'CHARGE',
      attemptNumber: 1,
      firstAttemptOn: '2027-03-31',
    });
  });

  it('never starts a second attempt while one is pending, processing or unknown', () => {
    for (const status of ['STARTED', 'UNKNOWN', 'PROCESSING'] as const) {
      const attempts = [{ ...declined(1, 'SOFT'), status, declineKind: null }];
      expect(nextAttempt(attempts, day('2027-05-01'), 'pm_a', 'PAY_NOW')).toEqual({
        kind: 'WAIT',
        reason: 'IN_FLIGHT',
      });
      // Not even with a new card: the first may still succeed.
      expect(nextAttempt(attempts, day('2027-05-01'), 'pm_b', 'PAY_NOW')).toEqual({
        kind: 'WAIT',
        reason: 'IN_FLIGHT',
      });
    }
  });

  it('retries a soft decline one, three and seven days after the first try (31 March → 1, 3 and 7 April)', () => {
    const one = [declined(1, 'SOFT')];
    expect(nextAttempt(one, day('2027-03-31'), 'pm_a', 'BILLING_RUN')).toEqual({
      kind: 'WAIT',
      reason: 'RETRY_SCHEDULED',
      retryOn: '2027-04-01',
    });
    expect(nextAttempt(one, day('2027-04-01'), 'pm_a', 'BILLING_RUN')).toMatchObject({
      kind: 'CHARGE',
      attemptNumber: 2,
    });
    const two = [...one, declined(2, 'SOFT')];
    expect(nextAttempt(two, day('2027-04-02'), 'pm_a', 'BILLING_RUN')).toMatchObject({
      retryOn: '2027-04-03',
    });
    const three = [...two, declined(3, 'SOFT')];
    expect(nextAttempt(three, day('2027-04-07'), 'pm_a', 'BILLING_RUN')).toMatchObject({
      kind: 'CHARGE',
      attemptNumber: 4,
    });
    const four = [...three, declined(4, 'SOFT')];
    expect(nextAttempt(four, day('2027-06-01'), 'pm_a', 'BILLING_RUN')).toEqual({
      kind: 'WAIT',
      reason: 'RETRIES_EXHAUSTED',
    });
    // The licensee may still pay now, on the same card.
    expect(nextAttempt(four, day('2027-06-01'), 'pm_a', 'PAY_NOW')).toMatchObject({
      kind: 'CHARGE',
      attemptNumber: 5,
    });
  });

  it('stops after a hard decline until another method is saved, which starts a new cycle', () => {
    const hard = [declined(1, 'HARD')];
    expect(nextAttempt(hard, day('2027-04-10'), 'pm_a', 'PAY_NOW')).toEqual({
      kind: 'WAIT',
      reason: 'NEEDS_PAYMENT_METHOD',
    });
    expect(nextAttempt(hard, day('2027-04-10'), 'pm_b', 'BILLING_RUN')).toEqual({
      kind: 'CHARGE',
      attemptNumber: 2,
      firstAttemptOn: '2027-04-10',
    });
  });

  it('waits for the licensee to authenticate, and for nothing once paid', () => {
    const action: AttemptFacts = { ...declined(1, 'SOFT'), status: 'REQUIRES_ACTION', declineKind: null };
    expect(nextAttempt([action], day('2027-04-10'), 'pm_a', 'BILLING_RUN')).toEqual({
      kind: 'WAIT',
      reason: 'NEEDS_AUTHENTICATION',
    });
    const paid: AttemptFacts = { ...action, status: 'SUCCEEDED' };
    expect(nextAttempt([paid], day('2027-04-10'), 'pm_b', 'PAY_NOW')).toEqual({
      kind: 'WAIT',
      reason: 'PAID',
    });
  });
});

import { canPayNow, type PayableObligation } from './pay-now';

const obligation = (key: string, status: string, kind = key.split(':')[0]!): PayableObligation => ({
  key,
  kind,
  status,
});

describe('canPayNow', () => {
  it('offers it for what is due or overdue, not for what is scheduled, paid or waived', () => {
    const royalty = obligation('ROYALTY:2027-Q1', 'OVERDUE');
    expect(canPayNow(royalty, [royalty])).toBe(true);
    expect(canPayNow(obligation('UPFRONT', 'DUE'), [])).toBe(true);
    for (const status of ['SCHEDULED', 'PAID', 'WAIVED'])
      expect(canPayNow(obligation('UPFRONT', status), [])).toBe(false);
  });

  it('offers late interest only once the amount it accrues on is paid', () => {
    const interest = obligation('LATE_INTEREST:ROYALTY:2027-Q1', 'DUE');
    const unpaid = obligation('ROYALTY:2027-Q1', 'OVERDUE');
    const paid = obligation('ROYALTY:2027-Q1', 'PAID');
    const other = obligation('INSTALLMENT:2', 'OVERDUE');
    expect(canPayNow(interest, [unpaid, interest])).toBe(false);
    expect(canPayNow(interest, [paid, interest])).toBe(true);
    // Another obligation being late does not hold it back once its own parent is paid.
    expect(canPayNow(interest, [paid, other, interest])).toBe(true);
    expect(canPayNow({ ...interest, status: 'PAID' }, [paid, interest])).toBe(false);
  });

  it('without the parent on the page, waits while any other amount of the contract is open', () => {
    const interest = obligation('LATE_INTEREST:ROYALTY:2027-Q1', 'OVERDUE');
    expect(canPayNow(interest, [obligation('INSTALLMENT:2', 'DUE'), interest])).toBe(false);
    expect(canPayNow(interest, [obligation('INSTALLMENT:2', 'PAID'), interest])).toBe(true);
    expect(canPayNow(interest, [obligation('LATE_INTEREST:INSTALLMENT:2', 'DUE'), interest])).toBe(true);
  });
});

import { parseCalendarDate } from '../../common/calendar-date';
import type { PaymentPlan } from '../contracts/engine/payment-plan';
import { simulateCost } from './cost-simulation';

const effective = parseCalendarDate('2027-01-01');

// The Shaanxi-style express licence: a year free or until first revenue, then an upfront fee and 5 % of net sales.
const plan: PaymentPlan = {
  currency: 'CNY',
  termMonths: 24,
  freePeriod: { months: 12, endsOnFirstRevenue: true },
  upfrontFee: { amountMinor: 100_000_00, due: 'END_OF_FREE_PERIOD' },
  royalty: { tiers: [{ fromMinor: 0, toMinor: null, rateBps: 500 }], tierBasis: 'CUMULATIVE' },
  lateInterestBps: 0,
  reportingPeriod: 'QUARTERLY',
  reportDueDays: 30,
  graceDays: 10,
};

describe('the total-cost simulator', () => {
  it('starts paying at first revenue: upfront fee, then 5 % of each quarter with its report', () => {
    // No sales for six months, then ¥10,000.00 a month.
    const sales = [0, 0, 0, 0, 0, 0, ...Array(18).fill(10_000_00)];
    const result = simulateCost(plan, effective, sales);
    expect(result.freePeriodEndsOn).toBe('2027-07-01');
    const paid = result.months
      .filter((m) => m.totalMinor > 0)
      .map((m) => [m.month, m.startsOn, m.payments.map((p) => `${p.kind} ${p.amountMinor} ${p.dueDate}`)]);
    // Each full quarter: 3 × 1,000,000 × 5 % = 150,000 minor (¥1,500.00), due 30 days after the quarter ends.
    expect(paid).toEqual([
      [7, '2027-07-01', ['UPFRONT 10000000 2027-07-01']],
      [10, '2027-10-01', ['ROYALTY 150000 2027-10-30']],
      [13, '2028-01-01', ['ROYALTY 150000 2028-01-30']],
      [16, '2028-04-01', ['ROYALTY 150000 2028-04-30']],
      [19, '2028-07-01', ['ROYALTY 150000 2028-07-30']],
      [22, '2028-10-01', ['ROYALTY 150000 2028-10-30']],
      [25, '2029-01-01', ['ROYALTY 150000 2029-01-30']],
    ]);
    // 10,000,000 + 6 × 150,000 = 10,900,000
    expect(result.totalMinor).toBe(10_900_000);
    expect(result.months).toHaveLength(25);
  });

  it('charges nothing but the deferred fee when the SME never sells, and tops up the minimum royalty', () => {
    const withMinimum: PaymentPlan = {
      ...plan,
      minimumAnnualRoyalty: { amountMinor: 50_000_00, fromContractYear: 2 },
    };
    const result = simulateCost(withMinimum, effective, []);
    // Free for the full year; the fee falls due on 2028-01-01; year 2 earns nothing, so the minimum ¥50,000.00 is
    // owed at its end (2028-12-31) + 30 days = 2029-01-30.
    expect(
      result.months
        .filter((m) => m.totalMinor > 0)
        .map((m) => m.payments.map((p) => `${p.kind} ${p.amountMinor} ${p.dueDate}`)),
    ).toEqual([['UPFRONT 10000000 2028-01-01'], ['MINIMUM_ROYALTY_TRUE_UP 5000000 2029-01-30']]);
    expect(result.totalMinor).toBe(15_000_000);
  });

  it('places milestones it can foresee and names the ones it cannot', () => {
    const withMilestones: PaymentPlan = {
      ...plan,
      royalty: null,
      upfrontFee: null,
      milestones: [
        {
          key: 'first-sale',
          name: 'First sale',
          amountMinor: 20_000_00,
          trigger: 'FIRST_COMMERCIAL_SALE',
          dueDaysAfterEvent: 30,
        },
        {
          key: 'million',
          name: '¥1m sold',
          amountMinor: 30_000_00,
          trigger: 'CUMULATIVE_NET_SALES',
          thresholdMinor: 100_000_000,
          dueDaysAfterEvent: 0,
        },
        {
          key: 'nmpa',
          name: 'NMPA approval',
          amountMinor: 40_000_00,
          trigger: 'REGULATORY_APPROVAL',
          dueDaysAfterEvent: 60,
        },
      ],
    };
    // ¥400,000.00 a month from month 3 (2027-03-01): the first sale is due 30 days later, 2027-03-31; cumulative
    // sales reach ¥1,000,000 in month 5 (3 × 400,000 = 1,200,000), due that day, 2027-05-01.
    const result = simulateCost(withMilestones, effective, [0, 0, 40_000_000, 40_000_000, 40_000_000]);
    expect(result.months.flatMap((m) => m.payments.map((p) => `${p.label} ${p.dueDate}`))).toEqual([
      'MILESTONE:first-sale 2027-03-31',
      'MILESTONE:million 2027-05-01',
    ]);
    expect(result.notSimulated).toEqual(['NMPA approval: due 60 days after regulatory approval']);
    expect(result.totalMinor).toBe(5_000_000);
  });
});

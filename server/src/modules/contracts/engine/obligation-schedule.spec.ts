import fc from 'fast-check';

import {
  addDays,
  calendarDate,
  type CalendarDate,
  daysBetween,
  daysInMonth,
  parseCalendarDate,
} from '../../../common/calendar-date';
import {
  exitFeeObligation,
  freePeriodEnd,
  lastDayOfTerm,
  milestoneObligationOrThrow,
  reportingPeriods,
  scheduleFixedObligations,
} from './obligation-schedule';
import type { Installments, PaymentPlan } from './payment-plan';

const d = parseCalendarDate;

/** Ten years, CNY, nothing owed: each test adds the sections it needs. */
const basePlan: PaymentPlan = {
  currency: 'CNY',
  termMonths: 120,
  lateInterestBps: 0,
  reportDueDays: 30,
  graceDays: 0,
};

function installmentPlan(installments: Installments, extra: Partial<PaymentPlan> = {}): PaymentPlan {
  return { ...basePlan, installments, ...extra };
}

function datesAndAmounts(plan: PaymentPlan, effective: string, firstRevenue?: string) {
  return scheduleFixedObligations(plan, d(effective), firstRevenue ? d(firstRevenue) : undefined).map(
    ({ key, amountMinor, dueDate }) => [key, amountMinor, dueDate],
  );
}

describe('freePeriodEnd', () => {
  const sixMonths: PaymentPlan = { ...basePlan, freePeriod: { months: 6, endsOnFirstRevenue: true } };

  it('is the first day that is no longer free', () => {
    expect(freePeriodEnd(sixMonths, d('2026-01-15'))).toBe('2026-07-15'); // free 2026-01-15 … 2026-07-14
    expect(
      freePeriodEnd({ ...basePlan, freePeriod: { months: 1, endsOnFirstRevenue: false } }, d('2026-01-31')),
    ).toBe(
      '2026-02-28', // clamped
    );
    expect(
      freePeriodEnd({ ...basePlan, freePeriod: { months: 1, endsOnFirstRevenue: false } }, d('2028-01-31')),
    ).toBe(
      '2028-02-29', // leap year
    );
  });

  it('is the effective date without a free period', () => {
    expect(freePeriodEnd(basePlan, d('2026-01-15'))).toBe('2026-01-15');
    expect(
      freePeriodEnd({ ...basePlan, freePeriod: { months: 0, endsOnFirstRevenue: true } }, d('2026-01-15')),
    ).toBe('2026-01-15');
  });

  it('ends on first revenue when the plan says so and revenue comes first', () => {
    expect(freePeriodEnd(sixMonths, d('2026-01-15'), d('2026-03-31'))).toBe('2026-03-31');
    expect(freePeriodEnd(sixMonths, d('2026-01-15'), d('2026-09-01'))).toBe('2026-07-15'); // later: full period
    expect(freePeriodEnd(sixMonths, d('2026-01-15'), d('2026-01-01'))).toBe('2026-01-15'); // before signing: no free days
    const notOnRevenue: PaymentPlan = { ...basePlan, freePeriod: { months: 6, endsOnFirstRevenue: false } };
    expect(freePeriodEnd(notOnRevenue, d('2026-01-15'), d('2026-03-31'))).toBe('2026-07-15');
  });
});

describe('lastDayOfTerm', () => {
  it('is the day before the term anniversary', () => {
    expect(lastDayOfTerm(basePlan, d('2026-01-01'))).toBe('2035-12-31');
    expect(lastDayOfTerm(basePlan, d('2026-02-15'))).toBe('2036-02-14');
    // the 10-year anniversary of 2028-02-29 is 2038-02-28 (clamped), as is the start of contract year 11
    expect(lastDayOfTerm(basePlan, d('2028-02-29'))).toBe('2038-02-27');
  });
});

describe('scheduleFixedObligations', () => {
  it('schedules monthly installments anchored on Jan 31 on every month end', () => {
    const plan = installmentPlan({
      totalMinor: 100_000,
      count: 12,
      frequency: 'MONTHLY',
      firstDue: 'AFTER_EFFECTIVE_DATE',
      remainder: 'LAST',
    });
    // 100 000 / 12 = 8333 r 4: the last four installments carry one extra fen; 8×8333 + 4×8334 = 66 664 + 33 336
    expect(datesAndAmounts(plan, '2026-01-31')).toEqual([
      ['INSTALLMENT:1', 8333, '2026-02-28'],
      ['INSTALLMENT:2', 8333, '2026-03-31'],
      ['INSTALLMENT:3', 8333, '2026-04-30'],
      ['INSTALLMENT:4', 8333, '2026-05-31'],
      ['INSTALLMENT:5', 8333, '2026-06-30'],
      ['INSTALLMENT:6', 8333, '2026-07-31'],
      ['INSTALLMENT:7', 8333, '2026-08-31'],
      ['INSTALLMENT:8', 8333, '2026-09-30'],
      ['INSTALLMENT:9', 8334, '2026-10-31'],
      ['INSTALLMENT:10', 8334, '2026-11-30'],
      ['INSTALLMENT:11', 8334, '2026-12-31'],
      ['INSTALLMENT:12', 8334, '2027-01-31'],
    ]);
  });

  it('falls on Feb 29 in a leap year and returns to the anchor day after', () => {
    const plan = installmentPlan(
      {
        totalMinor: 1001,
        count: 4,
        frequency: 'MONTHLY',
        firstDue: 'END_OF_FREE_PERIOD',
        remainder: 'FIRST',
      },
      { freePeriod: { months: 3, endsOnFirstRevenue: false } },
    );
    // free period 2027-11-30 + 3 months = 2028-02-29 (Feb 30 does not exist; 2028 is leap);
    // 1001 / 4 = 250 r 1: the first installment carries the extra fen
    expect(datesAndAmounts(plan, '2027-11-30')).toEqual([
      ['INSTALLMENT:1', 251, '2028-02-29'],
      ['INSTALLMENT:2', 250, '2028-03-30'], // back on the 30th, not the 29th
      ['INSTALLMENT:3', 250, '2028-04-30'],
      ['INSTALLMENT:4', 250, '2028-05-30'],
    ]);
  });

  it('schedules JPY (exponent 0) quarterly after the effective date, with the upfront fee at signing', () => {
    const plan: PaymentPlan = {
      ...basePlan,
      currency: 'JPY',
      upfrontFee: { amountMinor: 1_000_000, due: 'AT_SIGNING' },
      installments: {
        totalMinor: 1_000_000,
        count: 3,
        frequency: 'QUARTERLY',
        firstDue: 'AFTER_EFFECTIVE_DATE',
        remainder: 'FIRST',
      },
    };
    // ¥1 000 000 / 3 = 333 333 r 1: the first installment carries the extra yen
    expect(scheduleFixedObligations(plan, d('2026-04-15'))).toEqual([
      { key: 'UPFRONT', kind: 'UPFRONT', amountMinor: 1_000_000, currency: 'JPY', dueDate: '2026-04-15' },
      {
        key: 'INSTALLMENT:1',
        kind: 'INSTALLMENT',
        amountMinor: 333_334,
        currency: 'JPY',
        dueDate: '2026-07-15',
      },
      {
        key: 'INSTALLMENT:2',
        kind: 'INSTALLMENT',
        amountMinor: 333_333,
        currency: 'JPY',
        dueDate: '2026-10-15',
      },
      {
        key: 'INSTALLMENT:3',
        kind: 'INSTALLMENT',
        amountMinor: 333_333,
        currency: 'JPY',
        dueDate: '2027-01-15',
      },
    ]);
  });

  it('schedules KWD (exponent 3) yearly from a fixed date, remainder last', () => {
    const plan = installmentPlan(
      {
        totalMinor: 10_000,
        count: 3,
        frequency: 'YEARLY',
        firstDue: { onDate: d('2026-12-31') },
        remainder: 'LAST',
      },
      { currency: 'KWD' },
    );
    // 10.000 KWD = 10 000 fils; / 3 = 3333 r 1: the last installment carries the extra fils
    expect(datesAndAmounts(plan, '2026-06-01')).toEqual([
      ['INSTALLMENT:1', 3333, '2026-12-31'],
      ['INSTALLMENT:2', 3333, '2027-12-31'],
      ['INSTALLMENT:3', 3334, '2028-12-31'],
    ]);
  });

  it('moves END_OF_FREE_PERIOD obligations earlier, same keys, once first revenue is known', () => {
    const plan: PaymentPlan = {
      ...basePlan,
      freePeriod: { months: 6, endsOnFirstRevenue: true },
      upfrontFee: { amountMinor: 500_000, due: 'END_OF_FREE_PERIOD' },
      installments: {
        totalMinor: 300_000,
        count: 2,
        frequency: 'QUARTERLY',
        firstDue: 'END_OF_FREE_PERIOD',
        remainder: 'FIRST',
      },
    };
    // At signing: free until 2026-01-15 + 6 months = 2026-07-15
    expect(datesAndAmounts(plan, '2026-01-15')).toEqual([
      ['UPFRONT', 500_000, '2026-07-15'],
      ['INSTALLMENT:1', 150_000, '2026-07-15'],
      ['INSTALLMENT:2', 150_000, '2026-10-15'],
    ]);
    // First revenue on 2026-03-31 ends the free period; installments anchor on it: Mar 31 + 3 months = Jun 30
    expect(datesAndAmounts(plan, '2026-01-15', '2026-03-31')).toEqual([
      ['UPFRONT', 500_000, '2026-03-31'],
      ['INSTALLMENT:1', 150_000, '2026-03-31'],
      ['INSTALLMENT:2', 150_000, '2026-06-30'],
    ]);
  });

  it('includes DATE milestones, due days after their date, sorted among the other obligations', () => {
    const plan: PaymentPlan = {
      ...basePlan,
      upfrontFee: { amountMinor: 1_000_000, due: { onDate: d('2026-02-01') } },
      installments: {
        totalMinor: 200_000,
        count: 2,
        frequency: 'YEARLY',
        firstDue: 'AFTER_EFFECTIVE_DATE',
        remainder: 'FIRST',
      },
      milestones: [
        {
          key: 'approval',
          name: 'Approval',
          amountMinor: 50_000,
          trigger: 'REGULATORY_APPROVAL',
          dueDaysAfterEvent: 30,
        },
        {
          key: 'anniversary',
          name: 'Launch anniversary',
          amountMinor: 70_000,
          trigger: 'DATE',
          onDate: d('2027-06-30'),
          dueDaysAfterEvent: 30,
        },
      ],
    };
    // 2027-06-30 + 30 days = 2027-07-30; sorted by due date, the milestone falls between the installments
    expect(datesAndAmounts(plan, '2026-01-15')).toEqual([
      ['UPFRONT', 1_000_000, '2026-02-01'],
      ['INSTALLMENT:1', 100_000, '2027-01-15'],
      ['MILESTONE:anniversary', 70_000, '2027-07-30'],
      ['INSTALLMENT:2', 100_000, '2028-01-15'],
    ]);
  });

  it('schedules nothing for a royalty-only plan', () => {
    expect(scheduleFixedObligations(basePlan, d('2026-01-15'))).toEqual([]);
  });

  it('always sums installments to the total and keeps them on the anchor day (property)', () => {
    const effectiveDates = fc
      .record({
        year: fc.integer({ min: 2000, max: 2099 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ year, month, day }) => calendarDate(year, month, Math.min(day, daysInMonth(year, month))));
    fc.assert(
      fc.property(
        effectiveDates,
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 120, max: 1_000_000_000_000 }),
        fc.constantFrom('MONTHLY' as const, 'QUARTERLY' as const, 'YEARLY' as const),
        fc.constantFrom('FIRST' as const, 'LAST' as const),
        (effective, count, totalMinor, frequency, remainder) => {
          const plan = installmentPlan({
            totalMinor,
            count,
            frequency,
            firstDue: 'AFTER_EFFECTIVE_DATE',
            remainder,
          });
          const schedule = scheduleFixedObligations(plan, effective);
          expect(schedule).toHaveLength(count);
          expect(schedule.reduce((sum, obligation) => sum + obligation.amountMinor, 0)).toBe(totalMinor);
          const anchorDay = Number(effective.slice(8));
          schedule.forEach((obligation, index) => {
            expect(obligation.key).toBe(`INSTALLMENT:${index + 1}`);
            const [year, month, day] = obligation.dueDate.split('-').map(Number);
            expect(day).toBe(Math.min(anchorDay, daysInMonth(year, month)));
            if (index > 0) expect(obligation.dueDate > schedule[index - 1].dueDate).toBe(true);
          });
        },
      ),
    );
  });
});

describe('event obligations', () => {
  const plan: PaymentPlan = {
    ...basePlan,
    exitFeeMinor: 250_000,
    milestones: [
      {
        key: 'first-sale',
        name: 'First sale',
        amountMinor: 80_000,
        trigger: 'FIRST_COMMERCIAL_SALE',
        dueDaysAfterEvent: 45,
      },
    ],
  };

  it('dates a milestone from its event', () => {
    // 2026-12-20 + 45 days = 2027-02-03 (11 days left in December, 31 in January, 3 in February)
    expect(milestoneObligationOrThrow(plan, 'first-sale', d('2026-12-20'))).toEqual({
      key: 'MILESTONE:first-sale',
      kind: 'MILESTONE',
      amountMinor: 80_000,
      currency: 'CNY',
      dueDate: '2027-02-03',
    });
    expect(() => milestoneObligationOrThrow(plan, 'approval', d('2026-12-20'))).toThrow(RangeError);
  });

  it('charges the exit fee on the exit date, and nothing without one', () => {
    expect(exitFeeObligation(plan, d('2029-05-31'))).toEqual({
      key: 'EXIT_FEE',
      kind: 'EXIT_FEE',
      amountMinor: 250_000,
      currency: 'CNY',
      dueDate: '2029-05-31',
    });
    expect(exitFeeObligation(basePlan, d('2029-05-31'))).toBeNull();
  });
});

describe('reportingPeriods', () => {
  it('has 40 quarterly windows over a ten-year term starting on Jan 1', () => {
    const windows = reportingPeriods(basePlan, d('2026-01-01'));
    expect(windows).toHaveLength(40); // 10 years × 4 quarters
    expect(windows[0]).toEqual({
      index: 1,
      start: '2026-01-01',
      end: '2026-03-31',
      reportDueDate: '2026-04-30',
    });
    // Q1 2028 includes Feb 29; its report is due 30 days after Mar 31
    expect(windows[8]).toEqual({
      index: 9,
      start: '2028-01-01',
      end: '2028-03-31',
      reportDueDate: '2028-04-30',
    });
    // Q4 2026: Dec 31 + 30 days = Jan 30
    expect(windows[3]).toEqual({
      index: 4,
      start: '2026-10-01',
      end: '2026-12-31',
      reportDueDate: '2027-01-30',
    });
    expect(windows[39]).toEqual({
      index: 40,
      start: '2035-10-01',
      end: '2035-12-31',
      reportDueDate: '2036-01-30',
    });
  });

  it('has 41 windows when the term starts mid-quarter, short at both ends', () => {
    const windows = reportingPeriods({ ...basePlan, reportDueDays: 45 }, d('2026-02-15'));
    expect(windows).toHaveLength(41);
    // Mar 31 + 45 days = May 15 (30 days of April, 15 of May)
    expect(windows[0]).toEqual({
      index: 1,
      start: '2026-02-15',
      end: '2026-03-31',
      reportDueDate: '2026-05-15',
    });
    expect(windows[1]).toEqual({
      index: 2,
      start: '2026-04-01',
      end: '2026-06-30',
      reportDueDate: '2026-08-14',
    });
    // Feb 14 2036 + 45 days = Mar 30 2036 (15 days of Feb in a leap year, then 30 of March)
    expect(windows[40]).toEqual({
      index: 41,
      start: '2036-01-01',
      end: '2036-02-14',
      reportDueDate: '2036-03-30',
    });
  });

  it('covers the term day by day without gaps or overlaps (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 36_500 }),
        fc.constantFrom('MONTHLY' as const, 'QUARTERLY' as const, 'YEARLY' as const),
        fc.integer({ min: 1, max: 240 }),
        (offset, reportingPeriod, termMonths) => {
          const effective: CalendarDate = addDays(d('2000-01-01'), offset);
          const plan: PaymentPlan = { ...basePlan, reportingPeriod, termMonths };
          const windows = reportingPeriods(plan, effective);
          expect(windows[0].start).toBe(effective);
          expect(windows[windows.length - 1].end).toBe(lastDayOfTerm(plan, effective));
          windows.forEach((window, index) => {
            expect(window.start <= window.end).toBe(true);
            expect(window.reportDueDate).toBe(addDays(window.end, plan.reportDueDays));
            if (index > 0) expect(daysBetween(windows[index - 1].end, window.start)).toBe(1);
          });
        },
      ),
    );
  });

  it('reports monthly and yearly when asked, and quarterly by default', () => {
    expect(reportingPeriods({ ...basePlan, reportingPeriod: 'MONTHLY' }, d('2026-01-01'))).toHaveLength(120);
    const monthly2028 = reportingPeriods({ ...basePlan, reportingPeriod: 'MONTHLY' }, d('2028-01-01'));
    expect(monthly2028[1]).toEqual({
      index: 2,
      start: '2028-02-01',
      end: '2028-02-29',
      reportDueDate: '2028-03-30',
    });

    const yearly = reportingPeriods({ ...basePlan, reportingPeriod: 'YEARLY' }, d('2026-07-01'));
    // 2026-07-01 … 2036-06-30: a half year, nine full years, a half year
    expect(yearly).toHaveLength(11);
    expect(yearly[0]).toMatchObject({ start: '2026-07-01', end: '2026-12-31' });
    expect(yearly[10]).toMatchObject({ start: '2036-01-01', end: '2036-06-30' });

    expect(reportingPeriods({ ...basePlan, reportingPeriod: null }, d('2026-01-01'))).toHaveLength(40);
  });
});

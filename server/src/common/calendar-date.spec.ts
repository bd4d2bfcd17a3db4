import fc from 'fast-check';

import {
  addDays,
  addMonths,
  addMonthsFromAnchor,
  type CalendarDate,
  calendarDate,
  CalendarDateError,
  compareDates,
  contractYearOf,
  contractYearStart,
  daysBetween,
  daysInMonth,
  endOfMonth,
  endOfPeriod,
  isCalendarDate,
  isLeapYear,
  maxDate,
  minDate,
  parseCalendarDate,
  startOfPeriod,
  toCalendarDate,
} from './calendar-date';

const d = parseCalendarDate;

/** Any valid date between 1900-01-01 and 2199-12-31. */
const anyDate = fc
  .record({
    year: fc.integer({ min: 1900, max: 2199 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
  })
  .map(({ year, month, day }) => calendarDate(year, month, Math.min(day, daysInMonth(year, month))));

function errorCodeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof CalendarDateError ? error.code : `not a CalendarDateError: ${String(error)}`;
  }
  return undefined;
}

function utcDayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number);
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

describe('leap years', () => {
  it('follows the Gregorian rule: every 4th year, but not centuries unless divisible by 400', () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2026)).toBe(false);
    expect(isLeapYear(2028)).toBe(true);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });
});

describe('parseCalendarDate', () => {
  it('accepts real dates, Feb 29 only in leap years', () => {
    expect(parseCalendarDate('2028-02-29')).toBe('2028-02-29');
    expect(parseCalendarDate('2000-02-29')).toBe('2000-02-29');
    expect(parseCalendarDate('2026-12-31')).toBe('2026-12-31');
  });

  it('refuses impossible dates and other formats with a code', () => {
    const refused = [
      '2027-02-29', // 2027 is not a leap year
      '2100-02-29', // a century not divisible by 400
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-4-1',
      ' 2026-01-01',
      '2026-01-01T00:00:00Z',
      '20260101',
      '',
    ];
    for (const text of refused) {
      expect(() => parseCalendarDate(text)).toThrow(CalendarDateError);
      expect(isCalendarDate(text)).toBe(false);
    }
    expect(isCalendarDate(20260101)).toBe(false);
    expect(errorCodeOf(() => parseCalendarDate('2027-02-29'))).toBe('CALENDAR_DATE_INVALID');
  });

  it('builds dates from parts and validates them', () => {
    expect(calendarDate(2028, 2, 29)).toBe('2028-02-29');
    expect(calendarDate(5, 1, 1)).toBe('0005-01-01');
    expect(() => calendarDate(2027, 2, 29)).toThrow(CalendarDateError);
    expect(() => calendarDate(2026, 1.5, 1)).toThrow(CalendarDateError);
  });
});

describe('toCalendarDate', () => {
  it('takes the UTC calendar day of an instant', () => {
    expect(toCalendarDate(new Date('2026-03-31T23:59:59.999Z'))).toBe('2026-03-31');
    // 23:30 at UTC−2 is 01:30 UTC the next day
    expect(toCalendarDate(new Date('2026-03-31T23:30:00-02:00'))).toBe('2026-04-01');
    expect(toCalendarDate(new Date('2028-02-29T12:00:00Z'))).toBe('2028-02-29');
    expect(() => toCalendarDate(new Date(Number.NaN))).toThrow(CalendarDateError);
  });
});

describe('addDays and daysBetween', () => {
  it('crosses month, leap-day and year ends', () => {
    expect(addDays(d('2028-02-28'), 1)).toBe('2028-02-29');
    expect(addDays(d('2028-02-28'), 2)).toBe('2028-03-01');
    expect(addDays(d('2027-02-28'), 1)).toBe('2027-03-01');
    expect(addDays(d('2026-12-31'), 1)).toBe('2027-01-01');
    expect(addDays(d('2026-03-01'), -1)).toBe('2026-02-28');
    expect(addDays(d('2026-01-01'), 365)).toBe('2027-01-01');
    expect(addDays(d('2028-01-01'), 365)).toBe('2028-12-31'); // 2028 has 366 days
    // 2026-01-01 to 2036-01-01 is ten years with two leap days (2028, 2032): 3650 + 2 = 3652
    expect(addDays(d('2026-01-01'), 3652)).toBe('2036-01-01');
  });

  it('counts b − a in days', () => {
    expect(daysBetween(d('2026-01-01'), d('2026-12-31'))).toBe(364);
    expect(daysBetween(d('2028-02-01'), d('2028-03-01'))).toBe(29);
    expect(daysBetween(d('2027-02-01'), d('2027-03-01'))).toBe(28);
    expect(daysBetween(d('2026-03-01'), d('2026-01-01'))).toBe(-59); // −(31 + 28)
    // 30 years of 365 days plus the leap days of 1972, 76, 80, 84, 88, 92, 96: 10 950 + 7
    expect(daysBetween(d('1970-01-01'), d('2000-01-01'))).toBe(10_957);
    expect(daysBetween(d('2026-05-05'), d('2026-05-05'))).toBe(0);
  });

  it('refuses to leave years 0000–9999 or to move by a fraction', () => {
    expect(errorCodeOf(() => addDays(d('9999-12-31'), 1))).toBe('CALENDAR_DATE_OUT_OF_RANGE');
    expect(() => addDays(d('2026-01-01'), 0.5)).toThrow(RangeError);
  });

  it('agrees with Date.UTC day counts (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -40_000, max: 40_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(daysBetween(date, moved)).toBe(days);
        expect(utcDayNumber(moved) - utcDayNumber(date)).toBe(days);
      }),
    );
  });
});

describe('addMonths', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths(d('2026-01-31'), 1)).toBe('2026-02-28');
    expect(addMonths(d('2028-01-31'), 1)).toBe('2028-02-29'); // leap year
    expect(addMonths(d('2026-05-31'), 1)).toBe('2026-06-30');
    expect(addMonths(d('2026-03-31'), -1)).toBe('2026-02-28');
    expect(addMonths(d('2028-02-29'), 12)).toBe('2029-02-28');
    expect(addMonths(d('2028-02-29'), 48)).toBe('2032-02-29');
  });

  it('keeps the day when it exists and crosses years both ways', () => {
    expect(addMonths(d('2026-01-31'), 2)).toBe('2026-03-31');
    expect(addMonths(d('2026-11-15'), 3)).toBe('2027-02-15');
    expect(addMonths(d('2026-01-15'), -13)).toBe('2024-12-15');
    expect(addMonths(d('2026-01-15'), 120)).toBe('2036-01-15');
  });

  it('computes schedules from the anchor so they come back to the 31st', () => {
    const chained = addMonths(addMonths(d('2026-01-31'), 1), 1); // Jan 31 → Feb 28 → Mar 28
    expect(chained).toBe('2026-03-28');
    expect(addMonthsFromAnchor(d('2026-01-31'), 2)).toBe('2026-03-31');
    expect([0, 1, 2, 3, 4].map((n) => addMonthsFromAnchor(d('2027-11-30'), 3 * n))).toEqual([
      '2027-11-30',
      '2028-02-29', // clamped, leap year
      '2028-05-30', // back to the 30th
      '2028-08-30',
      '2028-11-30',
    ]);
  });

  it('lands on min(anchor day, days in month) (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -600, max: 600 }), (anchor, months) => {
        const moved = addMonthsFromAnchor(anchor, months);
        const [ay, am, ad] = anchor.split('-').map(Number);
        const [my, mm, md] = moved.split('-').map(Number);
        expect(my * 12 + mm - (ay * 12 + am)).toBe(months);
        expect(md).toBe(Math.min(ad, daysInMonth(my, mm)));
      }),
    );
  });
});

describe('comparisons', () => {
  it('orders dates chronologically', () => {
    expect(compareDates(d('2026-01-31'), d('2026-02-01'))).toBe(-1);
    expect(compareDates(d('2026-02-01'), d('2026-02-01'))).toBe(0);
    expect(compareDates(d('2027-01-01'), d('2026-12-31'))).toBe(1);
    expect(minDate(d('2026-03-31'), d('2026-02-28'))).toBe('2026-02-28');
    expect(maxDate(d('2026-03-31'), d('2026-02-28'))).toBe('2026-03-31');
  });
});

describe('month and period bounds', () => {
  it('finds the end of the month', () => {
    expect(endOfMonth(d('2028-02-10'))).toBe('2028-02-29');
    expect(endOfMonth(d('2026-02-10'))).toBe('2026-02-28');
    expect(endOfMonth(d('2026-04-01'))).toBe('2026-04-30');
    expect(endOfMonth(d('2026-12-05'))).toBe('2026-12-31');
  });

  it('aligns reporting periods on the calendar', () => {
    expect(startOfPeriod(d('2026-05-17'), 'MONTHLY')).toBe('2026-05-01');
    expect(endOfPeriod(d('2026-05-17'), 'MONTHLY')).toBe('2026-05-31');
    expect(startOfPeriod(d('2026-05-17'), 'QUARTERLY')).toBe('2026-04-01');
    expect(endOfPeriod(d('2026-05-17'), 'QUARTERLY')).toBe('2026-06-30');
    expect(startOfPeriod(d('2026-05-17'), 'YEARLY')).toBe('2026-01-01');
    expect(endOfPeriod(d('2026-05-17'), 'YEARLY')).toBe('2026-12-31');
    expect(startOfPeriod(d('2028-02-29'), 'QUARTERLY')).toBe('2028-01-01');
    expect(endOfPeriod(d('2028-02-29'), 'QUARTERLY')).toBe('2028-03-31');
    expect(endOfPeriod(d('2028-02-01'), 'MONTHLY')).toBe('2028-02-29');
    expect(startOfPeriod(d('2026-12-31'), 'QUARTERLY')).toBe('2026-10-01');
    expect(endOfPeriod(d('2026-10-01'), 'QUARTERLY')).toBe('2026-12-31');
  });
});

describe('contract years', () => {
  it('runs from anniversary to anniversary of the effective date', () => {
    const effective = d('2026-03-15');
    expect(contractYearOf(effective, d('2026-03-15'))).toBe(1);
    expect(contractYearOf(effective, d('2027-03-14'))).toBe(1);
    expect(contractYearOf(effective, d('2027-03-15'))).toBe(2);
    expect(contractYearOf(effective, d('2036-03-14'))).toBe(10);
    expect(contractYearOf(effective, d('2036-03-15'))).toBe(11);
  });

  it('does not count a new calendar year as a new contract year', () => {
    expect(contractYearOf(d('2026-12-31'), d('2027-01-05'))).toBe(1);
    expect(contractYearOf(d('2026-12-31'), d('2027-12-31'))).toBe(2);
  });

  it('takes Feb 28 as the anniversary of Feb 29 in common years', () => {
    const effective = d('2028-02-29');
    expect(contractYearOf(effective, d('2029-02-27'))).toBe(1);
    expect(contractYearOf(effective, d('2029-02-28'))).toBe(2);
    expect(contractYearOf(effective, d('2032-02-28'))).toBe(4);
    expect(contractYearOf(effective, d('2032-02-29'))).toBe(5);
    expect(contractYearStart(effective, 2)).toBe('2029-02-28');
    expect(contractYearStart(effective, 5)).toBe('2032-02-29');
  });

  it('has no contract year before the effective date', () => {
    expect(() => contractYearOf(d('2026-03-15'), d('2026-03-14'))).toThrow(RangeError);
    expect(() => contractYearStart(d('2026-03-15'), 0)).toThrow(RangeError);
  });

  it('puts every date inside the year it is given (property)', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 0, max: 20 * 366 }), (effective, offset) => {
        const date = addDays(effective, offset);
        const year = contractYearOf(effective, date);
        expect(contractYearStart(effective, year) <= date).toBe(true);
        expect(date < contractYearStart(effective, year + 1)).toBe(true);
      }),
    );
  });
});

import { parseCalendarDate } from '../../common/calendar-date';
import { translate } from '../../i18n/translate';
import { eligibilityProblems, type SmeFacts } from './eligibility';

const sme: SmeFacts = {
  sizeClass: 'SMALL',
  headcount: 85,
  annualRevenueMinor: 4_500_000_000,
  foundedOn: '2019-04-12',
  specialisedAndSophisticated: true,
  littleGiant: false,
};
const open = {
  sizeClasses: [],
  maxHeadcount: null,
  maxAgeYears: null,
  maxAnnualRevenueMinor: null,
  requiresSpecialisedAndSophisticated: false,
  requiresLittleGiant: false,
};
const today = parseCalendarDate('2026-11-28');

describe('eligibility', () => {
  it('lets anyone through rules that are all empty', () => {
    expect(eligibilityProblems(open, sme, today)).toEqual([]);
  });

  it('names every rule not met', () => {
    const rules = {
      ...open,
      sizeClasses: ['MICRO' as const],
      maxHeadcount: 50,
      maxAgeYears: 5,
      maxAnnualRevenueMinor: 1_000_000_000,
      requiresLittleGiant: true,
    };
    // Founded 2019-04-12: on 2026-11-28 it is 7 full years old.
    expect(eligibilityProblems(rules, sme, today).map((p) => p.rule)).toEqual([
      'sizeClasses',
      'maxHeadcount',
      'maxAgeYears',
      'maxAnnualRevenueMinor',
      'requiresLittleGiant',
    ]);
  });

  it('counts age in full years and lets the limit itself through', () => {
    expect(eligibilityProblems({ ...open, maxAgeYears: 7 }, sme, today)).toEqual([]);
    expect(
      eligibilityProblems({ ...open, maxAgeYears: 7 }, sme, parseCalendarDate('2027-04-12')).map((p) =>
        translate('en', p),
      ),
    ).toEqual(['This offer is for enterprises at most 7 years old; yours is 8.']);
    expect(eligibilityProblems({ ...open, maxHeadcount: 85 }, sme, today)).toEqual([]);
  });
});

import { contractYearOf, type CalendarDate } from '../../common/calendar-date';
import type { Message, MessageId } from '../../common/errors';
import type { Eligibility } from '../offers/offer.model';
import type { SmeSizeClass } from '../identity/organization.model';

export type SmeFacts = {
  sizeClass: SmeSizeClass;
  headcount: number;
  annualRevenueMinor: number;
  foundedOn: string;
  specialisedAndSophisticated: boolean;
  littleGiant: boolean;
};

export type EligibilityProblem = Message & { rule: string };

const SIZE_CLASS_NAMES: Record<SmeSizeClass, MessageId> = {
  MICRO: 'micro',
  SMALL: 'small',
  MEDIUM: 'medium',
};

/** Every rule of an offer that an SME does not meet, each named, so that a refusal says what to change. */
export function eligibilityProblems(
  rules: Eligibility,
  sme: SmeFacts,
  today: CalendarDate,
): EligibilityProblem[] {
  const problems: EligibilityProblem[] = [];
  if (rules.sizeClasses.length > 0 && !rules.sizeClasses.includes(sme.sizeClass)) {
    problems.push({
      rule: 'sizeClasses',
      message: 'This offer is for {{sizeClasses}} enterprises; yours is {{sizeClass}}.',
      params: {
        sizeClasses: { anyOf: rules.sizeClasses.map((c) => ({ message: SIZE_CLASS_NAMES[c] })) },
        sizeClass: { message: SIZE_CLASS_NAMES[sme.sizeClass] },
      },
    });
  }
  if (rules.maxHeadcount !== null && sme.headcount > rules.maxHeadcount) {
    problems.push({
      rule: 'maxHeadcount',
      message: 'This offer is for enterprises of at most {{maxHeadcount}} people; yours has {{headcount}}.',
      params: { maxHeadcount: rules.maxHeadcount, headcount: sme.headcount },
    });
  }
  if (rules.maxAgeYears !== null) {
    // Age in whole years since founding, as a contract year counts them (the first year is year 1).
    const age = sme.foundedOn <= today ? contractYearOf(sme.foundedOn as CalendarDate, today) - 1 : 0;
    if (age > rules.maxAgeYears)
      problems.push({
        rule: 'maxAgeYears',
        message: 'This offer is for enterprises at most {{maxAgeYears}} years old; yours is {{age}}.',
        params: { maxAgeYears: rules.maxAgeYears, age },
      });
  }
  if (rules.maxAnnualRevenueMinor !== null && sme.annualRevenueMinor > rules.maxAnnualRevenueMinor) {
    problems.push({
      rule: 'maxAnnualRevenueMinor',
      message: 'Your annual revenue is above what this offer allows.',
    });
  }
  if (rules.requiresSpecialisedAndSophisticated && !sme.specialisedAndSophisticated) {
    problems.push({
      rule: 'requiresSpecialisedAndSophisticated',
      message: 'This offer is for "specialised and sophisticated" (专精特新) enterprises.',
    });
  }
  if (rules.requiresLittleGiant && !sme.littleGiant) {
    problems.push({
      rule: 'requiresLittleGiant',
      message: 'This offer is for "little giant" (小巨人) enterprises.',
    });
  }
  return problems;
}

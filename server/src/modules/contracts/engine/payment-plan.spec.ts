import { parseCalendarDate } from '../../../common/calendar-date';
import { translate } from '../../../i18n/translate';
import {
  checkOpenLicencePolicy,
  type OpenLicencePolicy,
  type PaymentPlan,
  type PaymentPlanContext,
  type RoyaltyTier,
  validatePaymentPlan,
} from './payment-plan';

// What the licensor reads: the messages as the API words them in English.
const issuesInEnglish = (plan: PaymentPlan, context?: PaymentPlanContext) =>
  validatePaymentPlan(plan, context).map(({ field, ...text }) => ({ field, message: translate('en', text) }));
const findingsInEnglish = (plan: PaymentPlan, policy: OpenLicencePolicy) =>
  checkOpenLicencePolicy(plan, policy).map(({ message, params, ...finding }) => ({
    ...finding,
    message: translate('en', { message, params }),
  }));

/** A CNY plan using every section, valid as it stands; each test breaks one thing. */
const validPlan: PaymentPlan = {
  currency: 'CNY',
  termMonths: 120,
  freePeriod: { months: 6, endsOnFirstRevenue: true },
  upfrontFee: { amountMinor: 5_000_000, due: 'END_OF_FREE_PERIOD' }, // CNY 50 000.00
  installments: {
    totalMinor: 1_000_000,
    count: 3,
    frequency: 'QUARTERLY',
    firstDue: 'END_OF_FREE_PERIOD',
    remainder: 'FIRST',
  },
  royalty: {
    tiers: [
      { fromMinor: 0, toMinor: 100_000_000, rateBps: 500 }, // 5 % up to CNY 1 000 000
      { fromMinor: 100_000_000, toMinor: null, rateBps: 300 }, // 3 % above
    ],
    tierBasis: 'CUMULATIVE',
  },
  minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 2 },
  caps: { perYearMinor: 50_000_000, totalMinor: 300_000_000 },
  milestones: [
    {
      key: 'approval',
      name: 'NMPA approval',
      amountMinor: 1_000_000,
      trigger: 'REGULATORY_APPROVAL',
      dueDaysAfterEvent: 30,
    },
    {
      key: 'sales-10m',
      name: 'CNY 10 million in net sales',
      amountMinor: 2_000_000,
      trigger: 'CUMULATIVE_NET_SALES',
      thresholdMinor: 1_000_000_000,
      dueDaysAfterEvent: 45,
    },
    {
      key: 'launch-anniversary',
      name: 'Launch anniversary',
      amountMinor: 500_000,
      trigger: 'DATE',
      onDate: parseCalendarDate('2027-06-30'),
      dueDaysAfterEvent: 30,
    },
  ],
  sublicenseShareBps: 2500,
  exitFeeMinor: 500_000,
  lateInterestBps: 1200,
  reportingPeriod: 'QUARTERLY',
  reportDueDays: 30,
  graceDays: 10,
};

/** A plan with values its static type forbids, as a request or an old document could carry. */
function untyped(plan: object): PaymentPlan {
  return plan as PaymentPlan;
}

function withTiers(...tiers: RoyaltyTier[]): PaymentPlan {
  return { ...validPlan, royalty: { tiers, tierBasis: 'CUMULATIVE' } };
}

function fieldsOf(plan: PaymentPlan): string[] {
  return issuesInEnglish(plan).map((issue) => issue.field);
}

describe('validatePaymentPlan', () => {
  it('accepts a plan using every section', () => {
    expect(issuesInEnglish(validPlan)).toEqual([]);
  });

  it('accepts a royalty-free licence with only the required fields', () => {
    const free: PaymentPlan = {
      currency: 'JPY',
      termMonths: 12,
      lateInterestBps: 0,
      reportDueDays: 0,
      graceDays: 0,
    };
    expect(issuesInEnglish(free)).toEqual([]);
  });

  describe('royalty tiers', () => {
    it('refuses overlapping tiers', () => {
      const plan = withTiers(
        { fromMinor: 0, toMinor: 100_000_000, rateBps: 500 },
        { fromMinor: 90_000_000, toMinor: null, rateBps: 300 },
      );
      expect(issuesInEnglish(plan)).toEqual([
        {
          field: 'royalty.tiers[1].fromMinor',
          message: 'overlaps the previous tier, which ends at 100000000',
        },
      ]);
    });

    it('refuses a gap between tiers', () => {
      const plan = withTiers(
        { fromMinor: 0, toMinor: 100_000_000, rateBps: 500 },
        { fromMinor: 110_000_000, toMinor: null, rateBps: 300 },
      );
      expect(issuesInEnglish(plan)).toEqual([
        {
          field: 'royalty.tiers[1].fromMinor',
          message: 'leaves a gap after the previous tier, which ends at 100000000',
        },
      ]);
    });

    it('refuses tiers that do not start at 0', () => {
      const plan = withTiers(
        { fromMinor: 1, toMinor: 100_000_000, rateBps: 500 },
        { fromMinor: 100_000_000, toMinor: null, rateBps: 300 },
      );
      expect(issuesInEnglish(plan)).toEqual([
        {
          field: 'royalty.tiers[0].fromMinor',
          message: 'must be 0: the first tier starts with the first sale',
        },
      ]);
    });

    it('refuses an open-ended tier before the last and a closed last tier', () => {
      expect(
        fieldsOf(
          withTiers(
            { fromMinor: 0, toMinor: null, rateBps: 500 },
            { fromMinor: 100, toMinor: null, rateBps: 300 },
          ),
        ),
      ).toEqual(['royalty.tiers[0].toMinor']);
      expect(
        issuesInEnglish(
          withTiers(
            { fromMinor: 0, toMinor: 100, rateBps: 500 },
            { fromMinor: 100, toMinor: 200, rateBps: 300 },
          ),
        ),
      ).toEqual([
        {
          field: 'royalty.tiers[1].toMinor',
          message: 'must be null: the last tier covers all further sales',
        },
      ]);
    });

    it('refuses an empty tier', () => {
      expect(
        fieldsOf(
          withTiers(
            { fromMinor: 0, toMinor: 0, rateBps: 500 },
            { fromMinor: 0, toMinor: null, rateBps: 300 },
          ),
        ),
      ).toEqual(['royalty.tiers[0].toMinor']);
    });

    it('refuses rates outside 0–10000 bps and no tiers at all', () => {
      expect(fieldsOf(withTiers({ fromMinor: 0, toMinor: null, rateBps: 10_001 }))).toEqual([
        'royalty.tiers[0].rateBps',
      ]);
      expect(fieldsOf(withTiers({ fromMinor: 0, toMinor: null, rateBps: -1 }))).toEqual([
        'royalty.tiers[0].rateBps',
      ]);
      expect(fieldsOf(withTiers({ fromMinor: 0, toMinor: null, rateBps: 2.5 }))).toEqual([
        'royalty.tiers[0].rateBps',
      ]);
      expect(fieldsOf(withTiers({ fromMinor: 0, toMinor: null, rateBps: 10_000 }))).toEqual([]); // 100 % is allowed
      expect(fieldsOf(withTiers())).toEqual(['royalty.tiers']);
    });

    it('refuses an unknown tier basis', () => {
      const plan = untyped({ ...validPlan, royalty: { ...validPlan.royalty, tierBasis: 'CALENDAR_YEAR' } });
      expect(fieldsOf(plan)).toEqual(['royalty.tierBasis']);
    });
  });

  describe('amounts and counts', () => {
    it('refuses negative or fractional amounts, each by its field', () => {
      expect(fieldsOf({ ...validPlan, upfrontFee: { amountMinor: -1, due: 'AT_SIGNING' } })).toEqual([
        'upfrontFee.amountMinor',
      ]);
      expect(fieldsOf({ ...validPlan, upfrontFee: { amountMinor: 10.5, due: 'AT_SIGNING' } })).toEqual([
        'upfrontFee.amountMinor',
      ]);
      expect(
        fieldsOf({ ...validPlan, installments: { ...validPlan.installments!, totalMinor: -1 } }),
      ).toEqual(['installments.totalMinor']);
      expect(fieldsOf({ ...validPlan, exitFeeMinor: -1 })).toEqual(['exitFeeMinor']);
      expect(fieldsOf({ ...validPlan, lateInterestBps: -1 })).toEqual(['lateInterestBps']);
      expect(fieldsOf({ ...validPlan, graceDays: -1, reportDueDays: 1.5 })).toEqual([
        'reportDueDays',
        'graceDays',
      ]);
      expect(fieldsOf({ ...validPlan, sublicenseShareBps: 10_001 })).toEqual(['sublicenseShareBps']);
      expect(fieldsOf({ ...validPlan, exitFeeMinor: 0, sublicenseShareBps: 0 })).toEqual([]); // 0 means none
    });

    it('refuses a sublicence share when the licence does not allow sublicensing', () => {
      const refused = issuesInEnglish(validPlan, { sublicensingAllowed: false });
      expect(refused.map((issue) => issue.field)).toEqual(['sublicenseShareBps']);
      expect(refused[0].message).toMatch(/does not allow sublicensing/);
      expect(issuesInEnglish(validPlan, { sublicensingAllowed: true })).toEqual([]);
      // No share, or a share of 0, needs no sublicensing.
      expect(
        issuesInEnglish({ ...validPlan, sublicenseShareBps: 0 }, { sublicensingAllowed: false }),
      ).toEqual([]);
      expect(
        issuesInEnglish({ ...validPlan, sublicenseShareBps: null }, { sublicensingAllowed: false }),
      ).toEqual([]);
    });

    it('refuses zero installments, and more installments than minor units', () => {
      expect(
        issuesInEnglish({ ...validPlan, installments: { ...validPlan.installments!, count: 0 } }),
      ).toEqual([
        { field: 'installments.count', message: 'must be a whole number of installments, 1 or more' },
      ]);
      // CNY 0.02 in 3 installments would leave one installment of 0
      expect(fieldsOf({ ...validPlan, installments: { ...validPlan.installments!, totalMinor: 2 } })).toEqual(
        ['installments.count'],
      );
    });

    it('refuses installments that would fall due after the term', () => {
      const shortTerm: PaymentPlan = { ...validPlan, termMonths: 12, minimumAnnualRoyalty: null };
      // free 6 months, quarterly: installments at months 6, 9, 12; the 12-month anniversary is still allowed
      expect(issuesInEnglish(shortTerm)).toEqual([]);
      // a 4th installment at month 6 + 3×3 = 15
      expect(
        issuesInEnglish({ ...shortTerm, installments: { ...shortTerm.installments!, count: 4 } }),
      ).toEqual([
        {
          field: 'installments.count',
          message:
            'the last installment would fall due 15 months after the effective date, after the 12-month term',
        },
      ]);
      // AFTER_EFFECTIVE_DATE, monthly: months 1…13
      const monthly = {
        ...shortTerm.installments!,
        count: 13,
        frequency: 'MONTHLY',
        firstDue: 'AFTER_EFFECTIVE_DATE',
      } as const;
      expect(fieldsOf({ ...shortTerm, installments: monthly })).toEqual(['installments.count']);
      expect(fieldsOf({ ...shortTerm, installments: { ...monthly, count: 12 } })).toEqual([]);
    });

    it('refuses unknown frequencies, due rules and impossible dates', () => {
      const plan = untyped({
        ...validPlan,
        upfrontFee: { amountMinor: 100, due: { onDate: '2026-02-30' } },
        installments: {
          ...validPlan.installments,
          frequency: 'WEEKLY',
          firstDue: 'SOMETIME',
          remainder: 'MIDDLE',
        },
      });
      expect(fieldsOf(plan)).toEqual([
        'upfrontFee.due',
        'installments.frequency',
        'installments.firstDue',
        'installments.remainder',
      ]);
    });
  });

  describe('minimum and caps', () => {
    it('refuses a cap below the minimum annual royalty', () => {
      const plan = { ...validPlan, caps: { perYearMinor: 1_000_000, totalMinor: 1_500_000 } }; // minimum is 2 000 000
      expect(issuesInEnglish(plan)).toEqual([
        {
          field: 'caps.perYearMinor',
          message: 'is below the minimum annual royalty (2000000); the two cannot both hold',
        },
        {
          field: 'caps.totalMinor',
          message: 'is below the minimum annual royalty (2000000); the two cannot both hold',
        },
      ]);
      expect(fieldsOf({ ...validPlan, caps: { perYearMinor: 2_000_000 } })).toEqual([]); // equal is fine
    });

    it('refuses a minimum or caps without a royalty', () => {
      expect(fieldsOf({ ...validPlan, royalty: null })).toEqual(['minimumAnnualRoyalty', 'caps']);
    });

    it('refuses a minimum that starts after the term', () => {
      // contract year 11 starts 120 months in, when a 120-month term has ended
      expect(
        fieldsOf({ ...validPlan, minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 11 } }),
      ).toEqual(['minimumAnnualRoyalty.fromContractYear']);
      expect(
        fieldsOf({ ...validPlan, minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 0 } }),
      ).toEqual(['minimumAnnualRoyalty.fromContractYear']);
      expect(
        fieldsOf({ ...validPlan, minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 10 } }),
      ).toEqual([]);
    });

    it('refuses caps of 0', () => {
      expect(fieldsOf({ ...validPlan, caps: { perYearMinor: 0 } })).toEqual(['caps.perYearMinor']);
    });
  });

  describe('milestones', () => {
    const [approval, salesMilestone, dated] = validPlan.milestones!;

    it('refuses a milestone with no trigger', () => {
      const plan = untyped({ ...validPlan, milestones: [{ ...approval, trigger: undefined }] });
      expect(issuesInEnglish(plan)).toEqual([
        {
          field: 'milestones[0].trigger',
          message: 'must be one of FIRST_COMMERCIAL_SALE, REGULATORY_APPROVAL, CUMULATIVE_NET_SALES, DATE',
        },
      ]);
    });

    it('refuses a threshold trigger without a threshold, and a threshold on another trigger', () => {
      expect(
        issuesInEnglish({ ...validPlan, milestones: [{ ...salesMilestone, thresholdMinor: null }] }),
      ).toEqual([{ field: 'milestones[0].thresholdMinor', message: 'is required for CUMULATIVE_NET_SALES' }]);
      expect(fieldsOf({ ...validPlan, milestones: [{ ...salesMilestone, thresholdMinor: 0 }] })).toEqual([
        'milestones[0].thresholdMinor',
      ]);
      expect(fieldsOf({ ...validPlan, milestones: [{ ...approval, thresholdMinor: 1_000 }] })).toEqual([
        'milestones[0].thresholdMinor',
      ]);
    });

    it('refuses a DATE milestone without a valid date', () => {
      expect(fieldsOf({ ...validPlan, milestones: [{ ...dated, onDate: null }] })).toEqual([
        'milestones[0].onDate',
      ]);
      expect(fieldsOf(untyped({ ...validPlan, milestones: [{ ...dated, onDate: '2027-02-29' }] }))).toEqual([
        'milestones[0].onDate',
      ]);
    });

    it('refuses empty and duplicate keys, empty names and non-positive amounts', () => {
      const plan = {
        ...validPlan,
        milestones: [
          { ...approval, key: ' ' },
          { ...salesMilestone, key: 'approval' },
          { ...dated, key: 'approval', name: '', amountMinor: 0, dueDaysAfterEvent: -1 },
        ],
      };
      expect(issuesInEnglish(plan)).toEqual([
        { field: 'milestones[0].key', message: 'must not be empty' },
        { field: 'milestones[2].key', message: '"approval" is used by another milestone' },
        { field: 'milestones[2].name', message: 'must not be empty' },
        { field: 'milestones[2].amountMinor', message: 'must be an amount in minor units greater than 0' },
        { field: 'milestones[2].dueDaysAfterEvent', message: 'must be a whole number, 0 or more' },
      ]);
    });
  });

  describe('term, free period, currency', () => {
    it('refuses a term that is not a positive number of months', () => {
      for (const termMonths of [0, -12, 1.5]) {
        expect(
          fieldsOf({
            ...validPlan,
            termMonths,
            installments: null,
            minimumAnnualRoyalty: null,
            freePeriod: null,
          }),
        ).toEqual(['termMonths']);
      }
    });

    it('refuses a free period under 0 or longer than the term', () => {
      expect(fieldsOf({ ...validPlan, freePeriod: { months: -1, endsOnFirstRevenue: false } })).toEqual([
        'freePeriod.months',
      ]);
      expect(
        issuesInEnglish({ ...validPlan, freePeriod: { months: 121, endsOnFirstRevenue: false } }),
      ).toEqual([{ field: 'freePeriod.months', message: 'must not be longer than the 120-month term' }]);
      expect(fieldsOf({ ...validPlan, freePeriod: { months: 0, endsOnFirstRevenue: false } })).toEqual([]);
    });

    it('refuses an unknown currency or reporting period', () => {
      expect(issuesInEnglish(untyped({ ...validPlan, currency: 'XYZ' }))).toEqual([
        { field: 'currency', message: '"XYZ" is not a supported currency' },
      ]);
      expect(fieldsOf(untyped({ ...validPlan, reportingPeriod: 'WEEKLY' }))).toEqual(['reportingPeriod']);
      expect(fieldsOf({ ...validPlan, reportingPeriod: null })).toEqual([]); // defaults to QUARTERLY
    });

    it('reports every problem at once', () => {
      const plan = untyped({
        ...validPlan,
        currency: 'cny',
        termMonths: 0,
        freePeriod: { months: -3, endsOnFirstRevenue: true },
      });
      expect(fieldsOf(plan)).toEqual(['currency', 'termMonths', 'freePeriod.months']);
    });
  });
});

describe('checkOpenLicencePolicy', () => {
  const policy: OpenLicencePolicy = {
    maxRoyaltyBps: 2000,
    maxFixedFeesMinorCny: 2_000_000_000,
    mode: 'REFUSE',
  };

  it('finds nothing in a plan within the guidance', () => {
    // 5 % and 3 %; fees 5 000 000 + 1 000 000 + 1 000 000 + 2 000 000 + 500 000 + 500 000 = 10 000 000 ≤ 2 000 000 000
    expect(findingsInEnglish(validPlan, policy)).toEqual([]);
  });

  it('allows a royalty of exactly the cap and flags anything above', () => {
    const atCap = withTiers({ fromMinor: 0, toMinor: null, rateBps: 2000 });
    expect(findingsInEnglish(atCap, policy)).toEqual([]);

    const above = withTiers({ fromMinor: 0, toMinor: null, rateBps: 2001 });
    expect(findingsInEnglish(above, policy)).toEqual([
      {
        code: 'ROYALTY_ABOVE_OPEN_LICENCE_CAP',
        severity: 'REFUSE',
        fields: ['royalty.tiers[0].rateBps'],
        message:
          "China's open-licence guidance caps royalties at 20% of net sales; this plan charges up to 20.01%.",
      },
    ]);
  });

  it('names every tier above the cap in one finding', () => {
    const plan = withTiers(
      { fromMinor: 0, toMinor: 1_000, rateBps: 3000 },
      { fromMinor: 1_000, toMinor: 2_000, rateBps: 1500 },
      { fromMinor: 2_000, toMinor: null, rateBps: 2500 },
    );
    const [finding] = findingsInEnglish(plan, { ...policy, mode: 'WARN' });
    expect(finding.severity).toBe('WARN');
    expect(finding.fields).toEqual(['royalty.tiers[0].rateBps', 'royalty.tiers[2].rateBps']);
    expect(finding.message).toContain('charges up to 30%.');
  });

  it('adds every lump sum against the fixed-fee ceiling', () => {
    const fees: PaymentPlan = {
      ...validPlan,
      upfrontFee: { amountMinor: 1_200_000_000, due: 'AT_SIGNING' },
      installments: { ...validPlan.installments!, totalMinor: 797_000_000 },
      milestones: [validPlan.milestones![0], validPlan.milestones![1]],
      exitFeeMinor: 0,
    };
    // 1 200 000 000 + 797 000 000 + 1 000 000 + 2 000 000 = 2 000 000 000: exactly at the ceiling
    expect(findingsInEnglish(fees, policy)).toEqual([]);

    // one fen more through the exit fee: 2 000 000 001
    expect(findingsInEnglish({ ...fees, exitFeeMinor: 1 }, policy)).toEqual([
      {
        code: 'FIXED_FEES_ABOVE_OPEN_LICENCE_CAP',
        severity: 'REFUSE',
        fields: [
          'upfrontFee.amountMinor',
          'installments.totalMinor',
          'milestones[0].amountMinor',
          'milestones[1].amountMinor',
          'exitFeeMinor',
        ],
        message:
          "China's open-licence guidance caps fixed fees at CNY 20000000.00; this plan's upfront fee, installments, " +
          'milestones and exit fee add up to CNY 20000000.01.',
      },
    ]);
  });

  it('asks for CNY when a plan with fixed fees is in another currency', () => {
    expect(findingsInEnglish({ ...validPlan, currency: 'USD' }, policy)).toEqual([
      {
        code: 'OPEN_LICENCE_CURRENCY_NOT_CNY',
        severity: 'REFUSE',
        fields: ['currency'],
        message:
          "China's open-licence fee ceiling is stated in CNY; price this open licence in CNY, not USD.",
      },
    ]);
    const royaltyOnly: PaymentPlan = {
      ...validPlan,
      currency: 'USD',
      upfrontFee: null,
      installments: null,
      milestones: [],
      exitFeeMinor: null,
    };
    expect(findingsInEnglish(royaltyOnly, policy)).toEqual([]);
  });
});

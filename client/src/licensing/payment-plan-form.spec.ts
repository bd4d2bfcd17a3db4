import type { PaymentPlanFieldsFragment } from '../graphql/generated/graphql';
import {
  defaultPaymentPlanForm,
  paymentPlanFormToInput,
  paymentPlanShapeToInput,
  paymentPlanToForm,
} from './payment-plan-form';

const plan: PaymentPlanFieldsFragment = {
  currency: 'CNY',
  termMonths: 60,
  freePeriod: { months: 12, endsOnFirstRevenue: true },
  upfrontFee: { amountMinor: 5_000_000, due: 'END_OF_FREE_PERIOD', onDate: null },
  installments: {
    totalMinor: 1_000_001,
    count: 4,
    frequency: 'YEARLY',
    firstDue: 'END_OF_FREE_PERIOD',
    onDate: null,
    remainder: 'FIRST',
  },
  royalty: {
    tierBasis: 'CUMULATIVE',
    tiers: [
      { fromMinor: 0, toMinor: 100_000_000, rateBps: 500 },
      { fromMinor: 100_000_000, toMinor: null, rateBps: 275 },
    ],
  },
  minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 2 },
  caps: { perYearMinor: null, totalMinor: 50_000_000 },
  milestones: [
    {
      key: 'sales-10m',
      name: 'Ten million in sales',
      amountMinor: 3_000_000,
      trigger: 'CUMULATIVE_NET_SALES',
      thresholdMinor: 1_000_000_000,
      onDate: null,
      dueDaysAfterEvent: 30,
    },
  ],
  sublicenseShareBps: 2500,
  exitFeeMinor: null,
  lateInterestBps: 600,
  reportingPeriod: 'QUARTERLY',
  reportDueDays: 30,
  graceDays: 45,
};

describe('paymentPlanToForm', () => {
  it('shows amounts in yuan and rates in percent', () => {
    const form = paymentPlanToForm(plan);
    expect(form.upfrontFee).toEqual({
      enabled: true,
      amount: '50000',
      due: 'END_OF_FREE_PERIOD',
      onDate: '',
    });
    expect(form.installments.total).toBe('10000.01');
    expect(form.royalty.tiers).toEqual([
      { from: '0', to: '1000000', ratePercent: '5' },
      { from: '1000000', to: '', ratePercent: '2.75' },
    ]);
    expect(form.caps).toEqual({ perYear: '', total: '500000' });
    expect(form.sublicenseSharePercent).toBe('25');
    expect(form.exitFee).toBe('');
    expect(form.lateInterestPercent).toBe('6');
  });
});

describe('paymentPlanFormToInput', () => {
  it('gives back the plan the form was made from, to the minor unit', () => {
    expect(paymentPlanShapeToInput(plan)).toEqual({
      currency: 'CNY',
      termMonths: 60,
      freePeriod: { months: 12, endsOnFirstRevenue: true },
      upfrontFee: { amountMinor: 5_000_000, due: 'END_OF_FREE_PERIOD' },
      installments: {
        totalMinor: 1_000_001,
        count: 4,
        frequency: 'YEARLY',
        firstDue: 'END_OF_FREE_PERIOD',
        remainder: 'FIRST',
      },
      royalty: {
        tierBasis: 'CUMULATIVE',
        tiers: [
          { fromMinor: 0, toMinor: 100_000_000, rateBps: 500 },
          { fromMinor: 100_000_000, toMinor: null, rateBps: 275 },
        ],
      },
      minimumAnnualRoyalty: { amountMinor: 2_000_000, fromContractYear: 2 },
      caps: { perYearMinor: null, totalMinor: 50_000_000 },
      milestones: [
        {
          key: 'sales-10m',
          name: 'Ten million in sales',
          amountMinor: 3_000_000,
          trigger: 'CUMULATIVE_NET_SALES',
          thresholdMinor: 1_000_000_000,
          onDate: null,
          dueDaysAfterEvent: 30,
        },
      ],
      sublicenseShareBps: 2500,
      lateInterestBps: 600,
      reportingPeriod: 'QUARTERLY',
      reportDueDays: 30,
      graceDays: 45,
    });
  });

  it('leaves out the parts that are switched off', () => {
    const result = paymentPlanFormToInput(defaultPaymentPlanForm('USD'));
    expect(result.input).toEqual({
      currency: 'USD',
      termMonths: 60,
      freePeriod: { months: 12, endsOnFirstRevenue: true },
      royalty: { tierBasis: 'CUMULATIVE', tiers: [{ fromMinor: 0, toMinor: null, rateBps: 500 }] },
      lateInterestBps: 600,
      reportingPeriod: 'QUARTERLY',
      reportDueDays: 30,
      graceDays: 30,
    });
  });

  it('uses the currency’s own exponent: yen have no decimals', () => {
    const form = { ...defaultPaymentPlanForm('JPY') };
    form.upfrontFee = { enabled: true, amount: '150000', due: 'ON_DATE', onDate: '2027-04-01' };
    expect(paymentPlanFormToInput(form).input?.upfrontFee).toEqual({
      amountMinor: 150000,
      due: 'ON_DATE',
      onDate: '2027-04-01',
    });
    form.upfrontFee = { ...form.upfrontFee, amount: '1500.5' };
    expect(paymentPlanFormToInput(form).issues).toEqual({ 'upfrontFee.amountMinor': 'amount' });
  });

  it('names each unreadable value by the API field it would fill', () => {
    const form = defaultPaymentPlanForm('CNY');
    form.termMonths = 'five years';
    form.royalty.tiers = [
      { from: '0', to: '100', ratePercent: '5.555' },
      { from: '100', to: '', ratePercent: '' },
    ];
    form.milestones = [
      {
        key: 'approval',
        name: 'Approval',
        amount: '1000',
        trigger: 'DATE',
        threshold: '',
        onDate: '',
        dueDaysAfterEvent: '30',
      },
    ];
    expect(paymentPlanFormToInput(form).issues).toEqual({
      termMonths: 'wholeNumber',
      'royalty.tiers[0].rateBps': 'percent',
      'royalty.tiers[1].rateBps': 'required',
      'milestones[0].onDate': 'required',
    });
  });
});

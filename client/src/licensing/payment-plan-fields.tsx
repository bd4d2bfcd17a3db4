import {
  ActionIcon,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  CalendarPeriod,
  FeeDue,
  InstallmentStart,
  MilestoneTrigger,
  RemainderPlacement,
  TierBasis,
} from '../graphql/generated/graphql';
import { EMPTY_MILESTONE, EMPTY_TIER, type PaymentPlanForm } from './payment-plan-form';

const CURRENCIES = ['CNY', 'USD', 'EUR'];
const PERIODS: readonly CalendarPeriod[] = ['MONTHLY', 'QUARTERLY', 'YEARLY'];
const FEE_DUES: readonly FeeDue[] = ['AT_SIGNING', 'END_OF_FREE_PERIOD', 'ON_DATE'];
const INSTALLMENT_STARTS: readonly InstallmentStart[] = [
  'AFTER_EFFECTIVE_DATE',
  'END_OF_FREE_PERIOD',
  'ON_DATE',
];
const REMAINDERS: readonly RemainderPlacement[] = ['FIRST', 'LAST'];
const TIER_BASES: readonly TierBasis[] = ['CUMULATIVE', 'CONTRACT_YEAR'];
const TRIGGERS: readonly MilestoneTrigger[] = [
  'FIRST_COMMERCIAL_SALE',
  'REGULATORY_APPROVAL',
  'CUMULATIVE_NET_SALES',
  'DATE',
];

type Props = {
  form: PaymentPlanForm;
  onChange: (form: PaymentPlanForm) => void;
  /** The error for an API field path below `paymentPlan`. */
  error: (path: string) => string | undefined;
  /** Only terms a licensee may propose changes to (no currency change). */
  fixedCurrency?: boolean;
};

/** The inputs of a payment plan; each shows the error of the API field it fills. */
export function PaymentPlanFields({ form, onChange, error, fixedCurrency }: Props) {
  const { t } = useTranslation();
  const set = (patch: Partial<PaymentPlanForm>) => onChange({ ...form, ...patch });
  const select = <Value extends string>(values: readonly Value[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}` as 'enums.period.MONTHLY') }));
  const pick = <Value extends string>(values: readonly Value[], raw: string): Value | undefined =>
    values.find((value) => value === raw);
  const currencyHint = t('plan.inCurrency', { currency: form.currency });

  return (
    <Stack>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('plan.currency')}
          value={form.currency}
          disabled={fixedCurrency}
          error={error('currency')}
          data={CURRENCIES}
          onChange={(event) => set({ currency: event.currentTarget.value })}
        />
        <TextInput
          label={t('plan.termMonths')}
          inputMode="numeric"
          value={form.termMonths}
          error={error('termMonths')}
          onChange={(event) => set({ termMonths: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('plan.reportingPeriod')}
          value={form.reportingPeriod}
          error={error('reportingPeriod')}
          data={select(PERIODS, 'enums.period')}
          onChange={(event) => {
            const value = pick(PERIODS, event.currentTarget.value);
            if (value) set({ reportingPeriod: value });
          }}
        />
        <TextInput
          label={t('plan.reportDueDays')}
          inputMode="numeric"
          value={form.reportDueDays}
          error={error('reportDueDays')}
          onChange={(event) => set({ reportDueDays: event.currentTarget.value })}
        />
        <TextInput
          label={t('plan.graceDays')}
          inputMode="numeric"
          value={form.graceDays}
          error={error('graceDays')}
          onChange={(event) => set({ graceDays: event.currentTarget.value })}
        />
        <TextInput
          label={t('plan.lateInterestPercent')}
          inputMode="decimal"
          value={form.lateInterestPercent}
          error={error('lateInterestBps')}
          onChange={(event) => set({ lateInterestPercent: event.currentTarget.value })}
        />
      </SimpleGrid>

      <Fieldset legend={t('plan.freePeriod')}>
        <Checkbox
          label={t('plan.freePeriodEnabled')}
          checked={form.freePeriod.enabled}
          onChange={(event) =>
            set({ freePeriod: { ...form.freePeriod, enabled: event.currentTarget.checked } })
          }
        />
        {form.freePeriod.enabled && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt="sm">
            <TextInput
              label={t('plan.freePeriodMonths')}
              inputMode="numeric"
              value={form.freePeriod.months}
              error={error('freePeriod.months')}
              onChange={(event) =>
                set({ freePeriod: { ...form.freePeriod, months: event.currentTarget.value } })
              }
            />
            <Checkbox
              mt="lg"
              label={t('plan.endsOnFirstRevenue')}
              checked={form.freePeriod.endsOnFirstRevenue}
              onChange={(event) =>
                set({ freePeriod: { ...form.freePeriod, endsOnFirstRevenue: event.currentTarget.checked } })
              }
            />
          </SimpleGrid>
        )}
      </Fieldset>

      <Fieldset legend={t('plan.upfrontFee')}>
        <Checkbox
          label={t('plan.upfrontFeeEnabled')}
          checked={form.upfrontFee.enabled}
          onChange={(event) =>
            set({ upfrontFee: { ...form.upfrontFee, enabled: event.currentTarget.checked } })
          }
        />
        {form.upfrontFee.enabled && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <TextInput
              label={t('plan.amount')}
              description={currencyHint}
              inputMode="decimal"
              value={form.upfrontFee.amount}
              error={error('upfrontFee.amountMinor')}
              onChange={(event) =>
                set({ upfrontFee: { ...form.upfrontFee, amount: event.currentTarget.value } })
              }
            />
            <NativeSelect
              label={t('plan.due')}
              value={form.upfrontFee.due}
              error={error('upfrontFee.due')}
              data={select(FEE_DUES, 'enums.feeDue')}
              onChange={(event) => {
                const due = pick(FEE_DUES, event.currentTarget.value);
                if (due) set({ upfrontFee: { ...form.upfrontFee, due } });
              }}
            />
            {form.upfrontFee.due === 'ON_DATE' && (
              <TextInput
                label={t('plan.onDate')}
                type="date"
                value={form.upfrontFee.onDate}
                onChange={(event) =>
                  set({ upfrontFee: { ...form.upfrontFee, onDate: event.currentTarget.value } })
                }
              />
            )}
          </SimpleGrid>
        )}
      </Fieldset>

      <Fieldset legend={t('plan.installments')}>
        <Checkbox
          label={t('plan.installmentsEnabled')}
          checked={form.installments.enabled}
          onChange={(event) =>
            set({ installments: { ...form.installments, enabled: event.currentTarget.checked } })
          }
        />
        {form.installments.enabled && (
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <TextInput
              label={t('plan.installmentsTotal')}
              description={currencyHint}
              inputMode="decimal"
              value={form.installments.total}
              error={error('installments.totalMinor')}
              onChange={(event) =>
                set({ installments: { ...form.installments, total: event.currentTarget.value } })
              }
            />
            <TextInput
              label={t('plan.installmentsCount')}
              inputMode="numeric"
              value={form.installments.count}
              error={error('installments.count')}
              onChange={(event) =>
                set({ installments: { ...form.installments, count: event.currentTarget.value } })
              }
            />
            <NativeSelect
              label={t('plan.frequency')}
              value={form.installments.frequency}
              error={error('installments.frequency')}
              data={select(PERIODS, 'enums.period')}
              onChange={(event) => {
                const frequency = pick(PERIODS, event.currentTarget.value);
                if (frequency) set({ installments: { ...form.installments, frequency } });
              }}
            />
            <NativeSelect
              label={t('plan.firstDue')}
              value={form.installments.firstDue}
              error={error('installments.firstDue')}
              data={select(INSTALLMENT_STARTS, 'enums.installmentStart')}
              onChange={(event) => {
                const firstDue = pick(INSTALLMENT_STARTS, event.currentTarget.value);
                if (firstDue) set({ installments: { ...form.installments, firstDue } });
              }}
            />
            {form.installments.firstDue === 'ON_DATE' && (
              <TextInput
                label={t('plan.onDate')}
                type="date"
                value={form.installments.onDate}
                onChange={(event) =>
                  set({ installments: { ...form.installments, onDate: event.currentTarget.value } })
                }
              />
            )}
            <NativeSelect
              label={t('plan.remainder')}
              value={form.installments.remainder}
              error={error('installments.remainder')}
              data={select(REMAINDERS, 'enums.remainder')}
              onChange={(event) => {
                const remainder = pick(REMAINDERS, event.currentTarget.value);
                if (remainder) set({ installments: { ...form.installments, remainder } });
              }}
            />
          </SimpleGrid>
        )}
      </Fieldset>

      <Fieldset legend={t('plan.royalty')}>
        <Checkbox
          label={t('plan.royaltyEnabled')}
          checked={form.royalty.enabled}
          onChange={(event) => set({ royalty: { ...form.royalty, enabled: event.currentTarget.checked } })}
        />
        {form.royalty.enabled && (
          <Stack mt="sm">
            <NativeSelect
              label={t('plan.tierBasis')}
              value={form.royalty.tierBasis}
              error={error('royalty.tierBasis')}
              data={select(TIER_BASES, 'enums.tierBasis')}
              onChange={(event) => {
                const tierBasis = pick(TIER_BASES, event.currentTarget.value);
                if (tierBasis) set({ royalty: { ...form.royalty, tierBasis } });
              }}
            />
            {error('royalty.tiers') && <p role="alert">{error('royalty.tiers')}</p>}
            {form.royalty.tiers.map((tier, index) => {
              const update = (patch: Partial<typeof tier>) =>
                set({
                  royalty: {
                    ...form.royalty,
                    tiers: form.royalty.tiers.map((existing, i) =>
                      i === index ? { ...existing, ...patch } : existing,
                    ),
                  },
                });
              return (
                <fieldset key={index} style={{ border: 0, padding: 0, margin: 0 }}>
                  <legend className="visually-hidden">{t('plan.tierN', { n: index + 1 })}</legend>
                  <Group align="flex-start" wrap="wrap" gap="sm">
                    <TextInput
                      label={t('plan.tierFrom', { n: index + 1 })}
                      description={currencyHint}
                      inputMode="decimal"
                      value={tier.from}
                      error={error(`royalty.tiers[${index}].fromMinor`)}
                      onChange={(event) => update({ from: event.currentTarget.value })}
                    />
                    <TextInput
                      label={t('plan.tierTo', { n: index + 1 })}
                      description={t('plan.tierToHint')}
                      inputMode="decimal"
                      value={tier.to}
                      error={error(`royalty.tiers[${index}].toMinor`)}
                      onChange={(event) => update({ to: event.currentTarget.value })}
                    />
                    <TextInput
                      label={t('plan.tierRate', { n: index + 1 })}
                      description={t('plan.percentOfNetSales')}
                      inputMode="decimal"
                      value={tier.ratePercent}
                      error={error(`royalty.tiers[${index}].rateBps`)}
                      onChange={(event) => update({ ratePercent: event.currentTarget.value })}
                    />
                    {form.royalty.tiers.length > 1 && (
                      <ActionIcon
                        mt="xl"
                        variant="subtle"
                        color="red"
                        aria-label={t('plan.removeTier', { n: index + 1 })}
                        onClick={() =>
                          set({
                            royalty: {
                              ...form.royalty,
                              tiers: form.royalty.tiers.filter((_, i) => i !== index),
                            },
                          })
                        }
                      >
                        ×
                      </ActionIcon>
                    )}
                  </Group>
                </fieldset>
              );
            })}
            <Button
              variant="outline"
              style={{ alignSelf: 'flex-start' }}
              onClick={() =>
                set({ royalty: { ...form.royalty, tiers: [...form.royalty.tiers, { ...EMPTY_TIER }] } })
              }
            >
              {t('plan.addTier')}
            </Button>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('plan.capPerYear')}
                description={currencyHint}
                inputMode="decimal"
                value={form.caps.perYear}
                error={error('caps.perYearMinor') ?? error('caps')}
                onChange={(event) => set({ caps: { ...form.caps, perYear: event.currentTarget.value } })}
              />
              <TextInput
                label={t('plan.capTotal')}
                description={currencyHint}
                inputMode="decimal"
                value={form.caps.total}
                error={error('caps.totalMinor')}
                onChange={(event) => set({ caps: { ...form.caps, total: event.currentTarget.value } })}
              />
            </SimpleGrid>
            <Checkbox
              label={t('plan.minimumEnabled')}
              checked={form.minimumAnnualRoyalty.enabled}
              onChange={(event) =>
                set({
                  minimumAnnualRoyalty: {
                    ...form.minimumAnnualRoyalty,
                    enabled: event.currentTarget.checked,
                  },
                })
              }
            />
            {form.minimumAnnualRoyalty.enabled && (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('plan.minimumAmount')}
                  description={currencyHint}
                  inputMode="decimal"
                  value={form.minimumAnnualRoyalty.amount}
                  error={error('minimumAnnualRoyalty.amountMinor') ?? error('minimumAnnualRoyalty')}
                  onChange={(event) =>
                    set({
                      minimumAnnualRoyalty: {
                        ...form.minimumAnnualRoyalty,
                        amount: event.currentTarget.value,
                      },
                    })
                  }
                />
                <TextInput
                  label={t('plan.minimumFromYear')}
                  inputMode="numeric"
                  value={form.minimumAnnualRoyalty.fromContractYear}
                  error={error('minimumAnnualRoyalty.fromContractYear')}
                  onChange={(event) =>
                    set({
                      minimumAnnualRoyalty: {
                        ...form.minimumAnnualRoyalty,
                        fromContractYear: event.currentTarget.value,
                      },
                    })
                  }
                />
              </SimpleGrid>
            )}
          </Stack>
        )}
      </Fieldset>

      <Fieldset legend={t('plan.milestones')}>
        <Stack>
          {form.milestones.map((milestone, index) => {
            const field = `milestones[${index}]`;
            const update = (patch: Partial<typeof milestone>) =>
              set({ milestones: form.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)) });
            return (
              <fieldset key={index} style={{ border: 0, padding: 0, margin: 0 }}>
                <legend className="visually-hidden">{t('plan.milestoneN', { n: index + 1 })}</legend>
                <SimpleGrid cols={{ base: 1, sm: 3 }}>
                  <TextInput
                    label={t('plan.milestoneName', { n: index + 1 })}
                    value={milestone.name}
                    error={error(`${field}.name`) ?? error(`${field}.key`)}
                    onChange={(event) => update({ name: event.currentTarget.value })}
                  />
                  <TextInput
                    label={t('plan.amount')}
                    description={currencyHint}
                    inputMode="decimal"
                    value={milestone.amount}
                    error={error(`${field}.amountMinor`)}
                    onChange={(event) => update({ amount: event.currentTarget.value })}
                  />
                  <NativeSelect
                    label={t('plan.trigger')}
                    value={milestone.trigger}
                    error={error(`${field}.trigger`)}
                    data={select(TRIGGERS, 'enums.milestoneTrigger')}
                    onChange={(event) => {
                      const trigger = pick(TRIGGERS, event.currentTarget.value);
                      if (trigger) update({ trigger });
                    }}
                  />
                  {milestone.trigger === 'CUMULATIVE_NET_SALES' && (
                    <TextInput
                      label={t('plan.threshold')}
                      description={currencyHint}
                      inputMode="decimal"
                      value={milestone.threshold}
                      error={error(`${field}.thresholdMinor`)}
                      onChange={(event) => update({ threshold: event.currentTarget.value })}
                    />
                  )}
                  {milestone.trigger === 'DATE' && (
                    <TextInput
                      label={t('plan.onDate')}
                      type="date"
                      value={milestone.onDate}
                      error={error(`${field}.onDate`)}
                      onChange={(event) => update({ onDate: event.currentTarget.value })}
                    />
                  )}
                  <TextInput
                    label={t('plan.dueDaysAfterEvent')}
                    inputMode="numeric"
                    value={milestone.dueDaysAfterEvent}
                    error={error(`${field}.dueDaysAfterEvent`)}
                    onChange={(event) => update({ dueDaysAfterEvent: event.currentTarget.value })}
                  />
                </SimpleGrid>
                <Button
                  mt="xs"
                  variant="subtle"
                  color="red"
                  onClick={() => set({ milestones: form.milestones.filter((_, i) => i !== index) })}
                >
                  {t('plan.removeMilestone', { n: index + 1 })}
                </Button>
              </fieldset>
            );
          })}
          <Button
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            onClick={() =>
              set({
                milestones: [
                  ...form.milestones,
                  { ...EMPTY_MILESTONE, key: `milestone-${form.milestones.length + 1}` },
                ],
              })
            }
          >
            {t('plan.addMilestone')}
          </Button>
        </Stack>
      </Fieldset>

      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('plan.sublicenseSharePercent')}
          inputMode="decimal"
          value={form.sublicenseSharePercent}
          error={error('sublicenseShareBps')}
          onChange={(event) => set({ sublicenseSharePercent: event.currentTarget.value })}
        />
        <TextInput
          label={t('plan.exitFee')}
          description={currencyHint}
          inputMode="decimal"
          value={form.exitFee}
          error={error('exitFeeMinor')}
          onChange={(event) => set({ exitFee: event.currentTarget.value })}
        />
      </SimpleGrid>
    </Stack>
  );
}

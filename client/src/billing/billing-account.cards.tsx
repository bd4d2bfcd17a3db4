import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BillingAccountDocument,
  RefreshPayoutAccountDocument,
  SaveTestPaymentMethodDocument,
  StartPayoutOnboardingDocument,
  type BillingAccountFieldsFragment,
} from '../graphql/generated/graphql';
import type { Membership } from '../session/session';
import { Loading, RequestError } from '../ui/page-states';

/**
 * Stripe's own test payment methods. Without a publishable key (the embedded default) there is no Stripe Elements
 * to type a card into, so the server saves one of these by id; the declining one lets a team see a failed charge.
 */
export const TEST_PAYMENT_METHODS = [
  'pm_card_visa',
  'pm_card_mastercard',
  'pm_card_cn',
  'pm_card_chargeDeclined',
] as const;

function useBillingAccount(organizationId: string) {
  return useQuery(BillingAccountDocument, { variables: { organizationId } });
}

/** How the SME pays: the saved method, and a way to save one. */
export function PaymentMethodCard({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useBillingAccount(membership.organizationId);
  const [method, setMethod] = useState<string>(TEST_PAYMENT_METHODS[0]);
  const [save, saving] = useMutation(SaveTestPaymentMethodDocument);
  const account = data?.billingAccount;
  const canSave = membership.roles.includes('SME_MEMBER') || membership.roles.includes('FINANCE');
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('billing.paymentMethod')}
        </Title>
        {loading && !account && <Loading />}
        <RequestError error={error} onRetry={() => void refetch().catch(() => undefined)} />
        {account && <SavedMethod account={account} />}
        {account && canSave && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void save({
                variables: { organizationId: membership.organizationId, paymentMethodId: method },
              }).catch(() => undefined);
            }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('billing.testModeNote')}</Text>
              <Group align="flex-end">
                <NativeSelect
                  label={t('billing.testMethod')}
                  value={method}
                  data={TEST_PAYMENT_METHODS.map((value) => ({
                    value,
                    label: t(`billing.testMethods.${value}`),
                  }))}
                  onChange={(event) => setMethod(event.currentTarget.value)}
                />
                <Button type="submit" loading={saving.loading}>
                  {account.hasPaymentMethod ? t('billing.replaceMethod') : t('billing.saveMethod')}
                </Button>
              </Group>
              <RequestError error={saving.error} />
            </Stack>
          </form>
        )}
      </Stack>
    </Card>
  );
}

function SavedMethod({ account }: { account: BillingAccountFieldsFragment }) {
  const { t } = useTranslation();
  if (!account.hasPaymentMethod) return <Text role="status">{t('billing.noMethod')}</Text>;
  return (
    <Stack gap="xs">
      <Text role="status">
        {t('billing.savedMethod', { label: account.paymentMethodLabel ?? t('billing.aCard') })}
      </Text>
      {account.paymentMethodProblem && (
        <Alert color="red" title={t('billing.methodProblem')}>
          {account.paymentMethodProblem}
        </Alert>
      )}
    </Stack>
  );
}

/** How the licensor is paid: its Stripe Connect onboarding, started and followed from here. */
export function PayoutAccountCard({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useBillingAccount(membership.organizationId);
  const [start, starting] = useMutation(StartPayoutOnboardingDocument);
  const [refresh, refreshing] = useMutation(RefreshPayoutAccountDocument);
  const account = data?.billingAccount;
  const canManage = membership.roles.some((role) => ['TTO_MANAGER', 'FINANCE', 'ADMIN'].includes(role));
  const variables = { organizationId: membership.organizationId };
  return (
    <Card withBorder component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h3" id={headingId}>
          {t('billing.payouts')}
        </Title>
        {loading && !account && <Loading />}
        <RequestError error={error} onRetry={() => void refetch().catch(() => undefined)} />
        {account && (
          <>
            <Group gap="xs" role="list" aria-label={t('billing.payoutStatus')}>
              {(['detailsSubmitted', 'chargesEnabled', 'payoutsEnabled'] as const).map((flag) => (
                <Badge key={flag} role="listitem" variant="light" color={account[flag] ? 'green' : 'gray'}>
                  {t(`billing.${flag}.${account[flag] ? 'yes' : 'no'}`)}
                </Badge>
              ))}
            </Group>
            {canManage && (
              <Group>
                <Button
                  loading={starting.loading}
                  onClick={() =>
                    void start({
                      variables: { ...variables, returnUrl: `${window.location.origin}/organization` },
                    })
                      .then(({ data: started }) => {
                        if (started) window.location.assign(started.startPayoutOnboarding.url);
                      })
                      .catch(() => undefined)
                  }
                >
                  {account.hasPayoutAccount ? t('billing.continueOnboarding') : t('billing.startOnboarding')}
                </Button>
                {account.hasPayoutAccount && (
                  <Button
                    variant="outline"
                    loading={refreshing.loading}
                    onClick={() => void refresh({ variables }).catch(() => undefined)}
                  >
                    {t('billing.refreshOnboarding')}
                  </Button>
                )}
              </Group>
            )}
            <RequestError error={starting.error ?? refreshing.error} />
          </>
        )}
      </Stack>
    </Card>
  );
}

import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDeferredValue, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import {
  PatentOffersDocument,
  SignStandardLicenseDocument,
  SimulateLicenseCostDocument,
  type OfferFieldsFragment,
} from '../graphql/generated/graphql';
import { parseAmountToMinor, parsePercentToBps } from '../i18n/amount-input';
import { formatIsoDate, formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { useSession } from '../session/session-hooks';
import { Loading, QueryStates, RequestError } from '../ui/page-states';
import { CostChart } from './cost-chart';
import classes from './licensing.module.css';
import { PlanSummary } from './plan-summary';

const MAX_MONTHS = 120;

/** Monthly net sales over `months`: the first month's figure, growing by a percentage each month, in minor units. */
export function projectSales(firstMonthMinor: number, growthBps: number, months: number): number[] {
  const projection: number[] = [];
  let value = firstMonthMinor;
  for (let month = 0; month < months; month += 1) {
    projection.push(Math.round(value));
    value = value * (1 + growthBps / 10_000);
  }
  return projection;
}

/** A patent's offers, each with what it would cost for the visitor's own sales projection, side by side. */
export default function PatentOffers({ patentId }: { patentId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const { data, loading, error, refetch } = useQuery(PatentOffersDocument, { variables: { id: patentId } });
  const offers = (data?.patent?.offers ?? []).filter((offer) => offer.state === 'PUBLISHED');
  const currency = offers[0]?.paymentPlan.currency ?? 'CNY';
  const [sales, setSales] = useState('100000');
  const [growth, setGrowth] = useState('2');
  const salesMinor = parseAmountToMinor(sales, currency);
  const growthBps = parsePercentToBps(growth);
  const months = Math.min(MAX_MONTHS, Math.max(0, ...offers.map((offer) => offer.paymentPlan.termMonths)));
  const projection = useDeferredValue(
    salesMinor !== null && growthBps !== null ? projectSales(salesMinor, growthBps, months) : null,
  );

  return (
    <section aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {t('offers.title')}
      </Title>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && offers.length === 0}
        emptyTitle={t('offers.none')}
      />
      {offers.length > 0 && (
        <Stack>
          <Text>{t('simulator.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} maw={560}>
            <TextInput
              label={t('simulator.firstMonthSales')}
              description={t('plan.inCurrency', { currency })}
              inputMode="decimal"
              value={sales}
              error={salesMinor === null ? t('formIssues.amount') : undefined}
              onChange={(event) => setSales(event.currentTarget.value)}
            />
            <TextInput
              label={t('simulator.monthlyGrowth')}
              inputMode="decimal"
              value={growth}
              error={growthBps === null ? t('formIssues.percent') : undefined}
              onChange={(event) => setGrowth(event.currentTarget.value)}
            />
          </SimpleGrid>
          <div className={classes.offers}>
            {offers.map((offer) => (
              <OfferCard key={offer.id} offer={offer} projection={projection} />
            ))}
          </div>
        </Stack>
      )}
    </section>
  );
}

function OfferCard({ offer, projection }: { offer: OfferFieldsFragment; projection: number[] | null }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const titleId = useId();
  const months = projection?.slice(0, offer.paymentPlan.termMonths) ?? [];
  const { data, error, loading } = useQuery(SimulateLicenseCostDocument, {
    // An explicit null: the server refuses an omitted start date ("today when omitted" reaches it as undefined).
    variables: { offerId: offer.id, monthlyNetSalesMinor: months, effectiveDate: null },
    skip: !projection,
  });
  const simulation = data?.simulateLicenseCost;
  return (
    <article className={classes.card} aria-labelledby={titleId}>
      <Title order={3} size="h4" id={titleId}>
        {offer.title}
      </Title>
      <Group gap="xs" my="xs">
        <Badge variant="light">{offer.standard ? t('offers.standard') : t('offers.negotiable')}</Badge>
        <Badge variant="light" color="gray">
          {t(`enums.licenseKind.${offer.licenseKind}`)}
        </Badge>
      </Group>
      <Text size="sm">
        {t('offers.fieldAndTerritory', { field: offer.fieldOfUse, territory: offer.territory })}
      </Text>
      <Stack gap="xs" mt="sm">
        {loading && !simulation && <Loading label={t('simulator.computing')} />}
        <RequestError error={error} />
        {simulation && (
          <>
            <p aria-live="polite">
              <strong>
                {t('simulator.total', {
                  total: formatMoney(simulation.totalMinor, simulation.currency, locale),
                  count: offer.paymentPlan.termMonths,
                })}
              </strong>
              <br />
              {t('simulator.freeUntil', { date: formatIsoDate(simulation.freePeriodEndsOn, locale) })}
            </p>
            <CostChart
              simulation={simulation}
              label={t('simulator.chartLabel', {
                title: offer.title,
                total: formatMoney(simulation.totalMinor, simulation.currency, locale),
              })}
            />
            {simulation.notSimulated.length > 0 && (
              <Text size="sm">
                {t('simulator.notSimulated', { items: simulation.notSimulated.join(', ') })}
              </Text>
            )}
          </>
        )}
      </Stack>
      <details>
        <summary>{t('offers.terms')}</summary>
        <PlanSummary plan={offer.paymentPlan} />
      </details>
      <OfferActions offer={offer} />
    </article>
  );
}

function OfferActions({ offer }: { offer: OfferFieldsFragment }) {
  const { t } = useTranslation();
  const { session, membership } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [agreed, setAgreed] = useState(false);
  const [sign, { loading, error }] = useMutation(SignStandardLicenseDocument);
  if (!session) {
    return (
      <Button
        mt="sm"
        variant="outline"
        component={Link}
        to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}
      >
        {t('offers.signInToLicense')}
      </Button>
    );
  }
  if (!membership || membership.organizationKind !== 'SME' || !membership.roles.includes('SME_MEMBER'))
    return null;
  if (!offer.standard) {
    return (
      <Button mt="sm" component={Link} to={`/offers/${offer.id}/request`}>
        {t('offers.request')}
      </Button>
    );
  }
  return (
    <>
      <Button mt="sm" onClick={() => setConfirming(true)}>
        {t('offers.sign')}
      </Button>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('offers.confirmTitle')}
        size="lg"
      >
        <Stack>
          <Text>{t('offers.confirmIntro', { title: offer.title })}</Text>
          <PlanSummary plan={offer.paymentPlan} />
          <Checkbox
            label={t('offers.confirmCheckbox')}
            checked={agreed}
            onChange={(event) => setAgreed(event.currentTarget.checked)}
          />
          {error && (
            <Alert color="red" role="alert">
              <RequestError error={error} />
            </Alert>
          )}
          <Button
            disabled={!agreed}
            loading={loading}
            onClick={() =>
              void sign({ variables: { offerId: offer.id, licenseeId: membership.organizationId } })
                .then(({ data }) => data && navigate(`/contracts/${data.signStandardLicense.id}`))
                .catch(() => undefined)
            }
          >
            {t('offers.signNow')}
          </Button>
        </Stack>
      </Modal>
    </>
  );
}

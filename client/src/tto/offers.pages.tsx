import { useMutation, useQuery } from '@apollo/client/react';
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import {
  CreateLicenseOfferDocument,
  InstitutionLicenseOffersDocument,
  LicenseOfferDocument,
  PublishLicenseOfferDocument,
  WithdrawLicenseOfferDocument,
  type LicenseKind,
  type LicenseOfferState,
  type OfferFieldsFragment,
  type SmeSizeClass,
} from '../graphql/generated/graphql';
import classes from '../licensing/licensing.module.css';
import { PaymentPlanFields } from '../licensing/payment-plan-fields';
import {
  defaultPaymentPlanForm,
  paymentPlanFormToInput,
  type PaymentPlanForm,
} from '../licensing/payment-plan-form';
import { PlanSummary } from '../licensing/plan-summary';
import { parseWholeNumber } from '../i18n/amount-input';
import { useMembership } from '../session/route-membership';
import { useFormErrors } from '../ui/form-errors';
import { Loading, PageTitle, QueryStates, RequestError } from '../ui/page-states';
import { useInstitutionPatents } from './patents.pages';

const LICENSE_KINDS: readonly LicenseKind[] = ['NON_EXCLUSIVE', 'EXCLUSIVE', 'SOLE'];
const SIZE_CLASSES: readonly SmeSizeClass[] = ['MICRO', 'SMALL', 'MEDIUM'];
const STATE_COLORS: Record<LicenseOfferState, string> = {
  DRAFT: 'gray',
  PUBLISHED: 'green',
  WITHDRAWN: 'red',
};

function OfferStateBadge({ state }: { state: LicenseOfferState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" autoContrast>
      {t(`enums.offerState.${state}`)}
    </Badge>
  );
}

export function TtoOffersPage() {
  const { t } = useTranslation();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(InstitutionLicenseOffersDocument, {
    variables: { institutionId: membership.organizationId, first: 100 },
    fetchPolicy: 'cache-and-network',
  });
  const offers = data?.institutionLicenseOffers.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Button component={Link} to="/tto/offers/new">
            {t('ttoOffers.new')}
          </Button>
        }
      >
        {t('ttoOffers.title')}
      </PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && offers.length === 0}
        emptyTitle={t('ttoOffers.none')}
      />
      {offers.length > 0 && (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('ttoOffers.offerTitle')}</th>
                <th scope="col">{t('ttoOffers.type')}</th>
                <th scope="col">{t('ttoOffers.state')}</th>
              </tr>
            </thead>
            <tbody>
              {offers.map((offer) => (
                <tr key={offer.id}>
                  <td>
                    <Link to={`/tto/offers/${offer.id}`}>{offer.title}</Link>
                  </td>
                  <td>{offer.standard ? t('offers.standard') : t('offers.negotiable')}</td>
                  <td>
                    <OfferStateBadge state={offer.state} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

type OfferForm = {
  title: string;
  patentIds: string[];
  licenseKind: LicenseKind;
  fieldOfUse: string;
  territory: string;
  sublicensingAllowed: boolean;
  standard: boolean;
  sizeClasses: SmeSizeClass[];
  maxHeadcount: string;
  requiresSpecialisedAndSophisticated: boolean;
  requiresLittleGiant: boolean;
  plan: PaymentPlanForm;
};

export function NewOfferPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const membership = useMembership();
  const patents = useInstitutionPatents(membership.organizationId);
  const published = (patents.data?.institutionPatents.edges ?? [])
    .map((edge) => edge.node)
    .filter((patent) => patent.state === 'PUBLISHED');
  const [form, setForm] = useState<OfferForm>(() => ({
    title: '',
    patentIds: params.getAll('patent'),
    licenseKind: 'NON_EXCLUSIVE',
    fieldOfUse: '',
    territory: '',
    sublicensingAllowed: false,
    standard: true,
    sizeClasses: [],
    maxHeadcount: '',
    requiresSpecialisedAndSophisticated: false,
    requiresLittleGiant: false,
    plan: defaultPaymentPlanForm('CNY'),
  }));
  const errors = useFormErrors();
  const [create, { loading }] = useMutation(CreateLicenseOfferDocument, {
    refetchQueries: [InstitutionLicenseOffersDocument],
  });
  const set = (patch: Partial<OfferForm>) => setForm((current) => ({ ...current, ...patch }));
  // Errors under `input.` keep their path; the plan's fields read theirs under `paymentPlan.`.
  const planError = (path: string) => errors.error(`paymentPlan.${path}`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const plan = paymentPlanFormToInput(form.plan);
    const maxHeadcount = form.maxHeadcount.trim() ? parseWholeNumber(form.maxHeadcount) : null;
    const issues: Record<string, string> = {};
    for (const [path, issue] of Object.entries(plan.issues ?? {})) issues[`paymentPlan.${path}`] = issue;
    if (form.maxHeadcount.trim() && maxHeadcount === null) issues['eligibility.maxHeadcount'] = 'wholeNumber';
    if (form.patentIds.length === 0) issues['patentIds'] = 'required';
    if (!plan.input || Object.keys(issues).length > 0) return errors.setIssues(issues);
    errors.clear();
    try {
      const { data } = await create({
        variables: {
          institutionId: membership.organizationId,
          input: {
            title: form.title.trim(),
            patentIds: form.patentIds,
            licenseKind: form.licenseKind,
            fieldOfUse: form.fieldOfUse.trim(),
            territory: form.territory.trim(),
            sublicensingAllowed: form.sublicensingAllowed,
            standard: form.standard,
            eligibility: {
              sizeClasses: form.sizeClasses,
              maxHeadcount,
              requiresSpecialisedAndSophisticated: form.requiresSpecialisedAndSophisticated,
              requiresLittleGiant: form.requiresLittleGiant,
            },
            paymentPlan: plan.input,
          },
        },
      });
      if (data) await navigate(`/tto/offers/${data.createLicenseOffer.id}`);
    } catch (failure) {
      errors.fail(failure, 'input');
    }
  }

  return (
    <Stack>
      <PageTitle>{t('ttoOffers.newTitle')}</PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <TextInput
            label={t('ttoOffers.offerTitle')}
            required
            value={form.title}
            error={errors.error('title')}
            onChange={(event) => set({ title: event.currentTarget.value })}
          />
          {patents.loading && !patents.data && <Loading />}
          <Checkbox.Group
            label={t('ttoOffers.patents')}
            description={published.length === 0 ? t('ttoOffers.noPublishedPatents') : undefined}
            value={form.patentIds}
            error={errors.error('patentIds') ?? errors.error('patentIds[0]')}
            onChange={(patentIds) => set({ patentIds })}
          >
            <Stack gap="xs" mt="xs">
              {published.map((patent) => (
                <Checkbox
                  key={patent.id}
                  value={patent.id}
                  label={patent.titleEn || patent.titleZh || patent.applicationNumber}
                />
              ))}
            </Stack>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NativeSelect
              label={t('ttoOffers.licenseKind')}
              value={form.licenseKind}
              error={errors.error('licenseKind')}
              data={LICENSE_KINDS.map((value) => ({ value, label: t(`enums.licenseKind.${value}`) }))}
              onChange={(event) => {
                const licenseKind = LICENSE_KINDS.find((kind) => kind === event.currentTarget.value);
                if (licenseKind) set({ licenseKind });
              }}
            />
            <TextInput
              label={t('ttoOffers.fieldOfUse')}
              required
              value={form.fieldOfUse}
              error={errors.error('fieldOfUse')}
              onChange={(event) => set({ fieldOfUse: event.currentTarget.value })}
            />
            <TextInput
              label={t('ttoOffers.territory')}
              required
              value={form.territory}
              error={errors.error('territory')}
              onChange={(event) => set({ territory: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Checkbox
            label={t('ttoOffers.standard')}
            description={t('ttoOffers.standardHint')}
            checked={form.standard}
            onChange={(event) => set({ standard: event.currentTarget.checked })}
          />
          <Checkbox
            label={t('ttoOffers.sublicensing')}
            checked={form.sublicensingAllowed}
            onChange={(event) => set({ sublicensingAllowed: event.currentTarget.checked })}
          />
          <Title order={2} size="h3">
            {t('ttoOffers.eligibility')}
          </Title>
          <Checkbox.Group
            label={t('ttoOffers.sizeClasses')}
            description={t('ttoOffers.sizeClassesHint')}
            value={form.sizeClasses}
            error={errors.error('eligibility.sizeClasses')}
            onChange={(values) =>
              set({ sizeClasses: SIZE_CLASSES.filter((value) => values.includes(value)) })
            }
          >
            <Group mt="xs">
              {SIZE_CLASSES.map((value) => (
                <Checkbox key={value} value={value} label={t(`enums.smeSizeClass.${value}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput
            label={t('ttoOffers.maxHeadcount')}
            inputMode="numeric"
            maw={240}
            value={form.maxHeadcount}
            error={errors.error('eligibility.maxHeadcount')}
            onChange={(event) => set({ maxHeadcount: event.currentTarget.value })}
          />
          <Checkbox
            label={t('ttoOffers.requiresSpecialised')}
            checked={form.requiresSpecialisedAndSophisticated}
            onChange={(event) => set({ requiresSpecialisedAndSophisticated: event.currentTarget.checked })}
          />
          <Checkbox
            label={t('ttoOffers.requiresLittleGiant')}
            checked={form.requiresLittleGiant}
            onChange={(event) => set({ requiresLittleGiant: event.currentTarget.checked })}
          />
          <Title order={2} size="h3">
            {t('ttoOffers.paymentPlan')}
          </Title>
          <PaymentPlanFields form={form.plan} onChange={(plan) => set({ plan })} error={planError} />
          <RequestError error={errors.summary} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('ttoOffers.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

export function TtoOfferPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const { data, loading, error, refetch } = useQuery(LicenseOfferDocument, { variables: { id } });
  const offer = data?.licenseOffer;
  return (
    <Stack>
      <PageTitle actions={offer ? <OfferStateBadge state={offer.state} /> : undefined}>
        {offer?.title ?? t('ttoOffers.title')}
      </PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && !offer}
        emptyTitle={t('common.notFound')}
      />
      {offer && <OfferView offer={offer} />}
    </Stack>
  );
}

function OfferView({ offer }: { offer: OfferFieldsFragment }) {
  const { t } = useTranslation();
  const [publish, publishState] = useMutation(PublishLicenseOfferDocument);
  const [withdraw, withdrawState] = useMutation(WithdrawLicenseOfferDocument);
  const errors = useFormErrors();
  return (
    <Stack>
      <Text>
        {offer.standard ? t('offers.standard') : t('offers.negotiable')} ·{' '}
        {t(`enums.licenseKind.${offer.licenseKind}`)} ·{' '}
        {t('offers.fieldAndTerritory', { field: offer.fieldOfUse, territory: offer.territory })}
      </Text>
      {offer.policyFindings.length > 0 && (
        <Alert color="yellow" title={t('ttoOffers.policyWarnings')} role="alert">
          <ul className={classes.plainList}>
            {offer.policyFindings.map((finding) => (
              <li key={finding.code}>
                <strong>
                  {t(`policy.${finding.code}` as 'policy.ROYALTY_ABOVE_OPEN_LICENCE_CAP', finding.code)}
                </strong>
                {': '}
                <span lang={finding.messageLanguage}>{finding.message}</span>
              </li>
            ))}
          </ul>
        </Alert>
      )}
      <PlanSummary plan={offer.paymentPlan} />
      <RequestError error={errors.summary} />
      <Group>
        {offer.state === 'DRAFT' && (
          <Button
            loading={publishState.loading}
            onClick={() =>
              void publish({ variables: { id: offer.id } }).catch((e: unknown) => errors.fail(e))
            }
          >
            {t('ttoOffers.publish')}
          </Button>
        )}
        {offer.state === 'PUBLISHED' && (
          <Button
            color="red"
            variant="outline"
            loading={withdrawState.loading}
            onClick={() =>
              void withdraw({ variables: { id: offer.id, reason: null } }).catch((e: unknown) =>
                errors.fail(e),
              )
            }
          >
            {t('ttoOffers.withdraw')}
          </Button>
        )}
        {offer.patentIds.map((patentId) => (
          <Button key={patentId} variant="subtle" component={Link} to={`/patents/${patentId}`}>
            {t('ttoOffers.viewPatent')}
          </Button>
        ))}
      </Group>
    </Stack>
  );
}

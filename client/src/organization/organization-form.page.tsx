import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Button, Checkbox, Fieldset, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  CreateOrganizationDocument,
  MeDocument,
  OrganizationProfileDocument,
  UpdateOrganizationDocument,
  type OrganizationFieldsFragment,
  type OrganizationKind,
  type SmeProfileInput,
  type SmeSizeClass,
  type TtoProfileInput,
} from '../graphql/generated/graphql';
import { minorToAmountInput, parseAmountToMinor, parseWholeNumber } from '../i18n/amount-input';
import { safeNextPath } from '../session/session';
import { PaymentMethodCard, PayoutAccountCard } from '../billing/billing-account.cards';
import { useMembership } from '../session/route-membership';
import { updateSessionUser } from '../session/session-store';
import { useFormErrors } from '../ui/form-errors';
import { Loading, PageTitle, RequestError } from '../ui/page-states';

type Form = {
  kind: OrganizationKind;
  name: string;
  nameZh: string;
  country: string;
  region: string;
  website: string;
  sme: {
    sizeClass: SmeSizeClass;
    headcount: string;
    annualRevenue: string;
    revenueCurrency: string;
    foundedOn: string;
    registrationNumber: string;
    industry: string;
    specialisedAndSophisticated: boolean;
    littleGiant: boolean;
  };
  tto: { contactName: string; contactEmail: string; contactPhone: string; office: string };
};

const SIZE_CLASSES: readonly SmeSizeClass[] = ['MICRO', 'SMALL', 'MEDIUM'];
const CREATABLE_KINDS: readonly OrganizationKind[] = ['SME', 'UNIVERSITY', 'RESEARCH_INSTITUTE'];

function emptyForm(): Form {
  return {
    kind: 'SME',
    name: '',
    nameZh: '',
    country: 'CN',
    region: '',
    website: '',
    sme: {
      sizeClass: 'SMALL',
      headcount: '',
      annualRevenue: '',
      revenueCurrency: 'CNY',
      foundedOn: '',
      registrationNumber: '',
      industry: '',
      specialisedAndSophisticated: false,
      littleGiant: false,
    },
    tto: { contactName: '', contactEmail: '', contactPhone: '', office: '' },
  };
}

function toForm(organization: OrganizationFieldsFragment): Form {
  const base = emptyForm();
  const sme = organization.smeProfile;
  const tto = organization.ttoProfile;
  return {
    kind: organization.kind,
    name: organization.name,
    nameZh: organization.nameZh ?? '',
    country: organization.country,
    region: organization.region ?? '',
    website: organization.website ?? '',
    sme: sme
      ? {
          sizeClass: sme.sizeClass,
          headcount: String(sme.headcount),
          annualRevenue: minorToAmountInput(sme.annualRevenueMinor, sme.revenueCurrency),
          revenueCurrency: sme.revenueCurrency,
          foundedOn: sme.foundedOn,
          registrationNumber: sme.registrationNumber,
          industry: sme.industry,
          specialisedAndSophisticated: sme.specialisedAndSophisticated,
          littleGiant: sme.littleGiant,
        }
      : base.sme,
    tto: tto
      ? {
          contactName: tto.contactName,
          contactEmail: tto.contactEmail,
          contactPhone: tto.contactPhone ?? '',
          office: tto.office ?? '',
        }
      : base.tto,
  };
}

function profileInputs(form: Form): {
  smeProfile?: SmeProfileInput;
  ttoProfile?: TtoProfileInput;
  issues: Record<string, string>;
} {
  const issues: Record<string, string> = {};
  if (form.kind === 'SME') {
    const headcount = parseWholeNumber(form.sme.headcount);
    const revenue = parseAmountToMinor(form.sme.annualRevenue, form.sme.revenueCurrency);
    if (headcount === null) issues['smeProfile.headcount'] = form.sme.headcount ? 'wholeNumber' : 'required';
    if (revenue === null)
      issues['smeProfile.annualRevenueMinor'] = form.sme.annualRevenue ? 'amount' : 'required';
    return {
      issues,
      smeProfile: {
        sizeClass: form.sme.sizeClass,
        headcount: headcount ?? 0,
        annualRevenueMinor: revenue ?? 0,
        revenueCurrency: form.sme.revenueCurrency,
        foundedOn: form.sme.foundedOn,
        registrationNumber: form.sme.registrationNumber.trim(),
        industry: form.sme.industry.trim(),
        specialisedAndSophisticated: form.sme.specialisedAndSophisticated,
        littleGiant: form.sme.littleGiant,
      },
    };
  }
  return {
    issues,
    ttoProfile: {
      contactName: form.tto.contactName.trim(),
      contactEmail: form.tto.contactEmail.trim(),
      contactPhone: form.tto.contactPhone.trim() || null,
      office: form.tto.office.trim() || null,
    },
  };
}

/** Create an organisation: the creator becomes its admin (and TTO manager or SME member). */
export function CreateOrganizationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [params] = useSearchParams();
  const [form, setForm] = useState<Form>(emptyForm);
  const errors = useFormErrors();
  const [create, { loading }] = useMutation(CreateOrganizationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { issues, ...profile } = profileInputs(form);
    if (Object.keys(issues).length > 0) return errors.setIssues(issues);
    errors.clear();
    try {
      await create({
        variables: {
          input: {
            kind: form.kind,
            name: form.name.trim(),
            nameZh: form.nameZh.trim() || null,
            country: form.country.trim().toUpperCase(),
            region: form.region.trim() || null,
            website: form.website.trim() || null,
            ...profile,
          },
        },
      });
      const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
      if (data) updateSessionUser(data.me);
      const next = safeNextPath(params.get('next'));
      await navigate(next !== '/' ? next : form.kind === 'SME' ? '/' : '/tto/patents', { replace: true });
    } catch (error) {
      errors.fail(error, 'input');
    }
  }

  return (
    <Stack maw={720}>
      <PageTitle>{t('organization.createTitle')}</PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <OrganizationFormFields form={form} setForm={setForm} errors={errors} creating />
          <RequestError error={errors.summary} />
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('organization.create')}
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}

/** The organisation's profile: what eligibility rules read for an SME, the contact for a TTO. */
export function OrganizationProfilePage() {
  const { t } = useTranslation();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(OrganizationProfileDocument, {
    variables: { id: membership.organizationId },
  });
  const organization = data?.organization;
  return (
    <Stack maw={720}>
      <PageTitle>{t('organization.profileTitle')}</PageTitle>
      {loading && !organization && <Loading />}
      <RequestError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      {organization && (
        <ProfileEditor
          key={organization.id}
          organization={organization}
          canEdit={membership.roles.includes('ADMIN')}
        />
      )}
      {membership.organizationKind === 'SME' ? (
        <PaymentMethodCard membership={membership} />
      ) : (
        <PayoutAccountCard membership={membership} />
      )}
    </Stack>
  );
}

function ProfileEditor({
  organization,
  canEdit,
}: {
  organization: OrganizationFieldsFragment;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const [form, setForm] = useState<Form>(() => toForm(organization));
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const [update, { loading }] = useMutation(UpdateOrganizationDocument);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    const { issues, ...profile } = profileInputs(form);
    if (Object.keys(issues).length > 0) return errors.setIssues(issues);
    errors.clear();
    try {
      await update({
        variables: {
          id: organization.id,
          input: {
            name: form.name.trim(),
            nameZh: form.nameZh.trim() || null,
            country: form.country.trim().toUpperCase(),
            region: form.region.trim() || null,
            website: form.website.trim() || null,
            ...profile,
          },
        },
      });
      setSaved(true);
    } catch (error) {
      errors.fail(error, 'input');
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <OrganizationFormFields form={form} setForm={setForm} errors={errors} disabled={!canEdit} />
        <RequestError error={errors.summary} />
        {saved && <p role="status">{t('common.saved')}</p>}
        {canEdit && (
          <Button type="submit" loading={loading} style={{ alignSelf: 'flex-start' }}>
            {t('common.save')}
          </Button>
        )}
      </Stack>
    </form>
  );
}

function OrganizationFormFields({
  form,
  setForm,
  errors,
  creating,
  disabled,
}: {
  form: Form;
  setForm: (update: (form: Form) => Form) => void;
  errors: ReturnType<typeof useFormErrors>;
  creating?: boolean;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const text = (key: 'name' | 'nameZh' | 'country' | 'region' | 'website') => ({
    value: form[key],
    error: errors.error(key),
    disabled,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [key]: value }));
    },
  });
  const sme = (
    key: Exclude<keyof Form['sme'], 'specialisedAndSophisticated' | 'littleGiant' | 'sizeClass'>,
    field: string = key,
  ) => ({
    value: form.sme[key],
    error: errors.error(`smeProfile.${field}`),
    disabled,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, sme: { ...current.sme, [key]: value } }));
    },
  });
  const tto = (key: keyof Form['tto']) => ({
    value: form.tto[key],
    error: errors.error(`ttoProfile.${key}`),
    disabled,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, tto: { ...current.tto, [key]: value } }));
    },
  });
  return (
    <Stack>
      {creating && (
        <NativeSelect
          label={t('organization.kind')}
          value={form.kind}
          data={CREATABLE_KINDS.map((kind) => ({ value: kind, label: t(`enums.organizationKind.${kind}`) }))}
          onChange={(event) => {
            const kind = CREATABLE_KINDS.find((value) => value === event.currentTarget.value);
            if (kind) setForm((current) => ({ ...current, kind }));
          }}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('organization.name')} required {...text('name')} />
        <TextInput label={t('organization.nameZh')} {...text('nameZh')} />
        <TextInput
          label={t('organization.country')}
          description={t('organization.countryHint')}
          required
          {...text('country')}
        />
        <TextInput label={t('organization.region')} {...text('region')} />
        <TextInput label={t('organization.website')} type="url" {...text('website')} />
      </SimpleGrid>
      {form.kind === 'SME' ? (
        <Fieldset legend={t('organization.smeProfile')} disabled={disabled}>
          <p>{t('organization.smeProfileHint')}</p>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={t('organization.sizeClass')}
              value={form.sme.sizeClass}
              error={errors.error('smeProfile.sizeClass')}
              data={SIZE_CLASSES.map((value) => ({ value, label: t(`enums.smeSizeClass.${value}`) }))}
              onChange={(event) => {
                const sizeClass = SIZE_CLASSES.find((value) => value === event.currentTarget.value);
                if (sizeClass) setForm((current) => ({ ...current, sme: { ...current.sme, sizeClass } }));
              }}
            />
            <TextInput
              label={t('organization.headcount')}
              inputMode="numeric"
              required
              {...sme('headcount')}
            />
            <TextInput
              label={t('organization.annualRevenue', { currency: form.sme.revenueCurrency })}
              inputMode="decimal"
              required
              {...sme('annualRevenue', 'annualRevenueMinor')}
            />
            <TextInput label={t('organization.foundedOn')} type="date" required {...sme('foundedOn')} />
            <TextInput label={t('organization.registrationNumber')} required {...sme('registrationNumber')} />
            <TextInput label={t('organization.industry')} required {...sme('industry')} />
          </SimpleGrid>
          <Stack mt="sm" gap="xs">
            <Checkbox
              label={t('organization.specialisedAndSophisticated')}
              checked={form.sme.specialisedAndSophisticated}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setForm((current) => ({
                  ...current,
                  sme: { ...current.sme, specialisedAndSophisticated: checked },
                }));
              }}
            />
            <Checkbox
              label={t('organization.littleGiant')}
              checked={form.sme.littleGiant}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setForm((current) => ({ ...current, sme: { ...current.sme, littleGiant: checked } }));
              }}
            />
          </Stack>
        </Fieldset>
      ) : (
        <Fieldset legend={t('organization.ttoProfile')} disabled={disabled}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('organization.contactName')} required {...tto('contactName')} />
            <TextInput
              label={t('organization.contactEmail')}
              type="email"
              required
              {...tto('contactEmail')}
            />
            <TextInput label={t('organization.contactPhone')} type="tel" {...tto('contactPhone')} />
            <TextInput label={t('organization.office')} {...tto('office')} />
          </SimpleGrid>
        </Fieldset>
      )}
    </Stack>
  );
}

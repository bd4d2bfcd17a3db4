import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { JURISDICTIONS, PATENT_LEGAL_STATUSES, TECHNICAL_FIELDS } from '../graphql/enum-values';
import {
  CreatePatentDocument,
  InstitutionPatentsDocument,
  PublishPatentDocument,
  ReturnPatentToDraftDocument,
  UpdatePatentDocument,
  WithdrawPatentDocument,
  type Jurisdiction,
  type ManagedPatentFragment,
  type PatentInput,
  type PatentLegalStatus,
  type PatentState,
  type TechnicalField,
} from '../graphql/generated/graphql';
import classes from '../licensing/licensing.module.css';
import { useMembership } from '../session/route-membership';
import { useFormErrors } from '../ui/form-errors';
import { EmptyState, Loading, PageTitle, QueryStates, RequestError } from '../ui/page-states';

const STATE_COLORS: Record<PatentState, string> = { DRAFT: 'gray', PUBLISHED: 'green', WITHDRAWN: 'red' };

export function PatentStateBadge({ state }: { state: PatentState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" autoContrast>
      {t(`enums.patentState.${state}`)}
    </Badge>
  );
}

export function useInstitutionPatents(institutionId: string) {
  return useQuery(InstitutionPatentsDocument, {
    variables: { institutionId, first: 100 },
    fetchPolicy: 'cache-and-network',
  });
}

export function TtoPatentsPage() {
  const { t } = useTranslation();
  const membership = useMembership();
  const { data, loading, error, refetch } = useInstitutionPatents(membership.organizationId);
  const patents = data?.institutionPatents.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <PageTitle
        actions={
          <Button component={Link} to="/tto/patents/new">
            {t('ttoPatents.new')}
          </Button>
        }
      >
        {t('ttoPatents.title')}
      </PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && patents.length === 0}
        emptyTitle={t('ttoPatents.none')}
      />
      {patents.length > 0 && (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('ttoPatents.titleColumn')}</th>
                <th scope="col">{t('patent.applicationNumber')}</th>
                <th scope="col">{t('ttoPatents.state')}</th>
              </tr>
            </thead>
            <tbody>
              {patents.map((patent) => (
                <tr key={patent.id}>
                  <td>
                    <Link to={`/tto/patents/${patent.id}`}>
                      {patent.titleEn || patent.titleZh || patent.id}
                    </Link>
                  </td>
                  <td>{patent.applicationNumber}</td>
                  <td>
                    <PatentStateBadge state={patent.state} />
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

type PatentForm = {
  titleEn: string;
  titleZh: string;
  abstractEn: string;
  abstractZh: string;
  applicationNumber: string;
  jurisdiction: Jurisdiction;
  legalStatus: PatentLegalStatus;
  filingDate: string;
  grantDate: string;
  expiryDate: string;
  ipcClasses: string;
  trl: string;
  technicalFields: TechnicalField[];
  keywords: string;
};

function toForm(patent: ManagedPatentFragment | null): PatentForm {
  return {
    titleEn: patent?.titleEn ?? '',
    titleZh: patent?.titleZh ?? '',
    abstractEn: patent?.abstractEn ?? '',
    abstractZh: patent?.abstractZh ?? '',
    applicationNumber: patent?.applicationNumber ?? '',
    jurisdiction: patent?.jurisdiction ?? 'CN',
    legalStatus: patent?.legalStatus ?? 'FILED',
    filingDate: patent?.filingDate ?? '',
    grantDate: patent?.grantDate ?? '',
    expiryDate: patent?.expiryDate ?? '',
    ipcClasses: patent?.ipcClasses.join('; ') ?? '',
    trl: String(patent?.trl ?? 4),
    technicalFields: patent?.technicalFields ?? [],
    keywords: patent?.keywords.join('; ') ?? '',
  };
}

const list = (raw: string) =>
  raw
    .split(/[;；\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

function toInput(form: PatentForm): PatentInput {
  return {
    titleEn: form.titleEn.trim() || null,
    titleZh: form.titleZh.trim() || null,
    abstractEn: form.abstractEn.trim() || null,
    abstractZh: form.abstractZh.trim() || null,
    applicationNumber: form.applicationNumber.trim(),
    jurisdiction: form.jurisdiction,
    legalStatus: form.legalStatus,
    filingDate: form.filingDate,
    grantDate: form.grantDate || null,
    expiryDate: form.expiryDate || null,
    ipcClasses: list(form.ipcClasses),
    trl: Number(form.trl),
    technicalFields: form.technicalFields,
    keywords: list(form.keywords),
  };
}

export function TtoPatentPage() {
  const { t } = useTranslation();
  const { id } = useParams<'id'>();
  const membership = useMembership();
  const { data, loading, error } = useInstitutionPatents(membership.organizationId);
  const patent = id
    ? (data?.institutionPatents.edges.find((edge) => edge.node.id === id)?.node ?? null)
    : null;
  if (id && !patent) {
    return (
      <>
        <PageTitle>{t('ttoPatents.editTitle')}</PageTitle>
        {loading && <Loading />}
        <RequestError error={error} />
        {data && <EmptyState title={t('common.notFound')} />}
      </>
    );
  }
  return <PatentEditor key={patent?.id ?? 'new'} patent={patent} institutionId={membership.organizationId} />;
}

function PatentEditor({
  patent,
  institutionId,
}: {
  patent: ManagedPatentFragment | null;
  institutionId: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form, setForm] = useState<PatentForm>(() => toForm(patent));
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors();
  const refetchQueries = [InstitutionPatentsDocument];
  const [create, createState] = useMutation(CreatePatentDocument, { refetchQueries });
  const [update, updateState] = useMutation(UpdatePatentDocument, { refetchQueries });
  const [publish, publishState] = useMutation(PublishPatentDocument, { refetchQueries });
  const [withdraw, withdrawState] = useMutation(WithdrawPatentDocument, { refetchQueries });
  const [toDraft, toDraftState] = useMutation(ReturnPatentToDraftDocument, { refetchQueries });
  const editable = !patent || patent.state !== 'WITHDRAWN';

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    try {
      if (patent) {
        await update({ variables: { id: patent.id, input: toInput(form) } });
        setSaved(true);
      } else {
        const { data } = await create({ variables: { institutionId, input: toInput(form) } });
        if (data) await navigate(`/tto/patents/${data.createPatent.id}`, { replace: true });
      }
    } catch (failure) {
      errors.fail(failure, 'input');
    }
  }
  const act = (action: () => Promise<unknown>) => {
    errors.clear();
    setSaved(false);
    action().catch((failure: unknown) => errors.fail(failure, 'input'));
  };
  const text = (key: Exclude<keyof PatentForm, 'technicalFields' | 'jurisdiction' | 'legalStatus'>) => ({
    value: form[key],
    error: errors.error(key),
    disabled: !editable,
    onChange: (event: { currentTarget: { value: string } }) => {
      const value = event.currentTarget.value;
      setForm((current) => ({ ...current, [key]: value }));
    },
  });

  return (
    <Stack>
      <PageTitle actions={patent ? <PatentStateBadge state={patent.state} /> : undefined}>
        {patent ? t('ttoPatents.editTitle') : t('ttoPatents.newTitle')}
      </PageTitle>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <Stack>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('ttoPatents.titleEn')} {...text('titleEn')} />
            <TextInput label={t('ttoPatents.titleZh')} lang="zh-CN" {...text('titleZh')} />
            <Textarea label={t('ttoPatents.abstractEn')} autosize minRows={3} {...text('abstractEn')} />
            <Textarea
              label={t('ttoPatents.abstractZh')}
              autosize
              minRows={3}
              lang="zh-CN"
              {...text('abstractZh')}
            />
            <TextInput label={t('patent.applicationNumber')} required {...text('applicationNumber')} />
            <NativeSelect
              label={t('catalogue.jurisdictionLabel')}
              value={form.jurisdiction}
              error={errors.error('jurisdiction')}
              disabled={!editable}
              data={JURISDICTIONS.map((value) => ({ value, label: t(`enums.jurisdiction.${value}`) }))}
              onChange={(event) => {
                const value = JURISDICTIONS.find((j) => j === event.currentTarget.value);
                if (value) setForm((current) => ({ ...current, jurisdiction: value }));
              }}
            />
            <NativeSelect
              label={t('catalogue.legalStatusLabel')}
              value={form.legalStatus}
              error={errors.error('legalStatus')}
              disabled={!editable}
              data={PATENT_LEGAL_STATUSES.map((value) => ({ value, label: t(`enums.legalStatus.${value}`) }))}
              onChange={(event) => {
                const value = PATENT_LEGAL_STATUSES.find((s) => s === event.currentTarget.value);
                if (value) setForm((current) => ({ ...current, legalStatus: value }));
              }}
            />
            <TextInput label={t('patent.filingDate')} type="date" required {...text('filingDate')} />
            <TextInput label={t('patent.grantDate')} type="date" {...text('grantDate')} />
            <TextInput label={t('patent.expiryDate')} type="date" {...text('expiryDate')} />
            <TextInput label={t('catalogue.trlLabel')} inputMode="numeric" {...text('trl')} />
            <TextInput
              label={t('patent.ipcClasses')}
              description={t('ttoPatents.listHint')}
              {...text('ipcClasses')}
            />
            <TextInput
              label={t('patent.keywords')}
              description={t('ttoPatents.listHint')}
              {...text('keywords')}
            />
          </SimpleGrid>
          <Checkbox.Group
            label={t('patent.technicalFields')}
            value={form.technicalFields}
            error={errors.error('technicalFields')}
            onChange={(values) =>
              setForm((current) => ({
                ...current,
                technicalFields: TECHNICAL_FIELDS.filter((field) => values.includes(field)),
              }))
            }
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs">
              {TECHNICAL_FIELDS.map((field) => (
                <Checkbox
                  key={field}
                  value={field}
                  label={t(`enums.technicalField.${field}`)}
                  disabled={!editable}
                />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <RequestError error={errors.summary} />
          {saved && <p role="status">{t('common.saved')}</p>}
          <Group>
            {editable && (
              <Button type="submit" loading={createState.loading || updateState.loading}>
                {patent ? t('common.save') : t('ttoPatents.create')}
              </Button>
            )}
            {patent?.state === 'DRAFT' && (
              <Button
                variant="outline"
                loading={publishState.loading}
                onClick={() => act(() => publish({ variables: { id: patent.id } }))}
              >
                {t('ttoPatents.publish')}
              </Button>
            )}
            {patent?.state === 'PUBLISHED' && (
              <Button
                variant="outline"
                color="red"
                loading={withdrawState.loading}
                onClick={() => act(() => withdraw({ variables: { id: patent.id, reason: null } }))}
              >
                {t('ttoPatents.withdraw')}
              </Button>
            )}
            {patent?.state === 'WITHDRAWN' && (
              <Button
                variant="outline"
                loading={toDraftState.loading}
                onClick={() => act(() => toDraft({ variables: { id: patent.id } }))}
              >
                {t('ttoPatents.toDraft')}
              </Button>
            )}
            {patent?.state === 'PUBLISHED' && (
              <Button variant="subtle" component={Link} to={`/patents/${patent.id}`}>
                {t('ttoPatents.viewPublic')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      {patent && (
        <Title order={2} size="h4">
          <Link to={`/tto/offers/new?patent=${patent.id}`}>{t('ttoOffers.newForPatent')}</Link>
        </Title>
      )}
    </Stack>
  );
}

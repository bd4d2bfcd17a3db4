import { useMutation, useQuery } from '@apollo/client/react';
import { Badge, Button, Checkbox, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import {
  AgreeLicenseRequestDocument,
  CounterLicenseRequestDocument,
  LicenseOfferDocument,
  LicenseRequestDetailDocument,
  OrganizationLicenseRequestsDocument,
  OrganizationProfileDocument,
  RejectLicenseRequestDocument,
  RequestLicenseDocument,
  WithdrawLicenseRequestDocument,
  type LicenseRequestDetailQuery,
  type LicenseRequestState,
} from '../graphql/generated/graphql';
import { formatDateTime } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { useMembership } from '../session/route-membership';
import { useFormErrors } from '../ui/form-errors';
import { EmptyState, Loading, PageTitle, QueryStates, RequestError } from '../ui/page-states';
import classes from './licensing.module.css';
import { PaymentPlanFields } from './payment-plan-fields';
import { paymentPlanFormToInput, paymentPlanToForm, type PaymentPlanForm } from './payment-plan-form';
import { PlanSummary } from './plan-summary';

const STATE_COLORS: Record<LicenseRequestState, string> = {
  AWAITING_LICENSOR: 'yellow',
  AWAITING_LICENSEE: 'orange',
  AGREED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'gray',
};

export function RequestStateBadge({ state }: { state: LicenseRequestState }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATE_COLORS[state]} variant="light" autoContrast>
      {t(`enums.requestState.${state}`)}
    </Badge>
  );
}

export function OfferTitle({ id }: { id: string }) {
  const { data } = useQuery(LicenseOfferDocument, { variables: { id } });
  return <>{data?.licenseOffer?.title ?? '…'}</>;
}

export function OrganizationName({ id }: { id: string }) {
  const { data } = useQuery(OrganizationProfileDocument, { variables: { id } });
  return <>{data?.organization?.name ?? '…'}</>;
}

/** A TTO's inbox or an SME's outbox of licence requests. */
export function RequestsPage() {
  const { t } = useTranslation();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(OrganizationLicenseRequestsDocument, {
    variables: { organizationId: membership.organizationId, first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const requests = data?.organizationLicenseRequests.edges.map((edge) => edge.node) ?? [];
  const isLicensor = membership.organizationKind !== 'SME';
  return (
    <>
      <PageTitle>{isLicensor ? t('requests.inboxTitle') : t('requests.outboxTitle')}</PageTitle>
      {loading && !data && <Loading />}
      <RequestError error={error} onRetry={() => void refetch().catch(() => undefined)} />
      {data && requests.length === 0 && (
        <EmptyState title={t('requests.none')}>
          {isLicensor ? t('requests.noneTto') : t('requests.noneSme')}
        </EmptyState>
      )}
      {requests.length > 0 && (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('requests.offer')}</th>
                <th scope="col">{isLicensor ? t('requests.licensee') : t('requests.licensor')}</th>
                <th scope="col">{t('requests.state')}</th>
                <th scope="col">{t('requests.lastStep')}</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((request) => (
                <tr key={request.id}>
                  <td>
                    <Link to={`/requests/${request.id}`}>
                      <OfferTitle id={request.offerId} />
                    </Link>
                  </td>
                  <td>
                    <OrganizationName id={isLicensor ? request.licenseeId : request.licensorId} />
                  </td>
                  <td>
                    <RequestStateBadge state={request.state} />
                  </td>
                  <td>{t(`enums.negotiationAction.${request.thread.at(-1)?.action ?? 'REQUESTED'}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

/** An SME asks for a negotiable offer, as published or with changed terms, with a message. */
export function RequestLicensePage() {
  const { t } = useTranslation();
  const { offerId = '' } = useParams<'offerId'>();
  const membership = useMembership();
  const navigate = useNavigate();
  const { data, loading, error } = useQuery(LicenseOfferDocument, { variables: { id: offerId } });
  const offer = data?.licenseOffer;
  const [changeTerms, setChangeTerms] = useState(false);
  const [plan, setPlan] = useState<PaymentPlanForm | null>(null);
  const [message, setMessage] = useState('');
  const errors = useFormErrors();
  const [request, { loading: sending }] = useMutation(RequestLicenseDocument);
  const form = plan ?? (offer ? paymentPlanToForm(offer.paymentPlan) : null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!offer || !form) return;
    let paymentPlan = null;
    if (changeTerms) {
      const result = paymentPlanFormToInput(form);
      if (result.issues) return errors.setIssues(result.issues);
      paymentPlan = result.input;
    }
    errors.clear();
    try {
      const { data: sent } = await request({
        variables: {
          offerId,
          licenseeId: membership.organizationId,
          message: message.trim() || null,
          paymentPlan,
        },
      });
      if (sent) await navigate(`/requests/${sent.requestLicense.id}`);
    } catch (failure) {
      errors.fail(failure, 'paymentPlan');
    }
  }

  return (
    <Stack>
      <PageTitle>{t('requests.newTitle')}</PageTitle>
      {loading && <Loading />}
      <RequestError error={error} />
      {offer && form && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <Stack>
            <Title order={2} size="h3">
              {offer.title}
            </Title>
            <PlanSummary plan={offer.paymentPlan} />
            <Checkbox
              label={t('requests.proposeChanges')}
              checked={changeTerms}
              onChange={(event) => setChangeTerms(event.currentTarget.checked)}
            />
            {changeTerms && (
              <PaymentPlanFields form={form} onChange={setPlan} error={errors.error} fixedCurrency />
            )}
            <Textarea
              label={t('requests.message')}
              autosize
              minRows={3}
              value={message}
              error={errors.error('message')}
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
            <RequestError error={errors.summary} />
            <Button type="submit" loading={sending} style={{ alignSelf: 'flex-start' }}>
              {t('requests.send')}
            </Button>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

type RequestDetail = NonNullable<LicenseRequestDetailQuery['licenseRequest']>;

/** A negotiation: its thread, the terms on the table, and what the side whose turn it is can do. */
export function RequestPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { id = '' } = useParams<'id'>();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(LicenseRequestDetailDocument, { variables: { id } });
  const request = data?.licenseRequest;
  return (
    <Stack>
      <PageTitle>{t('requests.detailTitle')}</PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && !request}
        emptyTitle={t('common.notFound')}
      />
      {request && (
        <>
          <Group>
            <Title order={2} size="h3">
              <OfferTitle id={request.offerId} />
            </Title>
            <RequestStateBadge state={request.state} />
          </Group>
          {request.contractId && (
            <Button
              component={Link}
              to={`/contracts/${request.contractId}`}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('requests.openContract')}
            </Button>
          )}
          <section aria-labelledby="terms-on-table">
            <Title order={2} size="h4" id="terms-on-table" mb="xs">
              {t('requests.termsOnTable')}
            </Title>
            <PlanSummary plan={request.proposal} />
          </section>
          <RequestActions
            request={request}
            side={membership.organizationId === request.licensorId ? 'LICENSOR' : 'LICENSEE'}
          />
          <section aria-labelledby="thread">
            <Title order={2} size="h4" id="thread" mb="xs">
              {t('requests.thread')}
            </Title>
            <ol className={classes.thread}>
              {request.thread.map((step, index) => (
                <li key={index}>
                  <Text fw={600}>
                    {t(`enums.negotiationSide.${step.side}`)} · {t(`enums.negotiationAction.${step.action}`)}
                  </Text>
                  <Text size="sm">
                    <time dateTime={step.at}>{formatDateTime(step.at, locale)}</time>
                  </Text>
                  {step.message && <Text>{step.message}</Text>}
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </Stack>
  );
}

function RequestActions({ request, side }: { request: RequestDetail; side: 'LICENSOR' | 'LICENSEE' }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'none' | 'counter' | 'reject' | 'withdraw'>('none');
  const [message, setMessage] = useState('');
  const [plan, setPlan] = useState<PaymentPlanForm>(() => paymentPlanToForm(request.proposal));
  const errors = useFormErrors();
  const [agree, agreeState] = useMutation(AgreeLicenseRequestDocument);
  const [counter, counterState] = useMutation(CounterLicenseRequestDocument);
  const [reject, rejectState] = useMutation(RejectLicenseRequestDocument);
  const [withdraw, withdrawState] = useMutation(WithdrawLicenseRequestDocument);
  const myTurn = request.state === (side === 'LICENSOR' ? 'AWAITING_LICENSOR' : 'AWAITING_LICENSEE');
  const open = request.state === 'AWAITING_LICENSOR' || request.state === 'AWAITING_LICENSEE';
  if (!open) return null;

  const run = async (action: () => Promise<unknown>, prefix = '') => {
    errors.clear();
    try {
      await action();
      setMode('none');
      setMessage('');
    } catch (failure) {
      errors.fail(failure, prefix);
    }
  };

  return (
    <section aria-labelledby="your-move">
      <Title order={2} size="h4" id="your-move" mb="xs">
        {myTurn ? t('requests.yourMove') : t('requests.waiting')}
      </Title>
      <RequestError error={errors.summary} />
      <Group>
        {myTurn && (
          <Button
            loading={agreeState.loading}
            onClick={() =>
              void run(() => agree({ variables: { id: request.id, message: message.trim() || null } }))
            }
          >
            {side === 'LICENSOR' ? t('requests.approve') : t('requests.accept')}
          </Button>
        )}
        {myTurn && (
          <Button variant="outline" onClick={() => setMode('counter')}>
            {t('requests.counter')}
          </Button>
        )}
        {myTurn && side === 'LICENSOR' && (
          <Button variant="outline" color="red" onClick={() => setMode('reject')}>
            {t('requests.reject')}
          </Button>
        )}
        <Button variant="subtle" color="red" onClick={() => setMode('withdraw')}>
          {t('requests.withdraw')}
        </Button>
      </Group>
      {mode !== 'none' && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (mode === 'counter') {
              const result = paymentPlanFormToInput(plan);
              if (result.issues) return errors.setIssues(result.issues);
              void run(
                () =>
                  counter({
                    variables: { id: request.id, paymentPlan: result.input, message: message.trim() || null },
                  }),
                'paymentPlan',
              );
            } else if (mode === 'reject') {
              if (!message.trim()) return errors.setIssues({ reason: 'required' });
              void run(() => reject({ variables: { id: request.id, reason: message.trim() } }));
            } else {
              void run(() => withdraw({ variables: { id: request.id, reason: message.trim() || null } }));
            }
          }}
          noValidate
        >
          <Stack mt="md">
            {mode === 'counter' && (
              <PaymentPlanFields form={plan} onChange={setPlan} error={errors.error} fixedCurrency />
            )}
            <Textarea
              label={mode === 'counter' ? t('requests.message') : t('requests.reason')}
              required={mode === 'reject'}
              autosize
              minRows={2}
              value={message}
              error={errors.error('reason') ?? errors.error('message')}
              onChange={(event) => setMessage(event.currentTarget.value)}
            />
            <Group>
              <Button
                type="submit"
                color={mode === 'counter' ? undefined : 'red'}
                loading={counterState.loading || rejectState.loading || withdrawState.loading}
              >
                {t(`requests.confirm.${mode}`)}
              </Button>
              <Button variant="subtle" onClick={() => setMode('none')}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

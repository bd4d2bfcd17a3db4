import { useMutation, useQuery } from '@apollo/client/react';
import {
  Badge,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import {
  ConfirmMilestoneDocument,
  ContractDetailDocument,
  DeclareMilestoneDocument,
  ExitContractDocument,
  OrganizationContractsDocument,
  ReportDeadlinesDocument,
  SubmitRoyaltyReportDocument,
  type ContractDetailQuery,
  type ContractState,
  type ObligationStatus,
} from '../graphql/generated/graphql';
import { ObligationPaymentsSection } from '../billing/obligation-payments';
import { ContractStatementSection } from '../finance/contract-statement';
import { formatIsoDate, formatMoney } from '../i18n/format';
import { useLocale } from '../i18n/i18n';
import { OrganizationName } from '../licensing/requests.pages';
import { PlanSummary } from '../licensing/plan-summary';
import classes from '../licensing/licensing.module.css';
import { useMembership } from '../session/route-membership';
import type { Membership } from '../session/session';
import { useFormErrors } from '../ui/form-errors';
import { EmptyState, PageTitle, QueryStates, RequestError } from '../ui/page-states';
import { obligationCalendar, startedReportingPeriods } from './obligation-calendar';
import { EMPTY_REPORT_LINE, reportLinesToInput, type ReportLineForm } from './report-lines';

const CONTRACT_COLORS: Record<ContractState, string> = {
  FREE_PERIOD: 'teal',
  ACTIVE: 'blue',
  COMPLETED: 'gray',
  EXITED: 'gray',
  TERMINATED: 'gray',
  DEFAULTED: 'red',
};

const OBLIGATION_COLORS: Record<ObligationStatus, string> = {
  SCHEDULED: 'gray',
  DUE: 'yellow',
  OVERDUE: 'red',
  PAID: 'green',
  WAIVED: 'gray',
  CANCELLED: 'gray',
};

export function ContractStateBadge({ state }: { state: ContractState }) {
  const { t } = useTranslation();
  return (
    <Badge color={CONTRACT_COLORS[state]} variant="light" autoContrast>
      {t(`enums.contractState.${state}`)}
    </Badge>
  );
}

export function ContractsPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(OrganizationContractsDocument, {
    variables: { organizationId: membership.organizationId, first: 50 },
    fetchPolicy: 'cache-and-network',
  });
  const contracts = data?.organizationContracts.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      <PageTitle>{t('contracts.title')}</PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && contracts.length === 0}
        emptyTitle={t('contracts.none')}
      />
      {contracts.length > 0 && (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('contracts.number')}</th>
                <th scope="col">{t('contracts.licence')}</th>
                <th scope="col">{t('contracts.otherParty')}</th>
                <th scope="col">{t('contracts.effective')}</th>
                <th scope="col">{t('contracts.state')}</th>
              </tr>
            </thead>
            <tbody>
              {contracts.map((contract) => (
                <tr key={contract.id}>
                  <td>
                    <Link to={`/contracts/${contract.id}`}>{contract.number}</Link>
                  </td>
                  <td>{contract.title}</td>
                  <td>
                    <OrganizationName
                      id={
                        contract.licensorId === membership.organizationId
                          ? contract.licenseeId
                          : contract.licensorId
                      }
                    />
                  </td>
                  <td>{formatIsoDate(contract.effectiveDate, locale)}</td>
                  <td>
                    <ContractStateBadge state={contract.state} />
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

type Contract = NonNullable<ContractDetailQuery['contract']>;

export function ContractPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams<'id'>();
  const membership = useMembership();
  const { data, loading, error, refetch } = useQuery(ContractDetailDocument, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const contract = data?.contract;
  const isLicensee = contract?.licenseeId === membership.organizationId;
  const mayPay = isLicensee && membership.roles.some((role) => role === 'SME_MEMBER' || role === 'FINANCE');
  // The parties' finance staff keep the books on the contract: its statement, and its CSV.
  const isParty = isLicensee || contract?.licensorId === membership.organizationId;
  const keepsBooks = isParty && membership.roles.includes('FINANCE');
  return (
    <Stack>
      <PageTitle>
        {contract ? t('contracts.detailTitle', { number: contract.number }) : t('contracts.title')}
      </PageTitle>
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && !contract}
        emptyTitle={t('common.notFound')}
      />
      {contract && (
        <>
          <ContractOverview contract={contract} />
          <ObligationCalendarSection contract={contract} />
          {isLicensee && <ObligationPaymentsSection contractId={contract.id} mayPay={mayPay} />}
          {keepsBooks && <ContractStatementSection contractId={contract.id} />}
          {isLicensee && contract.state !== 'EXITED' && <RoyaltyReportForm contract={contract} />}
          <ReportsSection contract={contract} />
          <MilestonesSection contract={contract} membership={membership} isLicensee={isLicensee} />
          {isLicensee && contract.state === 'FREE_PERIOD' && <ExitSection contract={contract} />}
        </>
      )}
    </Stack>
  );
}

function ContractOverview({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section aria-labelledby="contract-overview">
      <Group>
        <Title order={2} size="h3" id="contract-overview">
          {contract.title}
        </Title>
        <ContractStateBadge state={contract.state} />
      </Group>
      <dl className={classes.terms}>
        <div>
          <dt>{t('contracts.licensor')}</dt>
          <dd>
            <OrganizationName id={contract.licensorId} />
          </dd>
        </div>
        <div>
          <dt>{t('contracts.licensee')}</dt>
          <dd>
            <OrganizationName id={contract.licenseeId} />
          </dd>
        </div>
        <div>
          <dt>{t('contracts.effective')}</dt>
          <dd>{formatIsoDate(contract.effectiveDate, locale)}</dd>
        </div>
        <div>
          <dt>{t('contracts.kindFieldTerritory')}</dt>
          <dd>
            {t(`enums.licenseKind.${contract.licenseKind}`)} · {contract.fieldOfUse} · {contract.territory}
          </dd>
        </div>
      </dl>
      <details>
        <summary>{t('offers.terms')}</summary>
        <PlanSummary plan={contract.paymentPlan} />
      </details>
    </section>
  );
}

function ObligationCalendarSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const calendar = obligationCalendar(contract.obligations.edges.map((edge) => edge.node));
  const totals = (amounts: Record<string, number>) =>
    Object.entries(amounts)
      .map(([currency, minor]) => formatMoney(minor, currency, locale))
      .join(' + ');
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
      new Date(`${month}-01T00:00:00Z`),
    );
  const row = (obligation: (typeof calendar.overdue)[number]) => (
    <tr key={obligation.id}>
      <td>{formatIsoDate(obligation.dueDate, locale)}</td>
      <td>
        {t(`enums.obligationKind.${obligation.kind}` as 'enums.obligationKind.UPFRONT', obligation.kind)}
      </td>
      <td>{formatMoney(obligation.amountMinor, obligation.currency, locale)}</td>
      <td>
        <Badge color={OBLIGATION_COLORS[obligation.status]} variant="light" autoContrast>
          {t(`enums.obligationStatus.${obligation.status}`)}
        </Badge>
      </td>
    </tr>
  );
  const head = (
    <thead>
      <tr>
        <th scope="col">{t('contracts.dueDate')}</th>
        <th scope="col">{t('contracts.kind')}</th>
        <th scope="col">{t('contracts.amount')}</th>
        <th scope="col">{t('contracts.status')}</th>
      </tr>
    </thead>
  );
  return (
    <section aria-labelledby="obligations">
      <Title order={2} size="h3" id="obligations" mb="xs">
        {t('contracts.obligations')}
      </Title>
      {calendar.overdue.length === 0 && calendar.months.length === 0 && (
        <EmptyState title={t('contracts.noObligations')} />
      )}
      {calendar.overdue.length > 0 && (
        <section aria-labelledby="overdue">
          <Title order={3} size="h4" id="overdue" c="red.9">
            {t('contracts.overdue', { total: totals(calendar.overdueMinor) })}
          </Title>
          <div className={classes.tableWrap}>
            <table className={classes.table}>
              {head}
              <tbody>{calendar.overdue.map(row)}</tbody>
            </table>
          </div>
        </section>
      )}
      {calendar.months.map((month) => (
        <section key={month.month} aria-labelledby={`month-${month.month}`}>
          <Title order={3} size="h5" id={`month-${month.month}`} mt="sm">
            {monthName(month.month)}
            {Object.keys(month.openMinor).length > 0 &&
              ` · ${t('contracts.toPay', { total: totals(month.openMinor) })}`}
          </Title>
          <div className={classes.tableWrap}>
            <table className={classes.table}>
              {head}
              <tbody>{month.obligations.map(row)}</tbody>
            </table>
          </div>
        </section>
      ))}
    </section>
  );
}

function RoyaltyReportForm({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = contract.paymentPlan.currency;
  const today = new Date().toISOString().slice(0, 10);
  const periods = startedReportingPeriods(
    contract.effectiveDate,
    contract.paymentPlan.reportingPeriod ?? 'QUARTERLY',
    contract.paymentPlan.termMonths,
    today,
  );
  const [periodStart, setPeriodStart] = useState(periods[0] ?? contract.effectiveDate);
  const [lines, setLines] = useState<ReportLineForm[]>([{ ...EMPTY_REPORT_LINE }]);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const errors = useFormErrors();
  const [submit, { loading }] = useMutation(SubmitRoyaltyReportDocument, {
    refetchQueries: [ContractDetailDocument],
  });
  const { lines: input, totals, issues } = reportLinesToInput(lines, currency);
  const existing = contract.royaltyReports.filter((report) => report.periodStart === periodStart);
  const money = (minor: number) => formatMoney(minor, currency, locale);

  async function send(event: FormEvent, zero: boolean) {
    event.preventDefault();
    setSubmitted(null);
    if (!zero && Object.keys(issues).length > 0) return errors.setIssues(issues);
    errors.clear();
    try {
      const { data } = await submit({
        variables: { contractId: contract.id, periodStart, lines: zero ? [] : input },
      });
      if (data)
        setSubmitted(
          t('reports.submitted', {
            revision: data.submitRoyaltyReport.revision,
            royalty: money(data.submitRoyaltyReport.royaltyMinor),
          }),
        );
      if (zero) setLines([]);
    } catch (failure) {
      errors.fail(failure);
    }
  }

  const update = (index: number, patch: Partial<ReportLineForm>) =>
    setLines((current) => current.map((line, i) => (i === index ? { ...line, ...patch } : line)));

  return (
    <section aria-labelledby="report-form">
      <Title order={2} size="h3" id="report-form" mb="xs">
        {t('reports.title')}
      </Title>
      <form onSubmit={(event) => void send(event, false)} noValidate>
        <Stack>
          <NativeSelect
            label={t('reports.period')}
            value={periodStart}
            error={errors.error('periodStart')}
            data={periods.map((start) => ({ value: start, label: formatIsoDate(start, locale) }))}
            onChange={(event) => setPeriodStart(event.currentTarget.value)}
          />
          {existing.length > 0 && (
            <Text size="sm">
              {t('reports.amending', { revision: Math.max(...existing.map((r) => r.revision)) })}
            </Text>
          )}
          {lines.map((line, index) => (
            <fieldset key={index} style={{ border: 0, padding: 0, margin: 0 }}>
              <legend className="visually-hidden">{t('reports.lineN', { n: index + 1 })}</legend>
              <SimpleGrid cols={{ base: 1, sm: 5 }}>
                <TextInput
                  label={t('reports.product', { n: index + 1 })}
                  value={line.product}
                  error={errors.error(`lines[${index}].product`)}
                  onChange={(event) => update(index, { product: event.currentTarget.value })}
                />
                <TextInput
                  label={t('reports.territory', { n: index + 1 })}
                  value={line.territory}
                  error={errors.error(`lines[${index}].territory`)}
                  onChange={(event) => update(index, { territory: event.currentTarget.value })}
                />
                <TextInput
                  label={t('reports.gross', { n: index + 1 })}
                  description={t('plan.inCurrency', { currency })}
                  inputMode="decimal"
                  value={line.gross}
                  error={errors.error(`lines[${index}].grossSalesMinor`)}
                  onChange={(event) => update(index, { gross: event.currentTarget.value })}
                />
                <TextInput
                  label={t('reports.deductions', { n: index + 1 })}
                  description={t('plan.inCurrency', { currency })}
                  inputMode="decimal"
                  value={line.deductions}
                  error={
                    errors.error(`lines[${index}].deductionsMinor`) ??
                    errors.error(`lines[${index}].netSalesMinor`)
                  }
                  onChange={(event) => update(index, { deductions: event.currentTarget.value })}
                />
                <Button
                  mt="xl"
                  variant="subtle"
                  color="red"
                  onClick={() => setLines((current) => current.filter((_, i) => i !== index))}
                >
                  {t('reports.removeLine', { n: index + 1 })}
                </Button>
              </SimpleGrid>
            </fieldset>
          ))}
          <Button
            variant="outline"
            style={{ alignSelf: 'flex-start' }}
            onClick={() => setLines((c) => [...c, { ...EMPTY_REPORT_LINE }])}
          >
            {t('reports.addLine')}
          </Button>
          <p aria-live="polite">
            {t('reports.totals', {
              gross: money(totals.grossMinor),
              deductions: money(totals.deductionsMinor),
              net: money(totals.netMinor),
            })}
          </p>
          <RequestError error={errors.summary} />
          {submitted && <p role="status">{submitted}</p>}
          <Group>
            <Button type="submit" loading={loading} disabled={lines.length === 0}>
              {existing.length > 0 ? t('reports.amend') : t('reports.submit')}
            </Button>
            <Button variant="outline" loading={loading} onClick={(event) => void send(event, true)}>
              {t('reports.zero')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  );
}

function ReportsSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const currency = contract.paymentPlan.currency;
  return (
    <section aria-labelledby="reports">
      <Title order={2} size="h3" id="reports" mb="xs">
        {t('reports.history')}
      </Title>
      {contract.royaltyReports.length === 0 ? (
        <EmptyState title={t('reports.none')} />
      ) : (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('reports.period')}</th>
                <th scope="col">{t('reports.revision')}</th>
                <th scope="col">{t('reports.netSales')}</th>
                <th scope="col">{t('reports.royalty')}</th>
              </tr>
            </thead>
            <tbody>
              {contract.royaltyReports.map((report) => (
                <tr key={report.id}>
                  <td>
                    {formatIsoDate(report.periodStart, locale)} – {formatIsoDate(report.periodEnd, locale)}
                  </td>
                  <td>{report.revision}</td>
                  <td>{formatMoney(report.netSalesMinor, currency, locale)}</td>
                  <td>{formatMoney(report.royaltyMinor, currency, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function MilestonesSection({
  contract,
  membership,
  isLicensee,
}: {
  contract: Contract;
  membership: Membership;
  isLicensee: boolean;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const milestones = contract.paymentPlan.milestones ?? [];
  const [declare, declareState] = useMutation(DeclareMilestoneDocument, {
    refetchQueries: [ContractDetailDocument],
  });
  const [confirm, confirmState] = useMutation(ConfirmMilestoneDocument, {
    refetchQueries: [ContractDetailDocument],
  });
  const [eventDate, setEventDate] = useState('');
  const [evidence, setEvidence] = useState('');
  const [key, setKey] = useState(milestones[0]?.key ?? '');
  const errors = useFormErrors();
  if (milestones.length === 0) return null;
  const isLicensor =
    contract.licensorId === membership.organizationId && membership.roles.includes('TTO_MANAGER');
  return (
    <section aria-labelledby="milestones">
      <Title order={2} size="h3" id="milestones" mb="xs">
        {t('milestones.title')}
      </Title>
      <ul className={classes.plainList}>
        {milestones.map((milestone) => {
          const event = contract.milestoneEvents.find((e) => e.milestoneKey === milestone.key);
          return (
            <li key={milestone.key}>
              {milestone.name} · {formatMoney(milestone.amountMinor, contract.paymentPlan.currency, locale)} ·{' '}
              {event
                ? t('milestones.event', {
                    state: t(`milestones.state.${event.state === 'CONFIRMED' ? 'CONFIRMED' : 'DECLARED'}`),
                    date: formatIsoDate(event.eventDate, locale),
                  })
                : t('milestones.notYet')}
              {event && event.state !== 'CONFIRMED' && isLicensor && (
                <Button
                  ml="sm"
                  size="xs"
                  loading={confirmState.loading}
                  onClick={() =>
                    void confirm({
                      variables: { contractId: contract.id, milestoneKey: milestone.key },
                    }).catch((e: unknown) => errors.fail(e))
                  }
                >
                  {t('milestones.confirm')}
                </Button>
              )}
            </li>
          );
        })}
      </ul>
      {(isLicensee || isLicensor) && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            errors.clear();
            void declare({
              variables: { contractId: contract.id, milestoneKey: key, eventDate, evidence },
            }).catch((e: unknown) => errors.fail(e));
          }}
        >
          <SimpleGrid cols={{ base: 1, sm: 3 }} mt="sm">
            <NativeSelect
              label={t('milestones.which')}
              value={key}
              error={errors.error('milestoneKey')}
              data={milestones.map((m) => ({ value: m.key, label: m.name }))}
              onChange={(event) => setKey(event.currentTarget.value)}
            />
            <TextInput
              label={t('milestones.eventDate')}
              type="date"
              value={eventDate}
              error={errors.error('eventDate')}
              onChange={(event) => setEventDate(event.currentTarget.value)}
            />
            <Textarea
              label={t('milestones.evidence')}
              value={evidence}
              error={errors.error('evidence')}
              onChange={(event) => setEvidence(event.currentTarget.value)}
            />
          </SimpleGrid>
          <RequestError error={errors.summary} />
          <Button type="submit" mt="sm" loading={declareState.loading}>
            {isLicensee ? t('milestones.declare') : t('milestones.record')}
          </Button>
        </form>
      )}
    </section>
  );
}

function ExitSection({ contract }: { contract: Contract }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [exit, { loading, error }] = useMutation(ExitContractDocument, {
    refetchQueries: [ContractDetailDocument],
  });
  return (
    <section aria-labelledby="exit">
      <Title order={2} size="h3" id="exit" mb="xs">
        {t('contracts.exitTitle')}
      </Title>
      <Text>{t('contracts.exitBody')}</Text>
      <Textarea
        label={t('requests.reason')}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
      />
      <RequestError error={error} />
      <Button
        mt="sm"
        color="red"
        variant="outline"
        loading={loading}
        onClick={() =>
          void exit({ variables: { id: contract.id, reason: reason.trim() || null } }).catch(() => undefined)
        }
      >
        {t('contracts.exit')}
      </Button>
    </section>
  );
}

/** Sales reports of the TTO's contracts that are due or late. */
export function ReportDeadlinesPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const membership = useMembership();
  const [status, setStatus] = useState<'OVERDUE' | 'OPEN' | ''>('OVERDUE');
  const { data, loading, error, refetch } = useQuery(ReportDeadlinesDocument, {
    variables: { organizationId: membership.organizationId, status: status || null },
    fetchPolicy: 'cache-and-network',
  });
  const deadlines = data?.reportDeadlines ?? [];
  return (
    <>
      <PageTitle>{t('deadlines.title')}</PageTitle>
      <NativeSelect
        label={t('deadlines.show')}
        maw={240}
        value={status}
        data={[
          { value: 'OVERDUE', label: t('enums.deadlineStatus.OVERDUE') },
          { value: 'OPEN', label: t('enums.deadlineStatus.OPEN') },
          { value: '', label: t('deadlines.all') },
        ]}
        onChange={(event) => {
          const value = event.currentTarget.value;
          setStatus(value === 'OVERDUE' || value === 'OPEN' ? value : '');
        }}
      />
      <QueryStates
        loading={loading && !data}
        error={error}
        refetch={refetch}
        empty={Boolean(data) && deadlines.length === 0}
        emptyTitle={t('deadlines.none')}
      />
      {deadlines.length > 0 && (
        <div className={classes.tableWrap}>
          <table className={classes.table}>
            <thead>
              <tr>
                <th scope="col">{t('deadlines.contract')}</th>
                <th scope="col">{t('reports.period')}</th>
                <th scope="col">{t('deadlines.dueOn')}</th>
                <th scope="col">{t('contracts.status')}</th>
              </tr>
            </thead>
            <tbody>
              {deadlines.map((deadline) => (
                <tr key={`${deadline.contractId}:${deadline.periodStart}`}>
                  <td>
                    <Link to={`/contracts/${deadline.contractId}`}>{t('deadlines.openContract')}</Link>
                  </td>
                  <td>
                    {formatIsoDate(deadline.periodStart, locale)} –{' '}
                    {formatIsoDate(deadline.periodEnd, locale)}
                  </td>
                  <td>{formatIsoDate(deadline.dueOn, locale)}</td>
                  <td>
                    <Badge
                      color={deadline.status === 'OVERDUE' ? 'red' : 'gray'}
                      variant="light"
                      autoContrast
                    >
                      {t(`enums.deadlineStatus.${deadline.status}`)}
                    </Badge>
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

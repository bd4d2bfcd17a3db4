import { AgeingPage, OrganizationReportsPage } from '../finance/ageing.page';
import { LedgerPage } from '../finance/ledger.page';
import { PayoutsPage } from '../finance/payouts.page';
import { ReconciliationPage } from '../finance/reconciliation.page';
import { FinanceReportsPage } from '../finance/reports.page';
import { StripeEventsPage } from '../finance/stripe-events.page';
import { ContractPage, ContractsPage, ReportDeadlinesPage } from '../contracts/contracts.pages';
import { RequestLicensePage, RequestPage, RequestsPage } from '../licensing/requests.pages';
import { NotificationsPage } from '../notifications/notifications.page';
import { CreateOrganizationPage, OrganizationProfilePage } from '../organization/organization-form.page';
import { RequireRole, RequireSignIn } from '../session/require-role';
import { SignInPage, SignUpPage } from '../session/sign-in.page';
import { NewOfferPage, TtoOfferPage, TtoOffersPage } from '../tto/offers.pages';
import { TtoPatentPage, TtoPatentsPage } from '../tto/patents.pages';

// The pages behind a sign-in, in one chunk that the router loads on the first visit to any of them.
export const pages = {
  signIn: SignInPage,
  signUp: SignUpPage,
  createOrganization: () => (
    <RequireSignIn>
      <CreateOrganizationPage />
    </RequireSignIn>
  ),
  organizationProfile: OrganizationProfilePage,
  contracts: ContractsPage,
  contract: ContractPage,
  requests: RequestsPage,
  request: RequestPage,
  requestLicense: RequestLicensePage,
  notifications: NotificationsPage,
  ttoPatents: TtoPatentsPage,
  ttoPatent: TtoPatentPage,
  ttoOffers: TtoOffersPage,
  newOffer: NewOfferPage,
  ttoOffer: TtoOfferPage,
  reportDeadlines: ReportDeadlinesPage,
  reconciliation: ReconciliationPage,
  ledger: LedgerPage,
  payouts: PayoutsPage,
  stripeEvents: StripeEventsPage,
  ageing: AgeingPage,
  financeReports: FinanceReportsPage,
  organizationReports: OrganizationReportsPage,
};

export const guards = {
  member: () => <RequireRole workspace="member" />,
  sme: () => <RequireRole workspace="sme" roles={['SME_MEMBER']} />,
  tto: () => <RequireRole workspace="tto" roles={['TTO_MANAGER']} />,
  finance: () => <RequireRole workspace="finance" roles={['FINANCE', 'ADMIN']} />,
  // An organisation's own finance staff, and a licensor's TTO managers: the reports the API lets them read about
  // their contracts (the TTO pays its inventors from the distribution).
  organizationFinance: () => <RequireRole workspace="member" roles={['FINANCE', 'TTO_MANAGER']} />,
};

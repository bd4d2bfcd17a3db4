import type Stripe from 'stripe';
import type { Config } from './config/config';
import { IdentityService } from './modules/identity/identity.service';
import { OrganizationService } from './modules/identity/organization.service';
import { CatalogueIndexService } from './modules/patents/catalogue-index.service';
import { PatentSearchService } from './modules/patents/patent-search.service';
import { PatentService } from './modules/patents/patent.service';
import { OfferService } from './modules/offers/offer.service';
import { ContractService } from './modules/contracts/contract.service';
import { ContractEngineService } from './modules/contracts/contract-engine.service';
import { LicenseRequestService } from './modules/license-requests/license-request.service';
import { RoyaltyReportService } from './modules/royalty-reports/royalty-report.service';
import { SublicenseIncomeReportService } from './modules/royalty-reports/sublicense-income-report.service';
import { MilestoneService } from './modules/milestones/milestone.service';
import { NotificationService } from './modules/notifications/notification.service';
import { LedgerService } from './modules/ledger/ledger.service';
import { StripeAccountsService } from './modules/billing/stripe-accounts.service';
import { CollectionService } from './modules/billing/collection.service';
import { StripeWebhookService } from './modules/billing/stripe-webhook.service';
import { ledgerPortOf } from './modules/billing/ledger-port';
import { ReportsService } from './modules/reports/reports.service';
import { ReconciliationService } from './modules/reconciliation/reconciliation.service';

/** The composition root: every service, built once and shared by the API and the scripts. */
export type Services = {
  config: Config;
  stripe: Stripe;
  stripeMode: 'simulator' | 'stripe-mock' | 'test' | 'live';
  identity: IdentityService;
  organizations: OrganizationService;
  catalogueIndex: CatalogueIndexService;
  patents: PatentService;
  patentSearch: PatentSearchService;
  offers: OfferService;
  contracts: ContractService;
  contractEngine: ContractEngineService;
  licenseRequests: LicenseRequestService;
  royaltyReports: RoyaltyReportService;
  sublicenseIncomeReports: SublicenseIncomeReportService;
  milestones: MilestoneService;
  notifications: NotificationService;
  ledger: LedgerService;
  stripeAccounts: StripeAccountsService;
  collection: CollectionService;
  stripeWebhooks: StripeWebhookService;
  reconciliation: ReconciliationService;
  reports: ReportsService;
};

export function createServices(config: Config, stripe: Stripe, stripeMode: Services['stripeMode']): Services {
  const organizations = new OrganizationService(config);
  const contracts = new ContractService(organizations);
  const ledger = new LedgerService();
  const catalogueIndex = new CatalogueIndexService();
  const ledgerPort = ledgerPortOf(ledger);
  const stripeAccounts = new StripeAccountsService(config, stripe, organizations);
  const collection = new CollectionService(config, stripe, stripeAccounts, ledgerPort);
  return {
    config,
    stripe,
    stripeMode,
    identity: new IdentityService(config),
    organizations,
    catalogueIndex,
    patents: new PatentService(organizations, catalogueIndex),
    patentSearch: new PatentSearchService(organizations, catalogueIndex),
    offers: new OfferService(config),
    contracts,
    licenseRequests: new LicenseRequestService(contracts),
    royaltyReports: new RoyaltyReportService(contracts),
    sublicenseIncomeReports: new SublicenseIncomeReportService(contracts),
    milestones: new MilestoneService(contracts),
    notifications: new NotificationService(),
    contractEngine: new ContractEngineService(),
    ledger,
    stripeAccounts,
    collection,
    reconciliation: new ReconciliationService(stripe),
    stripeWebhooks: new StripeWebhookService(
      stripe,
      config.stripe.webhookSecret,
      collection,
      stripeAccounts,
      ledgerPort,
    ),
    reports: new ReportsService(organizations, contracts, ledger),
  };
}

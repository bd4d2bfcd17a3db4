import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { OrganizationResolver, SessionResolver } from '../modules/identity/identity.resolver';
import { PatentResolver } from '../modules/patents/patent.resolver';
import { LicenseOfferResolver, PatentOffersResolver } from '../modules/offers/offer.resolver';
import { ContractResolver } from '../modules/contracts/contract.resolver';
import { LicenseRequestResolver } from '../modules/license-requests/license-request.resolver';
import { RoyaltyReportResolver } from '../modules/royalty-reports/royalty-report.resolver';
import { SublicenseIncomeReportResolver } from '../modules/royalty-reports/sublicense-income-report.resolver';
import { MilestoneResolver } from '../modules/milestones/milestone.resolver';
import { NotificationResolver } from '../modules/notifications/notification.resolver';
import { LedgerResolver } from '../modules/ledger/ledger.resolver';
import { BillingResolver } from '../modules/billing/billing.resolver';
import {
  ContractStatementResolver,
  LicensorDistributionResolver,
  ReceivablesAgeingResolver,
  ReportsResolver,
} from '../modules/reports/reports.resolver';
import { ReconciliationResolver } from '../modules/reconciliation/reconciliation.resolver';
import { AuthChecker } from './auth-checker';

/** Every resolver of the API. A new domain adds its resolvers here and nowhere else. */
export const RESOLVERS = [
  SessionResolver,
  OrganizationResolver,
  PatentResolver,
  LicenseOfferResolver,
  PatentOffersResolver,
  ContractResolver,
  LicenseRequestResolver,
  RoyaltyReportResolver,
  SublicenseIncomeReportResolver,
  MilestoneResolver,
  NotificationResolver,
  LedgerResolver,
  BillingResolver,
  ReconciliationResolver,
  ReportsResolver,
  ReceivablesAgeingResolver,
  ContractStatementResolver,
  LicensorDistributionResolver,
] as const;

let built: Promise<GraphQLSchema> | null = null;

export function buildApiSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    resolvers: RESOLVERS,
    authChecker: AuthChecker,
    // Inputs are validated by the services, which know the business rules and answer with one message per field.
    validate: false,
  }).then((schema) => {
    const query = schema.getQueryType();
    const mutation = schema.getMutationType();
    if (query)
      query.description = 'What can be read: the public catalogue, and what each signed-in user may see.';
    if (mutation)
      mutation.description =
        'What can be changed; every change checks who asks and that they own what they change.';
    return schema;
  });
  return built;
}

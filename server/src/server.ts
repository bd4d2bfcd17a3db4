import { createServer, type Server } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { systemClock, type Clock } from './common/clock';
import { logger } from './common/logger';
import type { Config } from './config/config';
import { createApp } from './http/app';
import { connectDatabase, disconnectDatabase } from './infra/database';
import { ensureFerretDbIndexes } from './infra/ferretdb-indexes';
import { startEmbeddedStack, type EmbeddedStack } from './infra/embedded/embedded-stack';
import { createStripeClient, STRIPE_MOCK_KEY } from './integrations/stripe/stripe-client';
import { createServices, type Services } from './services';
import type { StripeSimulator } from './integrations/stripe-simulator';
import { runSimulatedStripe, startSimulatedStripe } from './integrations/stripe/simulated-stripe';
import './modules/identity/organization.model';
import './modules/identity/user.model';
import './modules/identity/session.model';
import './modules/patents/patent.model';
import './modules/offers/offer.model';
import './modules/contracts/contract.model';
import './modules/contracts/contract-number';
import './modules/contracts/minimum-royalty-check.model';
import './modules/contracts/contract-engine.service';
import './modules/license-requests/license-request.model';
import './modules/royalty-reports/royalty-report.model';
import './modules/milestones/milestone-event.model';
import './modules/notifications/notification.model';
import './modules/notifications/report-deadline.model';
import './modules/ledger/journal-entry.model';
import { scheduleBilling } from './modules/billing/billing-schedule';
import './modules/billing/billing-account.model';
import './modules/billing/payment-attempt.model';
import './modules/billing/stripe-event.model';
import './modules/reconciliation/reconciliation.model';

export type RunningServer = { url: string; services: Services; stop(): Promise<void> };

export type BackingServices = {
  mongodbUri: string;
  dbName: string;
  services: Services;
  /** On the embedded default: the stateful Stripe simulator in front of stripe-mock (see simulated-stripe.ts). */
  stripeSimulator: StripeSimulator | null;
  stop(): Promise<void>;
};

/**
 * Connects to the database and Stripe named in the configuration, or starts the embedded ones (PostgreSQL +
 * FerretDB, stripe-mock) when they are not configured. Scripts use this without the HTTP server.
 */
export async function startBackingServices(
  config: Config,
  options: {
    dbName?: string;
    /** Benchmarks measure against bare stripe-mock. */ bareStripeMock?: boolean;
  } = {},
): Promise<BackingServices> {
  let embedded: EmbeddedStack | null = null;
  if (!config.mongodbUri || !config.stripeSecretKey) {
    logger.info(
      { database: !config.mongodbUri, stripe: !config.stripeSecretKey },
      'starting the embedded default (PostgreSQL + FerretDB, stripe-mock)',
    );
    embedded = await startEmbeddedStack({
      dataDir: path.join(config.dataDir, 'embedded'),
      database: !config.mongodbUri,
      stripe: !config.stripeSecretKey,
      persistent: true,
      toolsBin: config.toolsBin,
    });
  }
  const mongodbUri = config.mongodbUri ?? embedded?.mongodbUri;
  if (!mongodbUri)
    throw new Error('no database: MONGODB_URI is unset and the embedded database did not start');
  const dbName =
    options.dbName ??
    (config.mongodbUri
      ? new URL(config.mongodbUri.replace(/^mongodb(\+srv)?:/, 'http:')).pathname.slice(1) || 'usefirst'
      : 'usefirst');
  await connectDatabase(mongodbUri, dbName);
  const postgresUrl = config.mongodbUri ? config.ferretDbPostgresUrl : (embedded?.postgresUrl ?? null);
  if (postgresUrl) await ensureFerretDbIndexes(postgresUrl, dbName);
  const configuredEndpoint = config.stripeApiUrl ? new URL(config.stripeApiUrl) : null;
  const stripeSimulator =
    !config.stripeSecretKey && embedded?.stripe && !options.bareStripeMock
      ? await startSimulatedStripe(config, embedded.stripe)
      : null;
  const stripe = config.stripeSecretKey
    ? createStripeClient(
        config.stripeSecretKey,
        configuredEndpoint
          ? { host: configuredEndpoint.hostname, port: Number(configuredEndpoint.port) }
          : undefined,
      )
    : createStripeClient(STRIPE_MOCK_KEY, stripeSimulator ?? embedded?.stripe);
  const stripeMode = stripeSimulator
    ? 'simulator'
    : !config.stripeSecretKey || configuredEndpoint
      ? 'stripe-mock'
      : config.stripeSecretKey.includes('_live_')
        ? 'live'
        : 'test';
  const services = createServices(config, stripe, stripeMode);
  return {
    mongodbUri,
    dbName,
    services,
    stripeSimulator,
    stop: async () => {
      await stripeSimulator?.stop();
      await disconnectDatabase();
      await embedded?.stop();
    },
  };
}

export async function startServer(
  config: Config,
  options: { clock?: Clock; backing?: BackingServices } = {},
): Promise<RunningServer> {
  const backing = options.backing ?? (await startBackingServices(config));
  const { app, apollo } = await createApp(backing.services, { clock: options.clock ?? systemClock });
  // Patents published before the index existed (or changes a crash left behind) are indexed before the first search.
  await backing.services.catalogueIndex.ensureBuilt();
  const http: Server = await new Promise((resolve, reject) => {
    const server = createServer(app);
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${config.port} on ${config.host} is in use: set PORT to another port`)
          : error,
      ),
    );
    server.listen(config.port, config.host, () => resolve(server));
  });
  const billingSchedule = scheduleBilling(backing.services, options.clock ?? systemClock);
  const { port } = http.address() as AddressInfo;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  const simulatedStripe = backing.stripeSimulator
    ? runSimulatedStripe(backing.stripeSimulator, `${url}/webhooks/stripe`)
    : null;
  logger.info({ url }, 'UseFirst is listening');
  return {
    url,
    services: backing.services,
    stop: async () => {
      billingSchedule.stop();
      simulatedStripe?.stop();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await apollo.stop();
      if (!options.backing) await backing.stop();
    },
  };
}

import { randomBytes } from 'node:crypto';
import mongoose from 'mongoose';
import { fixedClock, systemClock, type Clock } from '../../server/src/common/clock';
import { loadConfig, type Config } from '../../server/src/config/config';
import { startBackingServices, startServer } from '../../server/src/server';
import type { Services } from '../../server/src/services';
import { seedDemoData } from '../../scripts/seed/seed-demo';
import { GraphQLTestClient } from './graphql-client';

export type TestServer = {
  url: string;
  services: Services;
  config: Config;
  clock: Clock;
  client(token?: string | null): GraphQLTestClient;
  stop(): Promise<void>;
};

export const TEST_STRIPE_KEY = 'sk_test_usefirsttests';

/**
 * A real server for one test file: its own database on the run's FerretDB, stripe-mock, and the HTTP stack on a
 * free port, exactly as production wires it.
 */
export async function startTestServer(
  options: { seedDemo?: boolean; clock?: Clock; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const mongodbUri = process.env.USEFIRST_TEST_MONGODB_URI;
  const stripeApiUrl = process.env.USEFIRST_TEST_STRIPE_API_URL;
  if (!mongodbUri || !stripeApiUrl) throw new Error('the jest global setup did not start the embedded stack');
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    MONGODB_URI: mongodbUri,
    STRIPE_SECRET_KEY: TEST_STRIPE_KEY,
    STRIPE_API_URL: stripeApiUrl,
    FERRETDB_POSTGRESQL_URL: process.env.USEFIRST_TEST_POSTGRES_URL ?? '',
    SEED_DEMO_DATA: 'false',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const clock = options.clock ?? systemClock;
  const dbName = `test_${randomBytes(6).toString('hex')}`;
  const backing = await startBackingServices(config, { dbName });
  if (options.seedDemo) await seedDemoData(backing.services, fixedClock('2026-11-01T00:00:00Z'));
  const server = await startServer(config, { clock, backing });
  return {
    url: server.url,
    services: server.services,
    config,
    clock,
    client: (token) => new GraphQLTestClient(`${server.url}/graphql`, token ?? null),
    stop: async () => {
      await server.stop();
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await backing.stop();
    },
  };
}

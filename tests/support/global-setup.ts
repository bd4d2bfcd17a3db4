import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedStack, type EmbeddedStack } from '../../server/src/infra/embedded/embedded-stack';

declare global {
  var __usefirstTestStack: (EmbeddedStack & { dataDir: string }) | undefined;
}

/**
 * Once per test run: a real PostgreSQL + FerretDB and a stripe-mock, shared by all test files (each file uses a
 * database of its own). Their addresses reach the test workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'usefirst-test-'));
  const stack = await startEmbeddedStack({
    dataDir,
    database: true,
    stripe: true,
    persistent: false,
    toolsBin: path.resolve(__dirname, '..', '..', '.tools', 'bin'),
  });
  globalThis.__usefirstTestStack = { ...stack, dataDir };
  process.env.USEFIRST_TEST_MONGODB_URI = stack.mongodbUri;
  process.env.USEFIRST_TEST_POSTGRES_URL = stack.postgresUrl;
  process.env.USEFIRST_TEST_STRIPE_API_URL = `http://${stack.stripe?.host}:${stack.stripe?.port}`;
}

import 'reflect-metadata';
import { systemClock } from '../server/src/common/clock';
import { logger } from '../server/src/common/logger';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { PatentModel } from '../server/src/modules/patents/patent.model';
import { startBackingServices, startServer } from '../server/src/server';
import { terminalProgress } from './seed/progress-bar';
import { seedDemoData } from './seed/seed-demo';
import { demoInstitutions, demoUsers, type DemoUser } from './seed/demo-catalogue';

/** `npm start`: the product on one port, with the embedded database and stripe-mock unless configured otherwise. */
async function main(): Promise<void> {
  const config = loadConfig();
  const backing = await startBackingServices(config);
  if (config.seedDemoData && (await PatentModel.estimatedDocumentCount()) === 0) {
    logger.info('the database is empty: loading the demo data');
    await seedDemoData(backing.services, systemClock, terminalProgress());
  }
  const server = await startServer(config, { backing });
  const stop = async (signal: string) => {
    logger.info({ signal }, 'shutting down');
    await server.stop();
    await backing.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  // One sign-in per kind of person: TTO staff, institution finance, SME staff, SME finance, platform admin.
  const institutionKeys = new Set(demoInstitutions().map((i) => i.key));
  const kindOf = (u: DemoUser) =>
    `${institutionKeys.has(u.organizationKey) ? 'institution' : u.organizationKey === 'platform' ? 'platform' : 'sme'}:${u.roles.join()}`;
  const signIns = demoUsers().filter((u, i, all) => all.findIndex((v) => kindOf(v) === kindOf(u)) === i);
  console.log(`\nUseFirst is running at ${server.url}\n`);
  console.log(
    `  GraphQL API   ${server.url}/graphql${config.nodeEnv === 'production' ? '' : `   (IDE: ${server.url}/graphiql)`}`,
  );
  console.log(`  Health        ${server.url}/healthz\n`);
  if (config.seedDemoData) {
    console.log(`  Demo sign-ins (password for all: ${demoUsers()[0]?.password}):`);
    for (const u of signIns) console.log(`    ${u.email.padEnd(44)} ${u.roles.join(', ')}`);
    console.log('');
  }
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    logger.fatal({ err: error }, 'UseFirst could not start');
  }
  process.exit(1);
});

import 'reflect-metadata';
import { systemClock } from '../server/src/common/clock';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { startBackingServices } from '../server/src/server';
import { terminalProgress } from './seed/progress-bar';
import { seedDemoData } from './seed/seed-demo';

/** `npm run seed`: loads the demo data; running it again adds only what is missing. */
async function main(): Promise<void> {
  const config = loadConfig();
  const backing = await startBackingServices(config);
  try {
    const started = Date.now();
    const { created } = await seedDemoData(backing.services, systemClock, terminalProgress());
    console.log(JSON.stringify({ seeded: true, created, seconds: (Date.now() - started) / 1000 }));
  } finally {
    await backing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});

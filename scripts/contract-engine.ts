import 'reflect-metadata';
import { systemClock } from '../server/src/common/clock';
import { systemContext } from '../server/src/common/request-context';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { startBackingServices } from '../server/src/server';

/** `npm run contract-engine -- --as-of YYYY-MM-DD`: advances every contract to that date (today by default). */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--as-of');
  const asOf = at >= 0 ? process.argv[at + 1] : new Date().toISOString().slice(0, 10);
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new ConfigError('usage: npm run contract-engine -- --as-of YYYY-MM-DD');
  const config = loadConfig();
  const backing = await startBackingServices(config);
  try {
    const started = Date.now();
    const run = await backing.services.contractEngine.advanceTo(
      systemContext(systemClock, 'contract-engine'),
      asOf,
      {
        month: (month, index, total) =>
          console.log(JSON.stringify({ step: 'month', month, done: index + 1, total })),
      },
    );
    console.log(JSON.stringify({ ...run, seconds: (Date.now() - started) / 1000 }));
  } finally {
    await backing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

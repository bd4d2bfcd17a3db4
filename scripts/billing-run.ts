import 'reflect-metadata';
import { fixedClock } from '../server/src/common/clock';
import { systemContext } from '../server/src/common/request-context';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { startBackingServices } from '../server/src/server';

/**
 * `npm run billing-run -- --as-of YYYY-MM-DD`: advances the contract engine to that date (today by default), then
 * collects every obligation due by it. Safe to run twice, concurrently, or again after being killed at any point:
 * see the billing section of the README.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--as-of');
  const asOf = at >= 0 ? process.argv[at + 1] : new Date().toISOString().slice(0, 10);
  if (!asOf || !/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    throw new ConfigError('usage: npm run billing-run -- --as-of YYYY-MM-DD');
  const config = loadConfig();
  const backing = await startBackingServices(config);
  try {
    // "As of" means the whole run sees that day: the engine's moves and the attempts' dates.
    const ctx = systemContext(fixedClock(`${asOf}T12:00:00Z`), 'billing-run');
    const engine = await backing.services.contractEngine.advanceTo(ctx, asOf);
    console.log(JSON.stringify({ step: 'contract-engine', ...engine }));
    let lastShown = 0;
    const summary = await backing.services.collection.runBilling(ctx, asOf, {
      onProgress: (done, total) => {
        if (done === total || Date.now() - lastShown > 1_000) {
          lastShown = Date.now();
          console.log(JSON.stringify({ step: 'billing', done, total }));
        }
      },
    });
    const retried = await backing.services.stripeWebhooks.retryFailed(ctx.clock);
    console.log(JSON.stringify({ step: 'done', ...summary, failedEventsReapplied: retried }));
  } finally {
    await backing.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

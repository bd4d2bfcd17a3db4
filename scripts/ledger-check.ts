import 'reflect-metadata';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { runLedgerChecks } from '../server/src/modules/ledger/ledger-check';
import { startBackingServices } from '../server/src/server';

/**
 * `npm run ledger-check`: checks the ledger's invariants over the configured database. Shows progress on stderr,
 * prints one JSON summary on stdout, and exits with 1 when anything is violated (2 when the check could not run).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const backing = await startBackingServices(config);
  try {
    const summary = await runLedgerChecks({
      progress: (check, entriesChecked) => console.error(JSON.stringify({ step: check, entriesChecked })),
    });
    console.log(JSON.stringify(summary, null, 2));
    return summary.ok ? 0 : 1;
  } finally {
    await backing.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exit(2);
  },
);

import 'reflect-metadata';
import { ConfigError, loadConfig } from '../server/src/config/config';
import { startBackingServices } from '../server/src/server';
import { terminalProgress } from './seed/progress-bar';

/**
 * `npm run catalogue-index`: applies the catalogue changes recorded since the last search (which would apply them
 * too), or with `-- --rebuild` builds a new generation from every published patent (a repair, or after loading
 * public copies by other means). Shows progress; prints one JSON summary on stdout.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--rebuild');
  if (unknown.length > 0) {
    console.error(`unknown option ${unknown.join(' ')}; usage: npm run catalogue-index [-- --rebuild]`);
    return 2;
  }
  const config = loadConfig({ ...process.env, SEED_DEMO_DATA: 'false' });
  const backing = await startBackingServices(config);
  try {
    const started = Date.now();
    const index = backing.services.catalogueIndex;
    const snapshot = args.includes('--rebuild')
      ? await index.rebuild(terminalProgress())
      : await index.refresh();
    console.log(
      JSON.stringify({
        generation: snapshot.generation,
        patents: snapshot.rows.length,
        blocks: snapshot.blocks.length,
        seconds: Math.round((Date.now() - started) / 100) / 10,
      }),
    );
    return 0;
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

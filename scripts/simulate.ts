import { spawnSync } from 'node:child_process';

/**
 * `npm run simulate -- --seeds N [--steps S]` runs the settlement simulation over N seeds (1001, 1002, …);
 * `npm run simulate -- --seed K` replays one seed. It is the jest file CI runs with fewer seeds.
 */
const args = process.argv.slice(2);
const value = (name: string): string | undefined => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const env = { ...process.env };
if (value('--seeds')) env.SIMULATION_SEEDS = value('--seeds');
if (value('--seed')) env.SIMULATION_SEED = value('--seed');
if (value('--steps')) env.SIMULATION_STEPS = value('--steps');
const result = spawnSync('npx', ['jest', '--runInBand', 'tests/integration/settlement-simulation.test.ts'], {
  stdio: 'inherit',
  env,
});
process.exit(result.status ?? 1);

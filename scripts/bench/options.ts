export type BenchOptions = {
  /** Seconds of load per target and connection count. */
  durationSeconds: number;
};

const DEFAULT_DURATION_SECONDS = 10;

/** `--duration N` (seconds per load run); six runs, so the default keeps a re-run near two minutes. */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let durationSeconds = DEFAULT_DURATION_SECONDS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const inline = arg?.startsWith('--duration=') ? arg.slice('--duration='.length) : undefined;
    if (arg !== '--duration' && inline === undefined)
      throw new Error(`unknown argument ${arg}; use --duration N`);
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 600)
      throw new Error(`--duration must be whole seconds from 1 to 600 (got ${raw})`);
    durationSeconds = n;
  }
  return { durationSeconds };
}

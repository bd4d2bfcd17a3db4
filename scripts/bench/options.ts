export type BenchOptions = {
  /** Seconds of load per target and connection count. */
  durationSeconds: number;
};

const DEFAULT_DURATION_SECONDS = 10;

/** A bad command line: printed as its message alone. */
export class BenchUsageError extends Error {}

/**
 * `--duration N`: seconds of load per run. The six runs then wait for the server to finish what is still open, which
 * for the search at 32 connections takes minutes whatever N is (see the drain column).
 */
export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  let durationSeconds = DEFAULT_DURATION_SECONDS;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const inline = arg?.startsWith('--duration=') ? arg.slice('--duration='.length) : undefined;
    if (arg !== '--duration' && inline === undefined)
      throw new BenchUsageError(`unknown argument ${arg}; use --duration N`);
    const raw = inline ?? argv[++i];
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 600)
      throw new BenchUsageError(`--duration must be whole seconds from 1 to 600 (got ${raw})`);
    durationSeconds = n;
  }
  return { durationSeconds };
}

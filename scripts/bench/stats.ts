/** Nearest-rank percentile of a sample (p in 0–100); the sample need not be sorted. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/**
 * Milliseconds taken by up to `times` sequential runs of `task`, stopping early once `budgetMs` is spent (a search
 * that takes seconds on FerretDB would otherwise hold the whole benchmark for minutes).
 */
export async function timeSequentially(
  times: number,
  task: () => Promise<unknown>,
  budgetMs = Infinity,
): Promise<number[]> {
  const samples: number[] = [];
  const started = Date.now();
  for (let i = 0; i < times && (i === 0 || Date.now() - started < budgetMs); i++) {
    const t0 = process.hrtime.bigint();
    await task();
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return samples;
}

export function round(n: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

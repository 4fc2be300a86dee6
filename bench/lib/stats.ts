/** Latency distribution of one measurement, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

export type LatencyStat = Exclude<keyof LatencySummary, 'count'>;

/**
 * Nearest-rank percentile of samples sorted ascending: the smallest sample such that at least
 * `p` percent of all samples are at or below it (so p99 of 100 samples is the 99th, not the max).
 */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) throw new Error('percentile of no samples');
  if (!(p > 0 && p <= 100)) throw new Error(`percentile must be in (0, 100], got ${p}`);
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(rank, sortedAscending.length) - 1];
}

/** p50/p90/p99/mean/max of latency samples; refuses an empty set (a measurement that saw nothing). */
export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) throw new Error('no latency samples to summarize');
  const sorted = Float64Array.from(samples).sort();
  const asArray = Array.from(sorted);
  let total = 0;
  for (const value of asArray) total += value;
  return {
    count: asArray.length,
    p50: percentile(asArray, 50),
    p90: percentile(asArray, 90),
    p99: percentile(asArray, 99),
    mean: total / asArray.length,
    max: asArray[asArray.length - 1],
  };
}

/** Operations per second over an elapsed wall-clock span. */
export function ratePerSecond(count: number, elapsedMs: number): number {
  if (!(elapsedMs > 0)) throw new Error(`elapsed time must be positive, got ${elapsedMs} ms`);
  return (count * 1000) / elapsedMs;
}

/** Median of a set of values (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Durations and sizes of one bench run; `quick` is for trying the bench out, not for figures. */
export interface BenchProfile {
  readonly name: 'full' | 'quick';
  /** Documents in the collection the HTTP read ceiling reads from. */
  readonly seedDocuments: number;
  readonly httpConnections: number;
  readonly httpWarmupMs: number;
  readonly httpDurationMs: number;
  /** Offered rate of the steady-load latency measurements (raw path and ours alike). */
  readonly steadyRate: number;
  readonly steadyWarmupMs: number;
  readonly steadyDurationMs: number;
  /** Aggregates the steady load is spread over, round-robin. */
  readonly steadyAggregates: number;
  /** One-at-a-time raw round trips (no load), for the unloaded floor. */
  readonly sequentialRoundTrips: number;
  readonly throughputMessages: number;
  readonly bulkBatchSize: number;
  readonly bulkBatches: number;
}

export const PROFILES: Readonly<Record<BenchProfile['name'], BenchProfile>> = {
  full: {
    name: 'full',
    seedDocuments: 10_000,
    httpConnections: 16,
    httpWarmupMs: 3_000,
    httpDurationMs: 10_000,
    steadyRate: 500,
    steadyWarmupMs: 5_000,
    steadyDurationMs: 25_000,
    steadyAggregates: 200,
    sequentialRoundTrips: 300,
    throughputMessages: 100_000,
    bulkBatchSize: 1_000,
    bulkBatches: 20,
  },
  quick: {
    name: 'quick',
    seedDocuments: 2_000,
    httpConnections: 16,
    httpWarmupMs: 1_000,
    httpDurationMs: 3_000,
    steadyRate: 500,
    steadyWarmupMs: 2_000,
    steadyDurationMs: 5_000,
    steadyAggregates: 200,
    sequentialRoundTrips: 50,
    throughputMessages: 20_000,
    bulkBatchSize: 1_000,
    bulkBatches: 5,
  },
};

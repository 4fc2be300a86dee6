/**
 * The offers service's own business limits. They are module options (not environment variables)
 * so the platform's one validated config stays the only reader of `process.env`; a deployment that
 * needs other bounds passes them to `OffersModule.register`.
 */
export interface OffersSettings {
  /** Inclusive price bounds in minor units of the marketplace currency. */
  readonly minPriceMinor: number;
  readonly maxPriceMinor: number;
  readonly maxQuantity: number;
  readonly maxHandlingDays: number;
  readonly maxFeedRows: number;
  readonly maxFeedBytes: number;
  /** How long a replica owns a feed it claimed; renewed after every chunk. */
  readonly feedLeaseMs: number;
  readonly feedPollIntervalMs: number;
  /** Rows applied per bulk write: bigger is faster, smaller renews the lease more often. */
  readonly feedChunkSize: number;
  /**
   * Starts of one chunk (retries, and resumptions after a crash) before the feed is `failed`: a
   * chunk that cannot be applied must not hold up the seller's later feeds forever.
   */
  readonly feedMaxChunkAttempts: number;
  /** Wait before a failed chunk's next attempt, doubled each time (at most 30 s). */
  readonly feedRetryBaseMs: number;
  /**
   * Shortest time between the starts of two recomputes of one product's summary in a replica: a
   * burst of changes (a feed's chunks) shares one recompute instead of causing one per chunk.
   */
  readonly summaryRecomputeGapMs: number;
  /**
   * Summary recomputes of a replica that read the store at once. The consumer hands over a slice of
   * events per partition side by side; unbounded, a feed's events queue hundreds of summary reads
   * in front of the feed's own writes. Bounded, events wait, and one recompute covers more of them.
   */
  readonly summaryConcurrentRecomputes: number;
}

export const DEFAULT_OFFERS_SETTINGS: OffersSettings = {
  minPriceMinor: 1,
  maxPriceMinor: 10_000_000,
  maxQuantity: 9_999,
  maxHandlingDays: 30,
  maxFeedRows: 50_000,
  maxFeedBytes: 32 * 1024 * 1024,
  feedLeaseMs: 30_000,
  feedPollIntervalMs: 500,
  feedChunkSize: 2_000,
  feedMaxChunkAttempts: 5,
  feedRetryBaseMs: 1_000,
  summaryRecomputeGapMs: 5_000,
  summaryConcurrentRecomputes: 2,
};

export const OFFERS_SETTINGS = Symbol('OFFERS_SETTINGS');

import { z } from 'zod';
import { defineSettings } from '@app/platform';

/**
 * The offers service's own business limits and pacing, read from `OFFERS_*` variables next to the
 * platform's config and validated the same way (`defineSettings`): a bad value stops the start
 * with a message naming the variable.
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

const positiveInt = z.coerce.number().int().positive();

export const offersEnvSchema = z
  .object({
    OFFERS_MIN_PRICE_MINOR: positiveInt.default(1),
    OFFERS_MAX_PRICE_MINOR: positiveInt.default(10_000_000),
    OFFERS_MAX_QUANTITY: positiveInt.max(1_000_000).default(9_999),
    OFFERS_MAX_HANDLING_DAYS: positiveInt.max(365).default(30),
    OFFERS_FEED_MAX_ROWS: positiveInt.max(1_000_000).default(50_000),
    OFFERS_FEED_MAX_BYTES: positiveInt.max(256 * 1024 * 1024).default(32 * 1024 * 1024),
    OFFERS_FEED_LEASE_MS: positiveInt.min(1_000).max(600_000).default(30_000),
    OFFERS_FEED_POLL_INTERVAL_MS: positiveInt.min(10).max(60_000).default(500),
    OFFERS_FEED_CHUNK_SIZE: positiveInt.max(10_000).default(2_000),
    OFFERS_FEED_MAX_CHUNK_ATTEMPTS: positiveInt.max(100).default(5),
    OFFERS_FEED_RETRY_BASE_MS: positiveInt.max(60_000).default(1_000),
    OFFERS_SUMMARY_RECOMPUTE_GAP_MS: z.coerce.number().int().min(0).max(600_000).default(5_000),
    OFFERS_SUMMARY_CONCURRENT_RECOMPUTES: positiveInt.max(64).default(2),
  })
  .refine((env) => env.OFFERS_MIN_PRICE_MINOR <= env.OFFERS_MAX_PRICE_MINOR, {
    path: ['OFFERS_MAX_PRICE_MINOR'],
    message: 'must not be below OFFERS_MIN_PRICE_MINOR',
  });

/** The offers settings: `OFFERS_*` variables, provided under `OFFERS_SETTINGS.token`. */
export const OFFERS_SETTINGS = defineSettings({
  token: Symbol('OFFERS_SETTINGS'),
  schema: offersEnvSchema,
  fromEnv: (env): OffersSettings => ({
    minPriceMinor: env.OFFERS_MIN_PRICE_MINOR,
    maxPriceMinor: env.OFFERS_MAX_PRICE_MINOR,
    maxQuantity: env.OFFERS_MAX_QUANTITY,
    maxHandlingDays: env.OFFERS_MAX_HANDLING_DAYS,
    maxFeedRows: env.OFFERS_FEED_MAX_ROWS,
    maxFeedBytes: env.OFFERS_FEED_MAX_BYTES,
    feedLeaseMs: env.OFFERS_FEED_LEASE_MS,
    feedPollIntervalMs: env.OFFERS_FEED_POLL_INTERVAL_MS,
    feedChunkSize: env.OFFERS_FEED_CHUNK_SIZE,
    feedMaxChunkAttempts: env.OFFERS_FEED_MAX_CHUNK_ATTEMPTS,
    feedRetryBaseMs: env.OFFERS_FEED_RETRY_BASE_MS,
    summaryRecomputeGapMs: env.OFFERS_SUMMARY_RECOMPUTE_GAP_MS,
    summaryConcurrentRecomputes: env.OFFERS_SUMMARY_CONCURRENT_RECOMPUTES,
  }),
});

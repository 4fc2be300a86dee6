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
};

export const OFFERS_SETTINGS = Symbol('OFFERS_SETTINGS');

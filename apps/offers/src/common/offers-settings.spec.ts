import { OFFERS_SETTINGS } from './offers-settings';

describe('offers settings', () => {
  it('has documented defaults', () => {
    expect(OFFERS_SETTINGS.defaults).toEqual({
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
    });
  });

  it('reads the feed chunk size and summary gap from the environment', () => {
    expect(
      OFFERS_SETTINGS.load({ OFFERS_FEED_CHUNK_SIZE: '500', OFFERS_SUMMARY_RECOMPUTE_GAP_MS: '0' }),
    ).toMatchObject({ feedChunkSize: 500, summaryRecomputeGapMs: 0 });
  });

  it('stops on a bad value with a message naming the variable', () => {
    expect(() => OFFERS_SETTINGS.load({ OFFERS_MAX_QUANTITY: 'many' })).toThrow(/OFFERS_MAX_QUANTITY/);
    expect(() =>
      OFFERS_SETTINGS.load({ OFFERS_MIN_PRICE_MINOR: '500', OFFERS_MAX_PRICE_MINOR: '100' }),
    ).toThrow(/OFFERS_MAX_PRICE_MINOR/);
  });
});

import { median, percentile, ratePerSecond, summarize } from './stats';

describe('percentile', () => {
  const hundred = Array.from({ length: 100 }, (_, i) => i + 1);

  it('takes the nearest rank, so p99 of 100 samples is the 99th and not the maximum', () => {
    expect(percentile(hundred, 99)).toBe(99);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 100)).toBe(100);
  });

  it('answers the only sample for any percentile of one sample', () => {
    expect(percentile([7], 1)).toBe(7);
    expect(percentile([7], 99)).toBe(7);
  });

  it('rounds the rank up between samples', () => {
    expect(percentile([10, 20, 30], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 50)).toBe(20);
    expect(percentile([10, 20, 30, 40], 51)).toBe(30);
  });

  it('refuses no samples and percentiles outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
    expect(() => percentile([1], 101)).toThrow('(0, 100]');
  });
});

describe('summarize', () => {
  it('summarizes unsorted samples', () => {
    const samples = [5, 1, 4, 2, 3];
    expect(summarize(samples)).toEqual({ count: 5, p50: 3, p90: 5, p99: 5, mean: 3, max: 5 });
  });

  it('separates the tail from the median', () => {
    const samples = [...Array.from({ length: 98 }, () => 1), 50, 100];
    const summary = summarize(samples);
    expect(summary.p50).toBe(1);
    expect(summary.p90).toBe(1);
    expect(summary.p99).toBe(50);
    expect(summary.max).toBe(100);
    expect(summary.mean).toBeCloseTo(2.48);
  });

  it('keeps fractions of milliseconds', () => {
    expect(summarize([0.25, 0.75]).p50).toBe(0.25);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    summarize(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('refuses an empty measurement', () => {
    expect(() => summarize([])).toThrow('no latency samples');
  });
});

describe('ratePerSecond', () => {
  it('turns a count over milliseconds into a rate per second', () => {
    expect(ratePerSecond(500, 1_000)).toBe(500);
    expect(ratePerSecond(1_000, 250)).toBe(4_000);
  });

  it('refuses an empty or negative span', () => {
    expect(() => ratePerSecond(1, 0)).toThrow('positive');
    expect(() => ratePerSecond(1, -5)).toThrow('positive');
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the middle two of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('refuses no values', () => {
    expect(() => median([])).toThrow('no values');
  });
});

import type { BenchContext } from '../lib/context';
import type { Measurement } from '../lib/report';
import { measureBulkWriteCeiling } from './bulk-write.ceiling';
import { measureHttpFindCeiling } from './http-find.ceiling';
import { measureRawRoundTripCeiling } from './raw-round-trip.ceiling';

/** What the bare tools achieve on this machine; our figures are judged as ratios to these. */
export const CEILINGS = {
  'http-find': measureHttpFindCeiling,
  'bulk-write': measureBulkWriteCeiling,
  'raw-round-trip': measureRawRoundTripCeiling,
} as const satisfies Record<string, (ctx: BenchContext) => Promise<Measurement[]>>;

export type CeilingName = keyof typeof CEILINGS;

/**
 * Records a ceiling in the suite's results, measuring it once per run: a later suite of the same
 * run reuses it, so every goal is still judged against a ceiling of its own run.
 */
export async function recordCeiling(ctx: BenchContext, name: CeilingName): Promise<Measurement[]> {
  const measurements = await ctx.shared(`ceiling:${name}`, () => CEILINGS[name](ctx));
  for (const measurement of measurements) ctx.results.measurement(measurement);
  return measurements;
}

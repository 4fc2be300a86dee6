import { recordCeiling } from '../ceilings';
import { formatRatio } from '../lib/markdown-table';
import { statValue } from '../lib/report';
import type { BenchSuite } from '../lib/suite';
import { measureOutboxPath } from './messaging/outbox-path';

/** Issue 3's goal: the outbox path costs at most this factor of the raw write + round trip. */
export const OUTBOX_P99_LIMIT = 2;

export const suite: BenchSuite = {
  name: 'messaging',
  description:
    'ceilings (bare Fastify reads, bulk upserts, raw write + Kafka round trip and throughput) and our outbox → Kafka → consumer path at a steady rate',
  async run(ctx) {
    ctx.results.goal({
      id: 'outbox-path.p99',
      label: `our path p99 ≤ ${OUTBOX_P99_LIMIT}× raw write + round trip p99 (same rate)`,
      ours: { measurement: 'ours.outbox-path', stat: 'p99' },
      ceiling: { measurement: 'ceiling.raw.round-trip', stat: 'p99' },
      bound: 'at-most',
      limit: OUTBOX_P99_LIMIT,
    });
    await recordCeiling(ctx, 'http-find');
    await recordCeiling(ctx, 'bulk-write');
    // The raw round trip runs right before our path, so both see the machine in the same state.
    const raw = await recordCeiling(ctx, 'raw-round-trip');
    const ours = await measureOutboxPath(ctx);
    for (const measurement of ours) ctx.results.measurement(measurement);
    const { p50FirstFifthMs, p50LastFifthMs, missing } = ours[0].details ?? {};
    if (typeof missing === 'number' && missing > 0) {
      ctx.results.note(
        `${missing} of our events were not handled within the drain timeout: the p99 understates`,
      );
    }
    if (typeof p50FirstFifthMs === 'number' && typeof p50LastFifthMs === 'number') {
      if (p50LastFifthMs > 50 && p50LastFifthMs > 2 * p50FirstFifthMs) {
        ctx.results.note(
          `our path fell behind the offered rate: p50 grew from ${p50FirstFifthMs.toFixed(0)} ms in the first fifth of the window to ${p50LastFifthMs.toFixed(0)} ms in the last`,
        );
      }
    }
    const rawRoundTrip = raw.find((m) => m.id === 'ceiling.raw.round-trip');
    if (rawRoundTrip) {
      const p50Ratio = statValue(ours[0], 'p50') / statValue(rawRoundTrip, 'p50');
      ctx.results.note(`our p50 / raw p50 = ${formatRatio(p50Ratio)} (no goal; for context)`);
    }
  },
};

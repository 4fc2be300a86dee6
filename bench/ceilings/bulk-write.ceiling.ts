import { performance } from 'node:perf_hooks';
import { mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { BenchContext } from '../lib/context';
import type { Measurement } from '../lib/report';
import { ratePerSecond, summarize } from '../lib/stats';

interface FeedRow {
  sellerId: string;
  sku: string;
  productId: string;
  condition: string;
  priceMinor: number;
  currency: string;
  quantity: number;
}

function feedRows(count: number, sellers: readonly string[]): FeedRow[] {
  return Array.from({ length: count }, (_, i) => ({
    sellerId: sellers[i % sellers.length],
    sku: `SKU-${i}`,
    productId: uuidv7(),
    condition: i % 3 === 0 ? 'new' : 'used-good',
    priceMinor: 500 + (i % 5_000),
    currency: 'USD',
    quantity: 1 + (i % 20),
  }));
}

function upserts(rows: readonly FeedRow[], pass: number): mongo.AnyBulkWriteOperation[] {
  return rows.map((row) => ({
    updateOne: {
      filter: { sellerId: row.sellerId, sku: row.sku },
      update: {
        $set: { ...row, quantity: row.quantity + pass, updatedAt: new Date() },
        $setOnInsert: { _id: uuidv7() },
      },
      upsert: true,
    },
  }));
}

/**
 * The bulk-write ceiling: unordered `bulkWrite` of upserts in batches, one batch after the other,
 * keyed like a seller's inventory feed (seller + SKU, unique index). First pass inserts every row,
 * second pass updates the same rows.
 */
export async function measureBulkWriteCeiling(ctx: BenchContext): Promise<Measurement[]> {
  const { bulkBatchSize, bulkBatches } = ctx.profile;
  const client = await new mongo.MongoClient(ctx.databaseUri('bulk_ceiling')).connect();
  try {
    const offers = client.db().collection('offers');
    // Serves the feed's upsert filter `{ sellerId, sku }`.
    await offers.createIndex({ sellerId: 1, sku: 1 }, { unique: true });
    const rows = feedRows(bulkBatchSize * bulkBatches, ['seller-a', 'seller-b', 'seller-c', 'seller-d']);
    // One throw-away batch on other rows warms the driver and the store up.
    await offers.bulkWrite(upserts(feedRows(bulkBatchSize, ['seller-warmup']), 0), { ordered: false });
    const measurements: Measurement[] = [];
    for (const [pass, kind] of [
      [1, 'new'],
      [2, 'existing'],
    ] as const) {
      ctx.log(`bulk ceiling: ${bulkBatches} × ${bulkBatchSize} upserts of ${kind} documents`);
      const batchMs: number[] = [];
      const started = performance.now();
      for (let batch = 0; batch < bulkBatches; batch++) {
        const slice = rows.slice(batch * bulkBatchSize, (batch + 1) * bulkBatchSize);
        const batchStarted = performance.now();
        const result = await offers.bulkWrite(upserts(slice, pass), { ordered: false });
        batchMs.push(performance.now() - batchStarted);
        const touched = result.upsertedCount + result.matchedCount;
        if (touched !== slice.length)
          throw new Error(`bulk upsert touched ${touched} of ${slice.length} documents`);
      }
      const elapsedMs = performance.now() - started;
      measurements.push({
        id: `ceiling.bulk.upsert-${kind}`,
        label: `driver unordered bulkWrite, ${bulkBatchSize}-doc upserts of ${kind} docs (latency per batch)`,
        role: 'ceiling',
        rate: { value: ratePerSecond(rows.length, elapsedMs), unit: 'docs/s' },
        latencyMs: summarize(batchMs),
        details: { batches: bulkBatches, batchSize: bulkBatchSize },
      });
    }
    return measurements;
  } finally {
    await client.close();
  }
}

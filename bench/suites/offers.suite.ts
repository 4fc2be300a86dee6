import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { KafkaNaming, Topic } from '@app/contracts';
import { startServiceOn, testToken } from '@app/testing';
import { OffersModule } from '../../apps/offers/src/offers.module';
import type { BenchContext } from '../lib/context';
import type { BenchSuite } from '../lib/suite';

/** Issue 5: one 50,000-row feed applies at ≥ 35% of the bare unordered bulkWrite's rows/s. */
const FEED_RATE_GOAL = 0.35;
const FEED_ROWS = 50_000;
const PRODUCTS = 1_000;
const CHUNK = 2_000;
const NOTE = 'Item is in good condition but packaging may have signs of shelf wear/aging or torn packaging.';

const productIdsFor = (): string[] => Array.from({ length: PRODUCTS }, () => uuidv7());

function feedCsv(productIds: readonly string[]): string {
  const lines = ['sku,product_id,condition,condition_note,price,quantity,handling_min,handling_max'];
  for (let i = 0; i < FEED_ROWS; i++) {
    const used = i % 3 !== 0;
    const price = (199 + (i % 4_000)) / 100;
    lines.push(
      `BENCH-${i},${productIds[i % PRODUCTS]},${used ? 'used_good' : 'new'},${used ? `"${NOTE}"` : ''},${price.toFixed(2)},${1 + (i % 9)},1,${2 + (i % 3)}`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** The ceiling: the same 50,000 offer documents through the bare driver, unordered bulkWrite. */
async function measureBulkWriteCeiling(
  ctx: BenchContext,
  uri: string,
  productIds: readonly string[],
): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const collection = client.db().collection('bench_ceiling_offers');
    await collection.createIndex({ skuKey: 1 }, { unique: true });
    const now = new Date();
    const docs = Array.from({ length: FEED_ROWS }, (_, i) => ({
      _id: uuidv7(),
      sellerId: 'bench-seller',
      sku: `BENCH-${i}`,
      skuKey: `bench-seller\u0000BENCH-${i}`,
      productId: productIds[i % PRODUCTS],
      condition: i % 3 ? 'used_good' : 'new',
      conditionNote: i % 3 ? NOTE : undefined,
      price: { amountMinor: 199 + (i % 4_000), currency: 'USD' },
      quantity: 1 + (i % 9),
      handlingDays: { min: 1, max: 2 + (i % 3) },
      status: 'active',
      appliedActionIds: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
      outbox: [],
    }));
    const started = performance.now();
    for (let i = 0; i < docs.length; i += CHUNK) {
      await collection.bulkWrite(
        docs.slice(i, i + CHUNK).map((document) => ({ insertOne: { document: document as never } })),
        { ordered: false },
      );
    }
    const elapsed = performance.now() - started;
    ctx.results.measurement({
      id: 'ceiling.mongo.bulk-write',
      label: `driver unordered bulkWrite, ${FEED_ROWS} offer documents in chunks of ${CHUNK}`,
      role: 'ceiling',
      rate: { value: ctx.stats.ratePerSecond(FEED_ROWS, elapsed), unit: 'rows/s' },
    });
  } finally {
    await client.close();
  }
}

async function seedProducts(uri: string, productIds: readonly string[]): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    await client
      .db()
      .collection('products')
      .insertMany(
        productIds.map((_id) => ({ _id, title: 'Bench book', visibility: 'visible', version: 1 })) as never[],
      );
  } finally {
    await client.close();
  }
}

/** Watches offers.summary.v1 until every product's summary counts all its offers. */
async function watchSummaries(ctx: BenchContext, perProduct: Map<string, number>) {
  const kafka = new Kafka({
    clientId: 'bench-offers',
    brokers: ctx.infra.kafkaBrokers,
    logLevel: logLevel.NOTHING,
  });
  const consumer = kafka.consumer({ groupId: `${ctx.topicPrefix}bench-offers-${uuidv7()}` });
  await consumer.connect();
  await consumer.subscribe({
    topics: [new KafkaNaming(ctx.topicPrefix).topic(Topic.OffersSummary)],
    fromBeginning: true,
  });
  let complete = 0;
  let published = 0;
  let lastAt = 0;
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: ({ message }) => {
        if (!message.value) return Promise.resolve();
        const event = JSON.parse(message.value.toString()) as {
          payload: { productId: string; totalOffers: number };
        };
        published++;
        const expected = perProduct.get(event.payload.productId);
        if (expected !== undefined && event.payload.totalOffers === expected) {
          perProduct.delete(event.payload.productId);
          complete++;
          lastAt = performance.now();
          if (perProduct.size === 0) resolve();
        }
        return Promise.resolve();
      },
    });
  });
  return { done, stop: () => consumer.disconnect(), stats: () => ({ complete, published, lastAt }) };
}

export const suite: BenchSuite = {
  name: 'offers',
  description: `one ${FEED_ROWS}-row inventory feed end to end (rows applied/s, time to the last summary) against the bare bulkWrite ceiling`,
  async run(ctx) {
    ctx.results.goal({
      id: 'feed.rate',
      label: `feed rows applied/s ≥ ${FEED_RATE_GOAL}× bare unordered bulkWrite`,
      ours: { measurement: 'ours.offers.feed', stat: 'rate' },
      ceiling: { measurement: 'ceiling.mongo.bulk-write', stat: 'rate' },
      bound: 'at-least',
      limit: FEED_RATE_GOAL,
    });
    await ctx.ensurePlatformTopics();
    const productIds = productIdsFor();
    await measureBulkWriteCeiling(ctx, ctx.databaseUri('offers-ceiling'), productIds);

    const mongoUri = ctx.databaseUri('offers');
    await seedProducts(mongoUri, productIds);
    const service = await startServiceOn(
      { kafkaBrokers: ctx.infra.kafkaBrokers, topicPrefix: ctx.topicPrefix, mongoUri },
      'offers',
      (config) => OffersModule.register(config, { feedPollIntervalMs: 100 }),
    );
    ctx.defer(() => service.close());
    const watcher = await watchSummaries(ctx, new Map(productIds.map((id) => [id, FEED_ROWS / PRODUCTS])));
    ctx.defer(() => watcher.stop());

    const headers = { authorization: `Bearer ${await testToken({ roles: ['seller'], sellerId: uuidv7() })}` };
    const csv = feedCsv(productIds);
    const started = performance.now();
    const submitted = await fetch(`${service.url}/sellers/me/inventory-feeds`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/csv', 'idempotency-key': `bench-${ctx.runPrefix}` },
      body: csv,
    });
    const feed = (await submitted.json()) as { id: string };
    if (submitted.status !== 202) throw new Error(`feed submission answered ${submitted.status}`);
    let status: { status: string; counts: { applied: number; rejected: number } };
    for (;;) {
      const response = await fetch(`${service.url}/sellers/me/inventory-feeds/${feed.id}`, { headers });
      status = (await response.json()) as typeof status;
      if (status.status === 'done' || status.status === 'failed') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const appliedAt = performance.now();
    if (status.counts.applied !== FEED_ROWS)
      throw new Error(`feed applied ${status.counts.applied} of ${FEED_ROWS} rows`);
    await Promise.race([
      watcher.done,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('summaries did not all arrive in 300 s')), 300_000),
      ),
    ]);
    const summaries = watcher.stats();
    ctx.results.measurement({
      id: 'ours.offers.feed',
      label: `POST /sellers/me/inventory-feeds, ${FEED_ROWS} CSV rows over ${PRODUCTS} products, until done`,
      role: 'ours',
      rate: { value: ctx.stats.ratePerSecond(FEED_ROWS, appliedAt - started), unit: 'rows/s' },
      details: { feedSeconds: Number(((appliedAt - started) / 1000).toFixed(2)) },
    });
    ctx.results.measurement({
      id: 'ours.offers.feed-to-last-summary',
      label: `same feed until the last of ${PRODUCTS} summaries is published`,
      role: 'ours',
      rate: { value: ctx.stats.ratePerSecond(FEED_ROWS, summaries.lastAt - started), unit: 'rows/s' },
      details: {
        secondsToLastSummary: Number(((summaries.lastAt - started) / 1000).toFixed(2)),
        summariesPublished: summaries.published,
        products: PRODUCTS,
      },
    });
  },
};

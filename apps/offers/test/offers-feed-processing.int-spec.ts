import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { toOutboundMessage } from '@app/platform';
import { expectEventually, startTestService, TestService } from '@app/testing';
import { offerChanged } from '../src/offers/offer.events';
import { skuKeyOf } from '../src/offers/offer.schema';
import { OffersModule } from '../src/offers.module';
import { sellerHeaders, UpstreamEvents } from './offers-support';

type Json = Record<string, any>;

const MAX_ATTEMPTS = 3;

/**
 * Feed processing beyond the per-row rules: the events a feed causes leave the outboxes once
 * published, and when a feed fails — a chunk that cannot be applied is retried a bounded number
 * of times, then the feed ends `failed` with a reason, its rows' outcomes stay truthful, and the
 * seller's later feeds are no longer held up behind it.
 */
describe('inventory feed processing', () => {
  let service: TestService;
  let client: MongoClient;
  const upstream = new UpstreamEvents();

  const call = async (method: string, path: string, sellerId: string, body?: string) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { ...(await sellerHeaders(sellerId)), ...(body ? { 'content-type': 'text/csv' } : {}) },
      body,
    });
    return { status: response.status, body: (await response.json()) as Json };
  };

  const knownProduct = async () => {
    const productId = await upstream.product();
    await expectEventually(async () => {
      const response = await fetch(`${service.url}/products/${productId}/offers`);
      expect(response.status).toBe(200);
    });
    return productId;
  };

  const upsertRow = (line: number, sku: string, productId: string) => ({
    line,
    sku,
    action: 'upsert',
    productId,
    condition: 'new',
    priceMinor: 1994,
    quantity: 2,
    handlingMin: 1,
    handlingMax: 2,
  });

  beforeAll(async () => {
    service = await startTestService('offers', (config) =>
      OffersModule.register(config, {
        feedPollIntervalMs: 100,
        feedMaxChunkAttempts: MAX_ATTEMPTS,
        feedRetryBaseMs: 50,
      }),
    );
    client = await MongoClient.connect(service.config.mongo.uri);
    await upstream.connect();
  });

  afterAll(async () => {
    await upstream.disconnect();
    await client.close();
    await service.close();
  });

  it("publishes a feed's events as one outbox batch, closed once they are out, with no offer left pending", async () => {
    const productId = await knownProduct();
    const sellerId = uuidv7();
    const csv = [
      'sku,product_id,condition,price,quantity,handling_min,handling_max',
      ...Array.from({ length: 5 }, (_, i) => `PUB-${i},${productId},new,${10 + i}.00,2,1,2`),
    ].join('\n');
    const submitted = await call('POST', '/sellers/me/inventory-feeds', sellerId, csv);
    await expectEventually(async () => {
      const feed = await call('GET', `/sellers/me/inventory-feeds/${submitted.body.id}`, sellerId);
      expect(feed.body).toMatchObject({ status: 'done', counts: { applied: 5 } });
    });
    await expectEventually(async () => {
      const offers = await client.db().collection('offers').find({ sellerId }).toArray();
      expect(offers).toHaveLength(5);
      const batchId = offers[0].outboxBatch as string;
      expect(batchId).toEqual(expect.any(String));
      for (const offer of offers) {
        // The published event stays in the outbox, tagged with its closed batch, until the
        // offer's next write: nobody rewrites five (or fifty thousand) offers just to empty it.
        expect(offer.outboxBatch).toBe(batchId);
        expect(offer.outbox).toEqual([expect.objectContaining({ batchId })]);
        expect(offer.outboxPending).toBeUndefined();
        expect(offer.outboxPendingSince).toBeUndefined();
      }
      expect(
        await client
          .db()
          .collection('outbox_batches')
          .findOne({ _id: batchId } as never),
      ).toBeNull();
    });
    await expectEventually(async () => {
      const summary = await client
        .db()
        .collection('offer_summaries')
        .findOne({ _id: productId } as never);
      expect(summary).toMatchObject({ totalOffers: 5 });
    });
  });

  it('publishes the events of a batch whose feed worker died before publishing them, once its time is up', async () => {
    const productId = await knownProduct();
    const sellerId = uuidv7();
    const offerId = uuidv7();
    const batchId = uuidv7();
    const now = new Date();
    const offer = {
      _id: offerId,
      sellerId,
      sku: 'CRASHED-1',
      skuKey: skuKeyOf(sellerId, 'CRASHED-1'),
      productId,
      condition: 'new' as const,
      price: { amountMinor: 1994, currency: 'USD' },
      quantity: 3,
      handlingDays: { min: 1, max: 2 },
      status: 'active' as const,
      appliedActionIds: [],
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    // As a feed worker leaves things when it dies right after a chunk's bulk write: the batch is
    // open and due, the offer holds its event tagged with it, and nothing was published.
    const event = { ...toOutboundMessage(offerChanged('OfferListed', offer, [])), batchId };
    const db = client.db();
    await db
      .collection('outbox_batches')
      .insertOne({ _id: batchId, collection: 'offers', aggregateIds: [offerId], sweepAfter: now } as never);
    await db.collection('offers').insertOne({ ...offer, outbox: [event], outboxBatch: batchId } as never);
    await expectEventually(async () => {
      const summary = await db.collection('offer_summaries').findOne({ _id: productId } as never);
      expect(summary).toMatchObject({ totalOffers: 1 });
      expect(await db.collection('outbox_batches').findOne({ _id: batchId } as never)).toBeNull();
    });
  });

  it('retries a damaged chunk a bounded number of times, then fails the feed with a truthful report and lets the next feed run', async () => {
    const productId = await knownProduct();
    const sellerId = uuidv7();
    const feedId = uuidv7();
    const db = client.db();
    // A feed stored as if submitted, whose middle chunk was damaged in the database: reading its
    // rows throws every time, as a chunk the service cannot apply would.
    await db.collection('inventory_feed_chunks').insertMany([
      { _id: `${feedId}:0`, feedId, index: 0, rows: [upsertRow(2, 'KEEP-1', productId)] },
      { _id: `${feedId}:1`, feedId, index: 1, rows: 'damaged' },
      { _id: `${feedId}:2`, feedId, index: 2, rows: [upsertRow(4, 'LOST-3', productId)] },
    ] as never[]);
    await db
      .collection('inventory_feed_sequences')
      .updateOne({ _id: sellerId } as never, { $set: { seq: 1 } }, { upsert: true });
    await db.collection('inventory_feeds').insertOne({
      _id: feedId,
      sellerId,
      seq: 1,
      idempotencyScope: `${sellerId}:auto:${feedId}`,
      bodyHash: 'test',
      format: 'csv',
      status: 'queued',
      counts: { rows: 3, processed: 0, applied: 0, unchanged: 0, rejected: 0 },
      chunkCount: 3,
      nextChunk: 0,
      submittedAt: new Date(),
    } as never);

    // Submitted after the broken feed: it waits for it, then runs once the broken one has failed.
    const later = await call('POST', '/sellers/me/inventory-feeds', sellerId, `sku,quantity\nKEEP-1,5\n`);
    expect(later.status).toBe(202);

    const failed = await expectEventually(async () => {
      const feed = await call('GET', `/sellers/me/inventory-feeds/${feedId}`, sellerId);
      expect(feed.body.status).toBe('failed');
      return feed.body;
    });
    expect(failed.failure).toMatch(
      new RegExp(`^chunk 2 of 3 could not be applied in ${MAX_ATTEMPTS} attempts: `),
    );
    expect(failed.counts).toEqual({ rows: 3, processed: 2, applied: 1, unchanged: 0, rejected: 1 });
    const stored = await db.collection('inventory_feeds').findOne({ _id: feedId } as never);
    expect(stored?.chunkAttempts).toBe(MAX_ATTEMPTS);

    const report = (await call('GET', `/sellers/me/inventory-feeds/${feedId}/report`, sellerId)).body
      .entries as Json[];
    expect(report.map((e) => [e.sku, e.outcome, e.code])).toEqual([
      ['KEEP-1', 'applied', undefined],
      ['LOST-3', 'rejected', 'FEED_FAILED'],
    ]);
    expect(report[1].message).toContain('not applied');

    const done = await expectEventually(async () => {
      const feed = await call('GET', `/sellers/me/inventory-feeds/${later.body.id}`, sellerId);
      expect(feed.body.status).toBe('done');
      return feed.body;
    });
    expect(done.counts).toMatchObject({ applied: 1, rejected: 0 });
    const offers = (await call('GET', '/sellers/me/offers', sellerId)).body.items as Json[];
    expect(offers.map((offer) => [offer.sku, offer.quantity])).toEqual([['KEEP-1', 5]]);
  });
});

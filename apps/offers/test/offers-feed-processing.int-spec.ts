import { Binary, MongoClient } from 'mongodb';
import { Topic } from '@app/contracts';
import { v7 as uuidv7 } from 'uuid';
import { OutboxRelay, toOutboundMessage } from '@app/platform';
import { expectEventually, startTestService, TestService } from '@app/testing';
import { offerChanged } from '../src/offers/offer.events';
import { skuKeyOf } from '../src/offers/offer.schema';
import { OffersModule } from '../src/offers.module';
import { sellerHeaders, TopicRecorder, UpstreamEvents } from './offers-support';

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

  /** An offer as a feed chunk's bulk write stores it (without its outbox fields). */
  const storedOffer = (sellerId: string, productId: string, sku: string) => {
    const now = new Date();
    return {
      _id: uuidv7(),
      sellerId,
      sku,
      skuKey: skuKeyOf(sellerId, sku),
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
  };

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
        // The batch held the events, not the offers: nobody rewrites five (or fifty thousand)
        // offers to empty their outboxes, and none carries a second copy of its state.
        expect(offer.outboxBatch).toBe(batchId);
        expect(offer.outbox).toEqual([]);
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
    const now = new Date();
    const offer = storedOffer(sellerId, productId, 'CRASHED-1');
    const offerId = offer._id;
    // As a feed worker leaves things when it dies right after a chunk's bulk write: the batch is
    // open and due, holding the offer's event; the offer names the batch; nothing was published.
    const event = toOutboundMessage(offerChanged('OfferListed', offer, []));
    const batchId = await service.app
      .get(OutboxRelay)
      .openBatch(
        { collection: { collectionName: 'offers' } } as never,
        [{ aggregateId: offerId, messages: [event] }],
        now,
      );
    const db = client.db();
    await db.collection('offers').insertOne({ ...offer, outbox: [], outboxBatch: batchId } as never);
    await expectEventually(async () => {
      const summary = await db.collection('offer_summaries').findOne({ _id: productId } as never);
      expect(summary).toMatchObject({ totalOffers: 1 });
      expect(await db.collection('outbox_batches').findOne({ _id: batchId } as never)).toBeNull();
    });
  });

  it("publishes an open batch's event for an offer ahead of a seller's write to it, so the topic stays in order", async () => {
    const recorder = new TopicRecorder('batch-race');
    await recorder.start([Topic.OffersOffer]);
    try {
      const productId = await knownProduct();
      const sellerId = uuidv7();
      const offer = storedOffer(sellerId, productId, 'RACED-1');
      // A chunk was written and its batch is still open (its publish has not happened yet, and the
      // sweep's time is far off) when the seller adjusts the offer through the API.
      const listed = toOutboundMessage(offerChanged('OfferListed', offer, []));
      const batchId = await service.app
        .get(OutboxRelay)
        .openBatch(
          { collection: { collectionName: 'offers' } } as never,
          [{ aggregateId: offer._id, messages: [listed] }],
          new Date(Date.now() + 10 * 60_000),
        );
      await client
        .db()
        .collection('offers')
        .insertOne({ ...offer, outbox: [], outboxBatch: batchId } as never);
      const adjusted = await fetch(`${service.url}/sellers/me/offers/${offer._id}/quantity-adjustments`, {
        method: 'POST',
        headers: { ...(await sellerHeaders(sellerId)), 'content-type': 'application/json' },
        body: JSON.stringify({ delta: -1 }),
      });
      expect(adjusted.status).toBe(200);
      await expectEventually(() => {
        const versions = recorder.events
          .filter((event) => event.aggregateId === offer._id)
          .map((event) => `${event.type}@${(event.payload.offer as { version: number }).version}`);
        expect(versions).toEqual(['OfferListed@1', 'OfferUpdated@2']);
      });
    } finally {
      await recorder.stop();
    }
  });

  it('retries a damaged chunk a bounded number of times, then fails the feed with a truthful report and lets the next feed run', async () => {
    const productId = await knownProduct();
    const sellerId = uuidv7();
    const feedId = uuidv7();
    const db = client.db();
    // A feed stored as if submitted, whose middle chunk was damaged in the database: reading its
    // rows throws every time, as a chunk the service cannot apply would.
    const packedRows = (rows: unknown[]) => new Binary(Buffer.from(JSON.stringify(rows)));
    await db.collection('inventory_feed_chunks').insertMany([
      { _id: `${feedId}:0`, feedId, index: 0, rows: packedRows([upsertRow(2, 'KEEP-1', productId)]) },
      { _id: `${feedId}:1`, feedId, index: 1, rows: 'damaged' },
      { _id: `${feedId}:2`, feedId, index: 2, rows: packedRows([upsertRow(4, 'LOST-3', productId)]) },
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

import { v7 as uuidv7 } from 'uuid';
import { Topic } from '@app/contracts';
import { expectEventually, startTestService, TestService } from '@app/testing';
import { OffersModule } from '../src/offers.module';
import { sellerHeaders, TopicRecorder, UpstreamEvents } from './offers-support';

type Json = Record<string, any>;
const NOTE = 'Item is in good condition but packaging may have signs of shelf wear/aging or torn packaging.';

describe('offers service on the real infrastructure', () => {
  let service: TestService;
  const upstream = new UpstreamEvents();
  const recorder = new TopicRecorder();

  const call = async (
    method: string,
    path: string,
    sellerId?: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const raw = typeof body === 'string';
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(sellerId ? await sellerHeaders(sellerId) : {}),
        ...(body === undefined ? {} : { 'content-type': raw ? 'text/csv' : 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : raw ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as Json,
    };
  };

  const knownProduct = async () => {
    const productId = await upstream.product();
    await expectEventually(async () =>
      expect((await call('GET', `/products/${productId}/offers`)).status).toBe(200),
    );
    return productId;
  };

  const offerBody = (productId: string, overrides: Json = {}) => ({
    productId,
    condition: 'used_good',
    conditionNote: NOTE,
    price: { amountMinor: 261 },
    quantity: 5,
    handlingDays: { min: 1, max: 2 },
    ...overrides,
  });

  const upsert = (sellerId: string, sku: string, body: Json) =>
    call('PUT', `/sellers/me/offers/by-sku/${sku}`, sellerId, body);

  const lastSummary = (productId: string) =>
    recorder.events.filter((e) => e.type === 'OfferSummaryChanged' && e.aggregateId === productId).at(-1)
      ?.payload;

  const feedDone = async (sellerId: string, feedId: string) =>
    expectEventually(async () => {
      const feed = await call('GET', `/sellers/me/inventory-feeds/${feedId}`, sellerId);
      expect(feed.body.status).toBe('done');
      return feed.body;
    });

  beforeAll(async () => {
    service = await startTestService('offers', (config) =>
      OffersModule.register(config, { feedPollIntervalMs: 100 }),
    );
    await upstream.connect();
    await recorder.start([Topic.OffersOffer, Topic.OffersSummary]);
  });

  afterAll(async () => {
    await recorder.stop();
    await upstream.disconnect();
    await service.close();
  });

  it("answers 404 on every seller route tried with another seller's offer and feed ids", async () => {
    const productId = await knownProduct();
    const owner = uuidv7();
    const other = uuidv7();
    const offer = (await upsert(owner, 'OWN-1', offerBody(productId))).body;
    const feed = (await call('POST', '/sellers/me/inventory-feeds', owner, 'sku,quantity\nOWN-1,4\n')).body;
    await feedDone(owner, feed.id);
    const attempts = await Promise.all([
      call('GET', `/sellers/me/offers/${offer.id}`, other),
      call('PATCH', `/sellers/me/offers/${offer.id}`, other, { quantity: 1 }, { 'if-match': '"1"' }),
      call('DELETE', `/sellers/me/offers/${offer.id}`, other),
      call('POST', `/sellers/me/offers/${offer.id}/quantity-adjustments`, other, { delta: -1 }),
      call('GET', `/sellers/me/inventory-feeds/${feed.id}`, other),
      call('GET', `/sellers/me/inventory-feeds/${feed.id}/report`, other),
    ]);
    expect(attempts.map((a) => a.status)).toEqual([404, 404, 404, 404, 404, 404]);
    expect((await call('GET', '/sellers/me/offers', other)).body.items).toEqual([]);
    expect((await call('GET', '/sellers/me/inventory-feeds', other)).body.items).toEqual([]);
    // The same SKU is a different offer for another seller, never a takeover of the owner's.
    const theirs = await upsert(other, 'OWN-1', offerBody(productId));
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(offer.id);
    expect((await call('GET', `/sellers/me/offers/${offer.id}`, owner)).body.quantity).toBe(4);
  });

  it('refuses a stale If-Match with 412 and the current version', async () => {
    const productId = await knownProduct();
    const seller = uuidv7();
    const created = await upsert(seller, 'IFM-1', offerBody(productId));
    expect(created.headers.get('etag')).toBe('"1"');
    const first = await call(
      'PATCH',
      `/sellers/me/offers/${created.body.id}`,
      seller,
      { quantity: 7 },
      { 'if-match': '"1"' },
    );
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await call(
      'PATCH',
      `/sellers/me/offers/${created.body.id}`,
      seller,
      { quantity: 9 },
      { 'if-match': '"1"' },
    );
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_MISMATCH' });
    expect(JSON.stringify(stale.body)).toContain('"currentVersion":2');
    expect((await call('GET', `/sellers/me/offers/${created.body.id}`, seller)).body.quantity).toBe(7);
  });

  it('ends 50 concurrent -1 adjustments on quantity 50 at exactly 0 with 50 successes', async () => {
    const productId = await knownProduct();
    const seller = uuidv7();
    const offer = (await upsert(seller, 'QTY-1', offerBody(productId, { quantity: 50 }))).body;
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        call('POST', `/sellers/me/offers/${offer.id}/quantity-adjustments`, seller, { delta: -1 }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(50);
    const after = (await call('GET', `/sellers/me/offers/${offer.id}`, seller)).body;
    expect(after).toMatchObject({ quantity: 0, status: 'out_of_stock', version: 51 });
    const below = await call('POST', `/sellers/me/offers/${offer.id}/quantity-adjustments`, seller, {
      delta: -1,
    });
    expect(below).toMatchObject({ status: 409, body: { error: { code: 'INSUFFICIENT_QUANTITY' } } });
  });

  it('reports each bad row of a feed, applies the rest, and a repeated Idempotency-Key has no new effect', async () => {
    const productId = await knownProduct();
    const seller = uuidv7();
    await upsert(seller, 'F-OLD', offerBody(productId, { quantity: 3 }));
    const csv = [
      'sku,product_id,condition,condition_note,price,quantity,handling_min,handling_max',
      `F-1,${productId},new,,19.94,2,1,2`,
      `F-2,${productId},used_good,"Clean copy, light wear.\nName on flyleaf.",4.10,1,2,4`,
      `F-3,${productId},mint,,3.00,1,1,2`,
      `F-4,${uuidv7({ msecs: Date.now() - 3_600_000 })},new,,3.00,1,1,2`,
      `F-5,${productId},new,,0.00,1,1,2`,
      `F-1,${productId},new,,18.00,2,1,2`,
      'F-OLD,,,,,0,,',
      'F-NONE,,,,2.00,,,',
    ].join('\n');
    const headers = { 'idempotency-key': `feed-${seller}` };
    const submitted = await call('POST', '/sellers/me/inventory-feeds', seller, csv, headers);
    expect(submitted.status).toBe(202);
    const feed = await feedDone(seller, submitted.body.id);
    expect(feed.counts).toEqual({ rows: 8, processed: 8, applied: 3, unchanged: 0, rejected: 5 });
    const report = (await call('GET', `/sellers/me/inventory-feeds/${feed.id}/report`, seller)).body
      .entries as Json[];
    expect(report.map((e) => [e.sku, e.outcome, e.code])).toEqual([
      ['F-1', 'applied', undefined],
      ['F-2', 'applied', undefined],
      ['F-3', 'rejected', 'CONDITION_INVALID'],
      ['F-4', 'rejected', 'UNKNOWN_PRODUCT'],
      ['F-5', 'rejected', 'PRICE_OUT_OF_BOUNDS'],
      ['F-1', 'rejected', 'DUPLICATE_SKU'],
      ['F-OLD', 'applied', undefined],
      ['F-NONE', 'rejected', 'OFFER_NOT_FOUND'],
    ]);
    const mine = (await call('GET', '/sellers/me/offers', seller)).body.items as Json[];
    expect(mine.map((o) => [o.sku, o.status, o.price.amountMinor]).sort()).toEqual([
      ['F-1', 'active', 1994],
      ['F-2', 'active', 410],
      ['F-OLD', 'out_of_stock', 261],
    ]);
    // The repeat answers with the original feed and changes nothing.
    const repeat = await call('POST', '/sellers/me/inventory-feeds', seller, csv, headers);
    expect(repeat.status).toBe(200);
    expect(repeat.body.id).toBe(feed.id);
    expect((await call('GET', '/sellers/me/inventory-feeds', seller)).body.items).toHaveLength(1);
    const versions = ((await call('GET', '/sellers/me/offers', seller)).body.items as Json[]).map(
      (o) => o.version,
    );
    expect(versions.sort()).toEqual([1, 1, 2]);
  });

  it('takes a hidden product out of the listing and the summary, and back when it is visible again', async () => {
    const productId = await knownProduct();
    await upsert(uuidv7(), 'VIS-1', offerBody(productId));
    await upsert(
      uuidv7(),
      'VIS-2',
      offerBody(productId, { condition: 'new', conditionNote: undefined, price: { amountMinor: 1994 } }),
    );
    await expectEventually(() => expect(lastSummary(productId)).toMatchObject({ totalOffers: 2 }));
    expect((await call('GET', `/products/${productId}/offers`)).body.items).toHaveLength(2);

    await upstream.product({ productId, version: 2, visibility: 'held' });
    await expectEventually(async () =>
      expect((await call('GET', `/products/${productId}/offers`)).status).toBe(404),
    );
    await expectEventually(() =>
      expect(lastSummary(productId)).toMatchObject({ totalOffers: 0, lowestPrice: null }),
    );

    await upstream.product({ productId, version: 3, visibility: 'visible' });
    await expectEventually(async () =>
      expect((await call('GET', `/products/${productId}/offers`)).body.items).toHaveLength(2),
    );
    await expectEventually(() => expect(lastSummary(productId)).toMatchObject({ totalOffers: 2 }));
  });

  it('holds an offer out of the listing and summary, refuses seller edits, and keep brings it back', async () => {
    const productId = await knownProduct();
    const seller = uuidv7();
    const offer = (await upsert(seller, 'HOLD-1', offerBody(productId))).body;
    await expectEventually(() => expect(lastSummary(productId)).toMatchObject({ totalOffers: 1 }));

    const holdId = await upstream.moderate({ targetType: 'offer', targetId: offer.id, action: 'hold' });
    await expectEventually(async () =>
      expect((await call('GET', `/sellers/me/offers/${offer.id}`, seller)).body.status).toBe('held'),
    );
    expect((await call('GET', `/products/${productId}/offers`)).body.items).toEqual([]);
    await expectEventually(() => expect(lastSummary(productId)).toMatchObject({ totalOffers: 0 }));
    const edit = await call(
      'PATCH',
      `/sellers/me/offers/${offer.id}`,
      seller,
      { quantity: 1 },
      { 'if-match': '"2"' },
    );
    expect(edit).toMatchObject({ status: 409, body: { error: { code: 'OFFER_UNDER_MODERATION' } } });
    expect((await upsert(seller, 'HOLD-1', offerBody(productId))).body.error.code).toBe(
      'OFFER_UNDER_MODERATION',
    );

    // A redelivered hold is not applied twice; every action is answered once.
    await upstream.moderate({ targetType: 'offer', targetId: offer.id, action: 'hold', eventId: holdId });
    const keepId = await upstream.moderate({ targetType: 'offer', targetId: offer.id, action: 'keep' });
    await expectEventually(async () =>
      expect((await call('GET', `/sellers/me/offers/${offer.id}`, seller)).body.status).toBe('active'),
    );
    await expectEventually(() => expect(lastSummary(productId)).toMatchObject({ totalOffers: 1 }));
    const answers = recorder.events.filter((e) => e.type === 'OfferModerated' && e.aggregateId === offer.id);
    expect(answers.map((e) => [e.causationId, (e.payload as Json).offer.status])).toEqual([
      [holdId, 'held'],
      [keepId, 'active'],
    ]);
  });

  it('publishes the summary with the right numbers, only when it changes, and lists by condition', async () => {
    const productId = await knownProduct();
    const sellers = [uuidv7(), uuidv7(), uuidv7()];
    await call('PUT', '/sellers/me/profile', sellers[0], { displayName: 'BN.com' });
    await upsert(
      sellers[0],
      'S-1',
      offerBody(productId, { condition: 'new', conditionNote: undefined, price: { amountMinor: 1994 } }),
    );
    await upsert(
      sellers[1],
      'S-2',
      offerBody(productId, {
        condition: 'new',
        conditionNote: undefined,
        price: { amountMinor: 2450 },
        handlingDays: { min: 2, max: 5 },
      }),
    );
    await upsert(sellers[1], 'S-3', offerBody(productId, { price: { amountMinor: 261 } }));
    await upsert(
      sellers[2],
      'S-4',
      offerBody(productId, { condition: 'used_very_good', price: { amountMinor: 799 } }),
    );
    await upsert(
      sellers[2],
      'S-5',
      offerBody(productId, { condition: 'used_acceptable', price: { amountMinor: 150 }, quantity: 0 }),
    );
    await expectEventually(() =>
      expect(lastSummary(productId)).toEqual({
        productId,
        version: expect.any(Number),
        totalOffers: 4,
        byConditionClass: {
          new: { count: 2, lowestPrice: { amountMinor: 1994, currency: 'USD' } },
          used: { count: 2, lowestPrice: { amountMinor: 261, currency: 'USD' } },
          collectible: { count: 0, lowestPrice: null },
        },
        lowestPrice: { amountMinor: 261, currency: 'USD' },
        bestHandlingDays: { min: 1, max: 2 },
      }),
    );
    const published = recorder.events.filter(
      (e) => e.type === 'OfferSummaryChanged' && e.aggregateId === productId,
    );
    const versions = published.map((e) => (e.payload as Json).version as number);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    // An edit that leaves the figures as they were (a non-lowest quantity) publishes nothing.
    const before = published.length;
    const s4 = (await call('GET', '/sellers/me/offers', sellers[2])).body.items.find(
      (o: Json) => o.sku === 'S-4',
    );
    await call('POST', `/sellers/me/offers/${s4.id}/quantity-adjustments`, sellers[2], { delta: 2 });
    await upsert(sellers[1], 'S-3', offerBody(productId, { price: { amountMinor: 250 } }));
    await expectEventually(() =>
      expect(lastSummary(productId)?.lowestPrice).toEqual({ amountMinor: 250, currency: 'USD' }),
    );
    expect(
      recorder.events.filter((e) => e.type === 'OfferSummaryChanged' && e.aggregateId === productId),
    ).toHaveLength(before + 1);

    const used = (await call('GET', `/products/${productId}/offers?condition=used&sort=price`)).body;
    expect(used.items.map((o: Json) => o.price.amountMinor)).toEqual([250, 799]);
    const page1 = (await call('GET', `/products/${productId}/offers?limit=2`)).body;
    const page2 = (await call('GET', `/products/${productId}/offers?limit=2&cursor=${page1.nextCursor}`))
      .body;
    expect([...page1.items, ...page2.items].map((o: Json) => o.price.amountMinor)).toEqual([
      250, 799, 1994, 2450,
    ]);
    expect(page1.items[0]).not.toHaveProperty('sellerId');
    const bn = [...page1.items, ...page2.items].find((o: Json) => o.price.amountMinor === 1994);
    expect(bn).toMatchObject({
      seller: { displayName: 'BN.com' },
      handlingLabel: 'Usually ships in 1-2 business days',
    });
  });

  it('withdraws on delete and reactivates the same offer on a later upsert of its SKU', async () => {
    const productId = await knownProduct();
    const seller = uuidv7();
    const offer = (await upsert(seller, 'W-1', offerBody(productId))).body;
    expect((await call('DELETE', `/sellers/me/offers/${offer.id}`, seller)).body.status).toBe('withdrawn');
    const again = await upsert(seller, 'W-1', offerBody(productId, { quantity: 2 }));
    expect(again).toMatchObject({ status: 200, body: { id: offer.id, status: 'active', quantity: 2 } });
  });
});

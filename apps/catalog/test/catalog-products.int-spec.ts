import { Consumer, Kafka, logLevel, Producer } from 'kafkajs';
import { v4 as uuidv4, v7 as uuidv7 } from 'uuid';
import {
  AnyEventEnvelope,
  buildEvent,
  EventType,
  BuildEventInput,
  KafkaNaming,
  ProductState,
  Topic,
} from '@app/contracts';
import { getConnectionToken } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';
import { toOutboundMessage } from '@app/platform';
import {
  expectEventually,
  startTestService,
  testDatabaseUri,
  testInfra,
  testToken,
  TestService,
} from '@app/testing';
import { loadCatalogDemo, SEED_BOOK, SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';

/** A valid ISBN-13 no other suite of the run uses. */
const PAGE_BOOK_ISBN13 = '9781402894626';
import { CatalogModule } from '../src/catalog.module';
import { rebuildCatalog } from '../src/rebuild/catalog-rebuild';

interface Json {
  status: number;
  headers: Headers;
  body: any;
}

describe('catalog products, product page, search and moderation', () => {
  let svc: TestService;
  let kafka: Kafka;
  let producer: Producer;
  let productEvents: Consumer;
  const seen: AnyEventEnvelope[] = [];
  const naming = new KafkaNaming(testInfra().topicPrefix);
  let editor: string;
  let moderator: string;
  let customer: string;
  let seller: string;
  let seedId: string;
  let pageId: string;
  /** A product whose offer summary (lowest price 1.00) the page tests set; sorts before pageId. */
  let markerId: string;

  async function http(
    method: string,
    path: string,
    init: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ): Promise<Json> {
    const response = await fetch(`${svc.url}${path}`, {
      method,
      headers: {
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  }

  async function publish<T extends EventType>(
    type: T,
    input: Omit<BuildEventInput<T>, 'correlationId'>,
  ): Promise<AnyEventEnvelope> {
    const event = buildEvent(type, {
      correlationId: `test-${uuidv4()}`,
      ...input,
    } as BuildEventInput<T>) as AnyEventEnvelope;
    const message = toOutboundMessage(event);
    await producer.send({
      topic: naming.topic(message.topic),
      messages: [{ key: message.key, value: message.value, headers: message.headers }],
    });
    return event;
  }

  function offerSummary(productId: string, version: number, lowest: number, occurredAt: Date) {
    return publish('OfferSummaryChanged', {
      aggregateId: productId,
      aggregateVersion: version,
      occurredAt,
      payload: {
        productId,
        version,
        totalOffers: 23,
        byConditionClass: {
          new: { count: 6, lowestPrice: { amountMinor: 1994, currency: 'USD' } },
          used: { count: 17, lowestPrice: { amountMinor: lowest, currency: 'USD' } },
          collectible: { count: 0, lowestPrice: null },
        },
        lowestPrice: { amountMinor: lowest, currency: 'USD' },
        bestHandlingDays: { min: 1, max: 2 },
      },
    });
  }

  function ratingSummary(productId: string, version: number, fives: number, occurredAt: Date) {
    return publish('RatingSummaryChanged', {
      aggregateId: productId,
      aggregateVersion: version,
      occurredAt,
      payload: {
        productId,
        version,
        count: fives + 1,
        ratingSum: fives * 5 + 3,
        distribution: { '5': fives, '4': 0, '3': 1, '2': 0, '1': 0 },
      },
    });
  }

  function moderationAction(productId: string, decision?: 'keep' | 'remove' | 'restore') {
    const common = { aggregateId: uuidv7(), aggregateVersion: 1 };
    const target = { type: 'product' as const, id: productId };
    return decision
      ? publish('DecisionMade', {
          ...common,
          payload: { caseId: 'case-1', target, decision, reasonCode: 'not_infringing' },
        })
      : publish('HoldPlaced', {
          ...common,
          payload: { caseId: 'case-1', target, reasonCode: 'report_threshold' },
        });
  }

  const page = (id: string, token?: string) => http('GET', `/products/${id}`, { token });
  const search = async (query: string) => (await http('GET', `/products?${query}`)).body;
  const summariesOf = (body: Json['body']) => JSON.stringify({ o: body.offerSummary, r: body.ratingSummary });

  beforeAll(async () => {
    [editor, moderator, customer, seller] = await Promise.all([
      testToken({ roles: ['catalog-editor'], sub: 'acc-editor' }),
      testToken({ roles: ['moderator'], sub: 'acc-mod' }),
      testToken({ roles: ['customer'], sub: 'acc-shopper' }),
      testToken({ roles: ['seller'], sub: 'acc-seller', sellerId: 's-1' }),
    ]);
    svc = await startTestService('catalog', (config) => CatalogModule.register(config));
    kafka = new Kafka({
      clientId: 'catalog-test',
      brokers: testInfra().kafkaBrokers,
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    productEvents = kafka.consumer({ groupId: `${testInfra().topicPrefix}catalog-test-${uuidv4()}` });
    await productEvents.connect();
    await productEvents.subscribe({ topic: naming.topic(Topic.CatalogProduct), fromBeginning: true });
    await productEvents.run({
      eachMessage: ({ message }) => {
        seen.push(JSON.parse(message.value?.toString('utf8') ?? '{}') as AnyEventEnvelope);
        return Promise.resolve();
      },
    });
    seedId = (await loadCatalogDemo(svc.url, editor)).productId;
    // The page and moderation tests need summaries and holds only they produce: other suites of
    // the run (offers, reviews) use the seed book in this same catalog. Same book, another ISBN.
    const created = await http('POST', '/products', {
      token: editor,
      body: { ...SEED_BOOK, isbn: PAGE_BOOK_ISBN13 },
    });
    expect(created.status).toBe(201);
    pageId = created.body.id as string;
  });

  afterAll(async () => {
    await productEvents?.disconnect();
    await producer?.disconnect();
    await svc?.close();
  });

  describe('editing products', () => {
    it('loads the seed book idempotently: a second load adds and publishes nothing', async () => {
      const again = await loadCatalogDemo(svc.url, editor);
      expect(again).toEqual({ productId: seedId, outcome: 'unchanged' });
      const found = await search(`isbn=${SEED_BOOK_ISBN13}`);
      expect(found.items).toHaveLength(1);
      await expectEventually(() =>
        expect(seen.filter((e) => e.aggregateId === seedId).map((e) => e.type)).toEqual(['ProductCreated']),
      );
    });

    it('publishes the full state on catalog.product.v1 when a product is created', async () => {
      const created = await expectEventually(() => {
        const found = seen.find((e) => e.aggregateId === seedId && e.type === 'ProductCreated');
        expect(found).toBeDefined();
        return found;
      });
      expect(created?.payload).toMatchObject({
        product: {
          productId: seedId,
          isbn13: SEED_BOOK_ISBN13,
          pageCount: 393,
          visibility: 'visible',
          version: 1,
        },
      });
    });

    it('refuses editor routes to anonymous callers, shoppers and sellers', async () => {
      const body = { ...SEED_BOOK, isbn: '0-8044-2957-X' };
      expect((await http('POST', '/products', { body })).status).toBe(401);
      for (const token of [customer, seller, moderator]) {
        expect(await http('POST', '/products', { token, body })).toMatchObject({ status: 403 });
        expect(await http('PATCH', `/products/${seedId}`, { token, body: { pageCount: 1 } })).toMatchObject({
          status: 403,
        });
      }
    });

    it('accepts an ISBN-10, stores its ISBN-13, and refuses a second book with the same ISBN (409)', async () => {
      const created = await http('POST', '/products', {
        token: editor,
        body: { ...SEED_BOOK, isbn: '0-8044-2957-X', title: 'A Second Book' },
      });
      expect(created).toMatchObject({ status: 201, body: { isbn13: '9780804429573', version: 1 } });
      const again = await http('POST', '/products', {
        token: editor,
        body: { ...SEED_BOOK, isbn: '9780804429573' },
      });
      expect(again).toMatchObject({ status: 409, body: { error: { code: 'PRODUCT_ISBN_TAKEN' } } });
    });

    it('names the field and rule of every validation error', async () => {
      const bad = await http('POST', '/products', {
        token: editor,
        body: { ...SEED_BOOK, isbn: '9780804725218', pageCount: -1, owner: 'me' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'body.pageCount', rule: 'min' }),
          expect.objectContaining({ field: 'body.owner', rule: 'unknown_field' }),
        ]),
      );
      const checksum = await http('POST', '/products', {
        token: editor,
        body: { ...SEED_BOOK, isbn: '9780804725218' },
      });
      expect(checksum.body.error.details).toEqual([
        expect.objectContaining({ field: 'body.isbn', rule: 'isbn_checksum' }),
      ]);
    });

    it('updates with If-Match, publishes the changed fields, and answers 412 to a stale version', async () => {
      const created = await http('POST', '/products', {
        token: editor,
        body: {
          isbn: '9780306406157',
          title: 'Patchable',
          contributors: [{ name: 'A. Writer', role: 'author' }],
          format: 'hardcover',
        },
      });
      const id = created.body.id as string;
      const patched = await http('PATCH', `/products/${id}`, {
        token: editor,
        headers: { 'if-match': '"1"' },
        body: { availability: 'out_of_print', pageCount: 120 },
      });
      expect(patched).toMatchObject({
        status: 200,
        body: { version: 2, availability: 'out_of_print', pageCount: 120 },
      });
      expect(patched.headers.get('etag')).toBe('"2"');
      const stale = await http('PATCH', `/products/${id}`, {
        token: editor,
        headers: { 'if-match': '"1"' },
        body: { pageCount: 121 },
      });
      expect(stale).toMatchObject({ status: 412, body: { error: { code: 'PRODUCT_VERSION_MISMATCH' } } });
      await expectEventually(() =>
        expect(seen.find((e) => e.aggregateId === id && e.type === 'ProductUpdated')?.payload).toMatchObject({
          changedFields: ['pageCount', 'availability'],
          product: { version: 2, availability: 'out_of_print' },
        }),
      );
      // Out of print changes the label only: the page is still there for shoppers.
      expect((await page(id)).status).toBe(200);
    });

    it('publishes what a crash left in an outbox: the sweep finds the product by its pending flag', async () => {
      const created = await http('POST', '/products', {
        token: editor,
        body: {
          isbn: '9780262033848',
          title: 'Left Behind',
          contributors: [{ name: 'A. Writer', role: 'author' }],
          format: 'paperback',
        },
      });
      const id = created.body.id as string;
      const products = svc.app.get<Connection>(getConnectionToken()).collection<{ _id: string }>('products');
      // Published right after the write: the flag leaves with the outbox.
      const state = await expectEventually(async () => {
        expect(await products.findOne({ _id: id })).not.toHaveProperty('outboxPending');
        const event = seen.find((e) => e.aggregateId === id && e.type === 'ProductCreated');
        expect(event).toBeDefined();
        return (event?.payload as { product: ProductState }).product;
      });
      // A crash between a write and its publish leaves the events, their age and the flag.
      const left = buildEvent('ProductUpdated', {
        aggregateId: id,
        aggregateVersion: 2,
        correlationId: `test-${uuidv4()}`,
        payload: { product: { ...state, version: 2 }, changedFields: [] },
      });
      await products.updateOne(
        { _id: id },
        {
          $set: {
            version: 2,
            outbox: [toOutboundMessage(left)],
            outboxPendingSince: new Date(Date.now() - 60_000),
            outboxPending: true,
          },
        },
      );
      await expectEventually(() => expect(seen.map((e) => e.eventId)).toContain(left.eventId));
      await expectEventually(async () => {
        const doc = await products.findOne({ _id: id });
        expect(doc).toMatchObject({ outbox: [] });
        expect(doc).not.toHaveProperty('outboxPending');
        expect(doc).not.toHaveProperty('outboxPendingSince');
      });
    });
  });

  describe('the product page', () => {
    it('shows the empty states before any summary arrives', async () => {
      const { body } = await page(pageId);
      expect(body.product).toMatchObject({
        id: pageId,
        title: 'Uncertain Partners',
        listPrice: { amountMinor: 3295 },
      });
      expect(body.offerSummary).toMatchObject({ version: 0, asOf: null, totalOffers: 0, lowestPrice: null });
      expect(body.ratingSummary).toMatchObject({
        version: 0,
        count: 0,
        average: null,
        firstReviewWanted: true,
      });
    });

    it('applies an offer summary and a rating summary, each with its version and as-of time', async () => {
      const at = new Date('2026-11-01T10:00:00.000Z');
      await offerSummary(pageId, 1, 261, at);
      await ratingSummary(pageId, 1, 3, at);
      const { body } = await expectEventually(async () => {
        const current = await page(pageId);
        expect(current.body.offerSummary.version).toBe(1);
        expect(current.body.ratingSummary.version).toBe(1);
        return current;
      });
      expect(body.offerSummary).toMatchObject({
        asOf: at.toISOString(),
        totalOffers: 23,
        byConditionClass: { new: { count: 6, lowestPrice: { amountMinor: 1994 } }, used: { count: 17 } },
        lowestPrice: { amountMinor: 261, currency: 'USD' },
        savingsPercent: 92,
        handlingLabel: 'Usually ships in 1-2 business days',
      });
      expect(body.ratingSummary).toMatchObject({
        asOf: at.toISOString(),
        count: 4,
        average: 4.5,
        distribution: [
          { stars: 5, count: 3 },
          { stars: 4, count: 0 },
          { stars: 3, count: 1 },
          { stars: 2, count: 0 },
          { stars: 1, count: 0 },
        ],
        firstReviewWanted: false,
      });
    });

    it('keeps the newest summary when events repeat and arrive out of order', async () => {
      const t = (minute: number) => new Date(`2026-11-02T10:0${minute}:00.000Z`);
      await offerSummary(pageId, 4, 250, t(4));
      await offerSummary(pageId, 3, 999, t(3));
      await offerSummary(pageId, 4, 250, t(4));
      await ratingSummary(pageId, 3, 9, t(3));
      await ratingSummary(pageId, 2, 1, t(2));
      // A marker after the stragglers on the same keys: once it is applied, so were they.
      markerId = (
        await http('POST', '/products', {
          token: editor,
          body: {
            isbn: '9781566199094',
            title: 'Marker',
            contributors: [{ name: 'M', role: 'author' }],
            format: 'ebook',
          },
        })
      ).body.id as string;
      await offerSummary(markerId, 1, 100, t(5));
      await expectEventually(async () => expect((await page(markerId)).body.offerSummary.version).toBe(1));
      await expectEventually(async () => {
        const { body } = await page(pageId);
        expect(body.offerSummary).toMatchObject({
          version: 4,
          asOf: t(4).toISOString(),
          lowestPrice: { amountMinor: 250 },
        });
        expect(body.ratingSummary).toMatchObject({ version: 3, asOf: t(3).toISOString(), count: 10 });
      });
    });

    it('reproduces the same summaries, byte for byte, after a rebuild from offset zero', async () => {
      const before = summariesOf((await page(pageId)).body);
      const result = await rebuildCatalog({
        mongoUri: testDatabaseUri('catalog'),
        kafkaBrokers: testInfra().kafkaBrokers,
        topicPrefix: testInfra().topicPrefix,
      });
      expect(result.productsReset).toBeGreaterThanOrEqual(2);
      expect(result.applied).toBeGreaterThanOrEqual(3);
      expect(summariesOf((await page(pageId)).body)).toBe(before);
    });
  });

  describe('search', () => {
    const titlesFor = async (q: string) =>
      ((await search(`q=${encodeURIComponent(q)}`)).items as { id: string }[]).map((item) => item.id);

    it.each([
      'goncharov',
      'korean war',
      'Stalin Mao',
      'uncertain partn',
      'Studies in International Security',
      'xué',
      'XUE LITAI',
      '0-8047-2521-7',
    ])('finds the seed book by "%s"', async (q) => {
      expect(await titlesFor(q)).toContain(seedId);
    });

    it('does not find it by words it does not have', async () => {
      expect(await titlesFor('goncharov napoleon')).not.toContain(seedId);
    });

    it('filters by format, price, condition class and rating, and pages with a stable cursor', async () => {
      expect((await search('q=goncharov&format=hardcover')).items).toHaveLength(0);
      expect(
        (await search('q=goncharov&condition=used&maxPrice=300&minRating=4')).items.map(
          (i: { id: string }) => i.id,
        ),
      ).toContain(pageId);
      expect((await search('q=goncharov&condition=collectible')).items).toHaveLength(0);
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const pageBody = await search(`sort=price&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
        all.push(...pageBody.items.map((i: { id: string }) => i.id));
        cursor = pageBody.nextCursor;
      } while (cursor);
      expect(new Set(all).size).toBe(all.length);
      // Other suites of the run add products to this catalog too: only our two keep their order.
      const marker = all.indexOf(markerId);
      expect(marker).toBeGreaterThanOrEqual(0);
      expect(all.indexOf(pageId)).toBeGreaterThan(marker);
    });

    it('refuses unknown query fields and foreign cursors', async () => {
      expect((await http('GET', '/products?q=x&owner=me')).body.error.details).toEqual([
        expect.objectContaining({ field: 'query.owner', rule: 'unknown_field' }),
      ]);
      expect((await http('GET', '/products?cursor=bm9wZQ')).status).toBe(400);
    });
  });

  describe('moderation', () => {
    const titlesOf = async (q: string) =>
      ((await search(`q=${q}`)).items as { id: string }[]).map((i) => i.id);

    it('hides a held product from shoppers, keeps it readable by editors and moderators, and shows it again on keep', async () => {
      const hold = await moderationAction(pageId);
      await expectEventually(async () => expect((await page(pageId)).status).toBe(404));
      expect((await page(pageId, customer)).status).toBe(404);
      expect(await titlesOf('goncharov')).not.toContain(pageId);
      expect(await page(pageId, editor)).toMatchObject({
        status: 200,
        body: { product: { visibility: 'held' } },
      });
      expect((await page(pageId, moderator)).status).toBe(200);
      await expectEventually(() =>
        expect(seen.find((e) => e.causationId === hold.eventId)).toMatchObject({
          type: 'ProductModerated',
          payload: {
            product: { visibility: 'held' },
            moderation: { action: 'hold', actionEventId: hold.eventId, applied: true },
          },
        }),
      );

      const keep = await moderationAction(pageId, 'keep');
      await expectEventually(async () => expect((await page(pageId)).status).toBe(200));
      await expectEventually(() =>
        expect(seen.find((e) => e.causationId === keep.eventId)).toMatchObject({
          type: 'ProductModerated',
          payload: { product: { visibility: 'visible' }, moderation: { action: 'keep', applied: true } },
        }),
      );
    });

    it('answers an action that changes nothing with applied: false', async () => {
      const keep = await moderationAction(pageId, 'keep');
      await expectEventually(() =>
        expect(seen.find((e) => e.causationId === keep.eventId)).toMatchObject({
          type: 'ProductModerated',
          payload: { product: { visibility: 'visible' }, moderation: { action: 'keep', applied: false } },
        }),
      );
    });
  });
});

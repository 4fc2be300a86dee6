import { v7 as uuidv7 } from 'uuid';
import { Topic } from '@app/contracts';
import { expectEventually, startTestService, TestService, TopicRecorder } from '@app/testing';
import { CatalogModule } from '../../catalog/src/catalog.module';
import { OffersModule } from '../../offers/src/offers.module';
import { REVIEW_TERMS_VERSION } from '../../reviews/src/reviews/dto/review.dto';
import { ReviewsModule } from '../../reviews/src/reviews.module';
import { ReportsModule } from '../src/reports.module';
import {
  call,
  Caller,
  customer,
  decide,
  fileReport,
  handledTotal,
  Json,
  moderator,
  newProduct,
  queuedCaseOf,
  replayEvents,
  seller,
} from './reports-support';

const GOOD_BODY = 'A careful and well sourced history of how the alliance and the war came about.';
const SPOILER_BODY = 'Spoiler alert: the killer is the butler, a dull history.';

/**
 * Reports end to end with the real owners: the catalog, offers and reviews services apply the
 * actions and answer them, and their effects reach the catalog's product page.
 */
describe('abuse reports and moderation, end to end', () => {
  let catalog: TestService;
  let offers: TestService;
  let reviews: TestService;
  let reports: TestService;
  const recorder = new TopicRecorder('reports-e2e');

  beforeAll(async () => {
    [catalog, offers, reviews, reports] = await Promise.all([
      startTestService('catalog', (config) => CatalogModule.register(config)),
      startTestService('offers', (config) => OffersModule.register(config)),
      startTestService('reviews', (config) => ReviewsModule.register(config)),
      startTestService('reports', (config) => ReportsModule.register(config, { holdThreshold: 10 })),
    ]);
    await recorder.start([Topic.ModerationAction, Topic.ReviewsReview, Topic.OffersOffer]);
  });

  afterAll(async () => {
    await recorder.stop();
    await Promise.all([catalog?.close(), offers?.close(), reviews?.close(), reports?.close()]);
  });

  const pageOf = async (productId: string) => (await call(catalog, 'GET', `/products/${productId}`)).body;

  const postReview = (author: Caller, productId: string, rating: number, body = GOOD_BODY) =>
    expectEventually(async () => {
      const response = await call(reviews, 'POST', '/reviews', author, {
        productId,
        rating,
        body,
        anonymous: true,
        acceptedTermsVersion: REVIEW_TERMS_VERSION,
      });
      expect(response.status).toBe(201);
      return response.body;
    });

  const listOffer = (owner: Caller, productId: string, sku: string, amountMinor: number) =>
    expectEventually(async () => {
      const response = await call(offers, 'PUT', `/sellers/me/offers/by-sku/${sku}`, owner, {
        productId,
        condition: 'new',
        price: { amountMinor },
        quantity: 3,
        handlingDays: { min: 1, max: 2 },
      });
      expect(response).toMatchObject({ status: 201 });
      return response.body;
    });

  const caseView = async (caseId: string) =>
    (await call(reports, 'GET', `/moderation/cases/${caseId}`, moderator())).body;

  it('hides a review whose reports cross the threshold, drops it from the rating summary, and keep brings it back', async () => {
    const productId = await newProduct(catalog);
    const author = customer();
    const reported = await postReview(author, productId, 5);
    await postReview(customer(), productId, 1);
    await expectEventually(async () =>
      expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 2 }),
    );

    const [first, second] = [customer(), customer()];
    const target = { type: 'review', id: reported.reviewId as string };
    const filed = await fileReport(reports, first, target, 'violence_or_threats');
    expect(filed.status).toBe(201);
    // A repeat by the same reporter answers the existing report and adds nothing to the score.
    const repeat = await fileReport(reports, first, target, 'violence_or_threats');
    expect(repeat).toMatchObject({ status: 200, body: { reportId: filed.body.reportId } });
    let queued = await queuedCaseOf(reports, target.id, { targetType: 'review' });
    expect(queued).toMatchObject({ score: 5, reportCount: 1, held: false });

    await fileReport(reports, second, target, 'violence_or_threats');
    queued = await queuedCaseOf(reports, target.id, { targetType: 'review', reason: 'violence_or_threats' });
    expect(queued).toMatchObject({ score: 10, reportCount: 2, held: true, priority: 10 });

    // The hold reaches the reviews service, which answers it; the page's summary drops the review.
    await expectEventually(async () =>
      expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 1, average: 1 }),
    );
    await expectEventually(async () =>
      expect((await caseView(queued.caseId)).actions).toEqual([
        expect.objectContaining({ action: 'hold', status: 'answered', applied: true, targetStatus: 'held' }),
      ]),
    );

    const mod = moderator();
    const kept = await decide(reports, queued.caseId, mod, 'keep', 'no_violation');
    expect(kept).toMatchObject({ status: 200, body: { state: 'decided', held: false } });
    await expectEventually(async () =>
      expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 2, average: 3 }),
    );
    const mine = await expectEventually(async () => {
      const list = await call(reports, 'GET', '/me/reports', first);
      expect(list.body.items[0]).toMatchObject({ status: 'dismissed', outcome: { decision: 'keep' } });
      return list.body;
    });
    expect(mine.items).toHaveLength(1);

    const audit = await expectEventually(async () => {
      const response = await call(reports, 'GET', `/moderation/cases/${queued.caseId}/audit`, mod);
      expect(response.body.entries.filter((e: Json) => e.what === 'action_answered')).toHaveLength(2);
      return response.body.entries as Json[];
    });
    expect(audit.map((e) => e.what)).toEqual([
      'case_opened',
      'report_added',
      'report_added',
      'hold_placed',
      'action_answered',
      'claimed',
      'decided_keep',
      'action_answered',
    ]);
    expect(audit.find((e) => e.what === 'decided_keep')).toMatchObject({
      actor: { kind: 'moderator', id: mod.sub },
      before: { state: 'open', held: true },
      after: { state: 'decided', held: false },
    });
  });

  it('suspends a removed offer, changes the page offer summary, and lets the seller appeal once to another moderator', async () => {
    const productId = await newProduct(catalog);
    const owner = seller();
    const cheap = await listOffer(owner, productId, `CHEAP-${uuidv7()}`, 500);
    await listOffer(owner, productId, `DEAR-${uuidv7()}`, 900);
    await expectEventually(async () =>
      expect((await pageOf(productId)).offerSummary).toMatchObject({
        totalOffers: 2,
        lowestPrice: { amountMinor: 500 },
      }),
    );

    const reporter = customer();
    await fileReport(
      reports,
      reporter,
      { type: 'offer', id: cheap.id },
      'counterfeit_or_illegal',
      'A photocopy.',
    );
    const queued = await queuedCaseOf(reports, cheap.id, { targetType: 'offer' });
    const first = moderator();
    expect(await decide(reports, queued.caseId, first, 'remove', 'counterfeit_or_illegal')).toMatchObject({
      status: 200,
      body: { state: 'decided' },
    });
    await expectEventually(async () =>
      expect((await pageOf(productId)).offerSummary).toMatchObject({
        totalOffers: 1,
        lowestPrice: { amountMinor: 900 },
      }),
    );
    await expectEventually(async () =>
      expect((await call(offers, 'GET', `/sellers/me/offers/${cheap.id}`, owner)).body.status).toBe(
        'suspended',
      ),
    );

    // The seller reads the decision, its reasons and the case id; never who reported it.
    const decisions = await call(reports, 'GET', '/me/moderation', owner);
    expect(decisions.body.items).toEqual([
      expect.objectContaining({
        caseId: queued.caseId,
        target: { type: 'offer', id: cheap.id },
        canAppeal: true,
        decisions: [
          expect.objectContaining({ decision: 'remove', statement: expect.stringContaining('remove') }),
        ],
      }),
    ]);
    expect(JSON.stringify(decisions.body)).not.toContain(reporter.sub);
    expect(JSON.stringify(decisions.body)).not.toContain(first.sub);
    expect((await call(reports, 'GET', '/me/moderation', customer())).body.items).toEqual([]);
    expect(
      (
        await call(reports, 'POST', `/me/moderation/${queued.caseId}/appeal`, customer(), {
          message: 'Mine?',
        })
      ).status,
    ).toBe(404);

    const appealed = await call(reports, 'POST', `/me/moderation/${queued.caseId}/appeal`, owner, {
      message: 'It is an original first printing; photos on request.',
    });
    expect(appealed).toMatchObject({ status: 200, body: { state: 'appealed', canAppeal: false } });
    const again = await call(reports, 'POST', `/me/moderation/${queued.caseId}/appeal`, owner, {
      message: 'Again',
    });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'APPEAL_NOT_ALLOWED' } } });

    await queuedCaseOf(reports, cheap.id, { state: 'appealed' });
    const byFirst = await call(reports, 'POST', `/moderation/cases/${queued.caseId}/claim`, first);
    expect(byFirst).toMatchObject({
      status: 409,
      body: { error: { code: 'APPEAL_NEEDS_ANOTHER_MODERATOR' } },
    });
    const restored = await decide(reports, queued.caseId, moderator(), 'restore', 'no_violation');
    expect(restored).toMatchObject({ status: 200, body: { state: 'closed' } });
    await expectEventually(async () =>
      expect((await pageOf(productId)).offerSummary).toMatchObject({
        totalOffers: 2,
        lowestPrice: { amountMinor: 500 },
      }),
    );
    const after = (await call(reports, 'GET', '/me/moderation', owner)).body.items[0];
    expect(after).toMatchObject({ state: 'closed', canAppeal: false });
    expect(after.decisions.map((d: Json) => [d.decision, d.onAppeal])).toEqual([
      ['remove', false],
      ['restore', true],
    ]);
    await expectEventually(async () =>
      expect((await call(reports, 'GET', '/me/reports', reporter)).body.items[0]).toMatchObject({
        status: 'upheld',
      }),
    );
  });

  it('opens a pre-moderation case for a pending review; approve publishes it and it is counted', async () => {
    const productId = await newProduct(catalog);
    const author = customer();
    const pending = await postReview(author, productId, 2, SPOILER_BODY);
    expect(pending.status).toBe('pending');
    const queued = await queuedCaseOf(reports, pending.reviewId, { reason: 'pre_moderation' });
    expect(queued).toMatchObject({ kind: 'pre_moderation', state: 'open', reportCount: 0 });
    // A pre-moderation case takes approve or reject, nothing else.
    const mod = moderator();
    expect(await decide(reports, queued.caseId, mod, 'keep', 'no_violation')).toMatchObject({
      status: 409,
      body: { error: { code: 'DECISION_NOT_ALLOWED' } },
    });
    expect(await decide(reports, queued.caseId, mod, 'approve', 'no_violation')).toMatchObject({
      status: 200,
    });
    await expectEventually(async () =>
      expect((await call(reviews, 'GET', '/me/reviews', author)).body.items[0]).toMatchObject({
        reviewId: pending.reviewId,
        status: 'published',
      }),
    );
    await expectEventually(async () =>
      expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 1, average: 2 }),
    );
  });

  it('holds a reported pen name (its reviews show "Anonymous") and its owner reads the removal', async () => {
    const productId = await newProduct(catalog);
    const author = customer();
    const name = `Reader${Date.now() % 1_000_000}`;
    const created = await call(reviews, 'POST', '/pen-names', author, { name });
    expect(created.status).toBe(201);
    await expectEventually(async () => {
      const response = await call(reviews, 'POST', '/reviews', author, {
        productId,
        rating: 4,
        body: GOOD_BODY,
        anonymous: false,
        acceptedTermsVersion: REVIEW_TERMS_VERSION,
      });
      expect(response.status).toBe(201);
    });
    const shownAs = async () =>
      ((await call(reviews, 'GET', `/products/${productId}/reviews`)).body.items as Json[]).map(
        (r) => r.author,
      );
    await expectEventually(async () => expect(await shownAs()).toEqual([name]));

    const target = { type: 'pen_name', id: created.body.penNameId as string };
    await fileReport(reports, customer(), target, 'offensive_or_hateful');
    await fileReport(reports, customer(), target, 'personal_information');
    await fileReport(reports, customer(), target, 'offensive_or_hateful');
    const queued = await queuedCaseOf(reports, target.id, { targetType: 'pen_name' });
    expect(queued).toMatchObject({ score: 10, held: true, reasonCode: 'offensive_or_hateful' });
    await expectEventually(async () => expect(await shownAs()).toEqual(['Anonymous']));

    expect(await decide(reports, queued.caseId, moderator(), 'remove', 'offensive_or_hateful')).toMatchObject(
      {
        status: 200,
      },
    );
    const mine = await expectEventually(async () => {
      const response = await call(reports, 'GET', '/me/moderation', author);
      expect(response.body.items[0]).toMatchObject({ target, canAppeal: true });
      return response.body;
    });
    expect(mine.items[0].decisions[0]).toMatchObject({
      decision: 'remove',
      reasonCode: 'offensive_or_hateful',
    });
    await expectEventually(async () =>
      expect(
        (await caseView(queued.caseId)).actions.map((a: Json) => [a.action, a.status, a.targetStatus]),
      ).toEqual([
        ['hold', 'answered', 'held'],
        ['remove', 'answered', 'removed'],
      ]),
    );
    expect(await shownAs()).toEqual(['Anonymous']);
  });

  it('pages the queue by priority then age, each case exactly once, filtered by type and reason', async () => {
    const products = await Promise.all([1, 2, 3, 4].map(() => newProduct(catalog)));
    const reasons = ['other', 'violence_or_threats', 'spam_or_advertising', 'violence_or_threats'];
    for (const [i, productId] of products.entries()) {
      await fileReport(reports, customer(), { type: 'product', id: productId }, reasons[i], 'See the cover.');
    }
    const walk = async (filters: Record<string, string>) => {
      const seen: Json[] = [];
      let cursor: string | undefined;
      do {
        const query = new URLSearchParams({ ...filters, limit: '2', ...(cursor ? { cursor } : {}) });
        const page = await call(reports, 'GET', `/moderation/cases?${query.toString()}`, moderator());
        expect(page.status).toBe(200);
        seen.push(...(page.body.items as Json[]));
        cursor = page.body.nextCursor as string | undefined;
      } while (cursor);
      return seen;
    };
    const all = await walk({ targetType: 'product' });
    expect(new Set(all.map((c) => c.caseId)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1], all[i]];
      expect(a.priority > b.priority || (a.priority === b.priority && a.createdAt <= b.createdAt)).toBe(true);
    }
    const ours = all.filter((c) => products.includes(c.target.id));
    expect(ours.map((c) => c.target.id)).toEqual([products[1], products[3], products[2], products[0]]);
    expect(ours.map((c) => c.score)).toEqual([5, 5, 2, 1]);
    const violent = await walk({ targetType: 'product', reason: 'violence_or_threats' });
    expect(violent.every((c) => c.reasonCode === 'violence_or_threats')).toBe(true);
    expect(violent.filter((c) => products.includes(c.target.id)).map((c) => c.target.id)).toEqual([
      products[1],
      products[3],
    ]);
  });

  it('lets exactly one of two moderators claim a case at the same moment', async () => {
    const productId = await newProduct(catalog);
    await fileReport(
      reports,
      customer(),
      { type: 'product', id: productId },
      'misleading_product_information',
    );
    const queued = await queuedCaseOf(reports, productId, { targetType: 'product' });
    for (let round = 0; round < 3; round++) {
      const [a, b] = [moderator(), moderator()];
      const results = await Promise.all([
        call(reports, 'POST', `/moderation/cases/${queued.caseId}/claim`, a),
        call(reports, 'POST', `/moderation/cases/${queued.caseId}/claim`, b),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = results.find((r) => r.status === 200)!.body.claim.moderatorId as string;
      const loser = winner === a.sub ? b : a;
      expect(results.find((r) => r.status === 409)!.body.error.code).toBe('CASE_CLAIMED');
      // The loser cannot decide; the winner releases for the next round.
      const refused = await call(reports, 'POST', `/moderation/cases/${queued.caseId}/decision`, loser, {
        decision: 'keep',
        reasonCode: 'no_violation',
        statement: 'Nothing wrong.',
      });
      expect(refused.status).toBe(409);
      const holder = winner === a.sub ? a : b;
      expect((await call(reports, 'DELETE', `/moderation/cases/${queued.caseId}/claim`, holder)).status).toBe(
        204,
      );
    }
  });

  it('refuses shoppers and sellers on every /moderation route, and anonymous callers everywhere', async () => {
    const caseId = uuidv7();
    const routes: [string, string, unknown?][] = [
      ['GET', '/moderation/cases'],
      ['GET', `/moderation/cases/${caseId}`],
      ['GET', `/moderation/cases/${caseId}/audit`],
      ['POST', `/moderation/cases/${caseId}/claim`],
      ['DELETE', `/moderation/cases/${caseId}/claim`],
      [
        'POST',
        `/moderation/cases/${caseId}/decision`,
        { decision: 'keep', reasonCode: 'other', statement: 'x' },
      ],
    ];
    for (const caller of [customer(), seller(), { sub: 'acc-editor', roles: ['catalog-editor'] } as Caller]) {
      for (const [method, path, body] of routes) {
        const response = await call(reports, method, path, caller, body);
        expect({ method, path, status: response.status }).toEqual({ method, path, status: 403 });
      }
    }
    for (const [method, path] of [
      ...routes,
      ['POST', '/reports'],
      ['GET', '/me/reports'],
      ['GET', '/me/moderation'],
    ]) {
      expect((await call(reports, method, path)).status).toBe(401);
    }
  });

  it('validates reports: fixed reasons, a comment for "other", unknown fields and targets refused', async () => {
    const productId = await newProduct(catalog);
    const reporter = customer();
    const target = { type: 'product', id: productId };
    const bad = await call(reports, 'POST', '/reports', reporter, {
      target,
      reasonCode: 'boring',
      admin: true,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'body.reasonCode', rule: 'one_of' }),
        expect.objectContaining({ field: 'body.admin', rule: 'unknown_field' }),
      ]),
    );
    const other = await call(reports, 'POST', '/reports', reporter, { target, reasonCode: 'other' });
    expect(other.body.error.details).toEqual([
      expect.objectContaining({ field: 'body.comment', rule: 'required' }),
    ]);
    const long = await call(reports, 'POST', '/reports', reporter, {
      target,
      reasonCode: 'other',
      comment: 'x'.repeat(501),
    });
    expect(long.body.error.details).toEqual([
      expect.objectContaining({ field: 'body.comment', rule: 'max_length' }),
    ]);
    // Young unknown ids may still be on their way; old ones do not exist.
    const young = await call(reports, 'POST', '/reports', reporter, {
      target: { type: 'review', id: uuidv7() },
      reasonCode: 'spam_or_advertising',
    });
    expect(young).toMatchObject({ status: 409, body: { error: { code: 'REFERENCE_NOT_YET_KNOWN' } } });
    const old = await call(reports, 'POST', '/reports', reporter, {
      target: { type: 'review', id: uuidv7({ msecs: Date.now() - 3_600_000 }) },
      reasonCode: 'spam_or_advertising',
    });
    expect(old).toMatchObject({ status: 404, body: { error: { code: 'TARGET_NOT_FOUND' } } });
  });

  it('changes nothing when the owners events and the actions are replayed', async () => {
    const productId = await newProduct(catalog);
    const pending = await postReview(customer(), productId, 4, SPOILER_BODY);
    const queued = await queuedCaseOf(reports, pending.reviewId, { reason: 'pre_moderation' });
    await decide(reports, queued.caseId, moderator(), 'approve', 'no_violation');
    await expectEventually(async () =>
      expect((await caseView(queued.caseId)).actions).toEqual([
        expect.objectContaining({ status: 'answered' }),
      ]),
    );
    await expectEventually(async () =>
      expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 1 }),
    );
    const before = await caseView(queued.caseId);
    const auditBefore = (await call(reports, 'GET', `/moderation/cases/${queued.caseId}/audit`, moderator()))
      .body;

    const replayed = recorder.events.filter(
      (e) =>
        e.aggregateId === pending.reviewId ||
        (e.type === 'DecisionMade' && (e.payload as Json).caseId === queued.caseId),
    );
    expect(replayed.map((e) => e.type)).toEqual(
      expect.arrayContaining(['ReviewSubmitted', 'DecisionMade', 'ReviewModerated']),
    );
    const [reportsBefore, reviewsBefore] = [await handledTotal(reports), await handledTotal(reviews)];
    await replayEvents(replayed);
    const onReviewTopic = replayed.filter((e) => e.type !== 'DecisionMade').length;
    // Wait until the reports service (every replayed review event) and the reviews service (the
    // replayed decision, at least) have handled them.
    await expectEventually(async () => {
      expect(await handledTotal(reports)).toBeGreaterThanOrEqual(reportsBefore + onReviewTopic);
      expect(await handledTotal(reviews)).toBeGreaterThan(reviewsBefore);
    });
    expect(await caseView(queued.caseId)).toEqual(before);
    expect(
      (await call(reports, 'GET', `/moderation/cases/${queued.caseId}/audit`, moderator())).body,
    ).toEqual(auditBefore);
    const open = await call(reports, 'GET', '/moderation/cases?reason=pre_moderation&limit=100', moderator());
    expect((open.body.items as Json[]).filter((c) => c.target.id === pending.reviewId)).toEqual([]);
    const answers = recorder.events.filter(
      (e) => e.type === 'ReviewModerated' && e.aggregateId === pending.reviewId,
    );
    expect(new Set(answers.map((e) => (e as Json).eventId)).size).toBe(1);
    expect((await pageOf(productId)).ratingSummary).toMatchObject({ count: 1 });
  });
});

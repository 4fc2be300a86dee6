import { Topic } from '@app/contracts';
import { expectEventually, startTestService, TestService } from '@app/testing';
import { ReviewsModule } from '../src/reviews.module';
import { bearer, GOOD_BODY, TopicRecorder, UpstreamEvents } from './reviews-support';

const TERMS = '2026-11';

describe('reviews service on the real infrastructure', () => {
  let service: TestService;
  const upstream = new UpstreamEvents();
  const recorder = new TopicRecorder();

  const call = async (method: string, path: string, account?: string, body?: unknown, ageVerified = true) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        ...(account ? await bearer(account, ageVerified) : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as Record<string, any> };
  };

  /** A visible product the service has projected. */
  const knownProduct = async () => {
    const productId = await upstream.product();
    await expectEventually(async () =>
      expect((await call('GET', `/products/${productId}/reviews`)).status).toBe(200),
    );
    return productId;
  };

  const post = (account: string, productId: string, extra: Record<string, unknown> = {}) =>
    call('POST', '/reviews', account, {
      productId,
      rating: 5,
      body: GOOD_BODY,
      anonymous: true,
      acceptedTermsVersion: TERMS,
      ...extra,
    });

  const summaryOf = async (productId: string) =>
    (await call('GET', `/products/${productId}/rating-summary`)).body;

  beforeAll(async () => {
    service = await startTestService('reviews', (config) => ReviewsModule.register(config));
    await upstream.connect();
    await recorder.start([Topic.ReviewsReview, Topic.ReviewsPenName, Topic.ReviewsRatingSummary]);
  });

  afterAll(async () => {
    await recorder.stop();
    await upstream.disconnect();
    await service.close();
  });

  it('lets exactly one of two accounts claim the same pen name at the same moment, ignoring case', async () => {
    const name = `Reader_${Date.now() % 1_000_000}`;
    const results = await Promise.all([
      call('POST', '/pen-names', 'acc-pen-a', { name }),
      call('POST', '/pen-names', 'acc-pen-b', { name: name.toUpperCase() }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('PEN_NAME_TAKEN');
    expect((await call('GET', `/pen-names/${name.toLowerCase()}`)).body).toMatchObject({ available: false });
    const created = results.find((r) => r.status === 201)!.body;
    await expectEventually(() =>
      expect(recorder.events).toContainEqual(
        expect.objectContaining({ type: 'PenNameCreated', aggregateId: created.penNameId }),
      ),
    );
  });

  it('does not let the owner change or replace a pen name', async () => {
    expect(
      (await call('POST', '/pen-names', 'acc-owner', { name: `owner_${Date.now() % 1_000_000}` })).status,
    ).toBe(201);
    const again = await call('POST', '/pen-names', 'acc-owner', { name: `other_${Date.now() % 1_000_000}` });
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'PEN_NAME_ALREADY_CHOSEN' } } });
    const [mine] = (await call('GET', '/me/pen-names', 'acc-owner')).body as unknown as {
      penNameId: string;
    }[];
    // No route changes or deletes a pen name: the path exists for reading, so both are 405.
    const patch = await call('PATCH', `/pen-names/${mine.penNameId}`, 'acc-owner', { name: 'changed' });
    expect(patch).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } });
    const del = await call('DELETE', `/pen-names/${mine.penNameId}`, 'acc-owner');
    expect(del).toMatchObject({ status: 405, body: { error: { code: 'METHOD_NOT_ALLOWED' } } });
  });

  it('refuses reviews and pen names from accounts not verified 13 or older, saying why', async () => {
    const productId = await knownProduct();
    const review = await call(
      'POST',
      '/reviews',
      'acc-young',
      { productId, rating: 4, body: GOOD_BODY, anonymous: true, acceptedTermsVersion: TERMS },
      false,
    );
    expect(review.status).toBe(403);
    expect(review.body.error).toMatchObject({
      code: 'AGE_VERIFICATION_REQUIRED',
      message: expect.stringContaining('under the age of 13'),
    });
    expect((await call('POST', '/pen-names', 'acc-young', { name: 'young_one' }, false)).status).toBe(403);
  });

  it('refuses a second review of the same product, pointing at the first', async () => {
    const productId = await knownProduct();
    const first = await post('acc-twice', productId);
    expect(first.status).toBe(201);
    const second = await post('acc-twice', productId, { rating: 1 });
    expect(second).toMatchObject({
      status: 409,
      body: { error: { code: 'REVIEW_ALREADY_EXISTS', details: { reviewId: first.body.reviewId } } },
    });
  });

  it('refuses a review breaking hard rules with every violation listed, and checks without saving', async () => {
    const productId = await knownProduct();
    const refused = await post('acc-rules', productId, { body: 'Great!' });
    expect(refused.status).toBe(422);
    expect(refused.body.error.details.violations.map((v: { code: string }) => v.code)).toEqual([
      'BODY_TOO_SHORT',
      'SINGLE_WORD',
    ]);
    const check = await call('POST', '/reviews/check', 'acc-rules', {
      body: 'Lovely, call 555-123-4567 or see www.example.com',
    });
    expect(check.status).toBe(200);
    expect(check.body).toMatchObject({ verdict: 'rejected', ruleSetVersion: expect.any(String) });
    expect((await call('GET', '/me/reviews', 'acc-rules')).body.items).toEqual([]);
  });

  it('keeps a soft-flagged review pending: out of the listing and the summary', async () => {
    const productId = await knownProduct();
    expect((await post('acc-clean', productId, { rating: 4 })).status).toBe(201);
    const flagged = await post('acc-spoiler', productId, {
      rating: 1,
      body: 'Spoiler alert: the killer is the butler, a dull history.',
    });
    expect(flagged.body).toMatchObject({ status: 'pending', softSignals: ['POSSIBLE_SPOILER'] });
    await expectEventually(async () =>
      expect(await summaryOf(productId)).toMatchObject({ count: 1, ratingSum: 4 }),
    );
    const listing = await call('GET', `/products/${productId}/reviews`);
    expect(listing.body.items.map((r: { reviewId: string }) => r.reviewId)).not.toContain(
      flagged.body.reviewId,
    );
    expect(JSON.stringify(listing.body)).not.toContain('acc-clean');
    // The summary counted the clean review; the flagged one's event may still be on its way.
    await expectEventually(() =>
      expect(recorder.events).toContainEqual(
        expect.objectContaining({
          type: 'ReviewSubmitted',
          aggregateId: flagged.body.reviewId,
          payload: expect.objectContaining({ review: expect.objectContaining({ status: 'pending' }) }),
        }),
      ),
    );
  });

  it('moves the rating summary through publish, hold, remove and restore, answering every action', async () => {
    const productId = await knownProduct();
    const five = (await post('acc-five', productId, { rating: 5 })).body;
    expect((await post('acc-three', productId, { rating: 3 })).status).toBe(201);
    await expectEventually(async () =>
      expect(await summaryOf(productId)).toMatchObject({ count: 2, ratingSum: 8, average: 4 }),
    );

    const hold = await upstream.moderate({ targetType: 'review', targetId: five.reviewId, action: 'hold' });
    await expectEventually(async () =>
      expect(await summaryOf(productId)).toMatchObject({ count: 1, ratingSum: 3 }),
    );
    const answer = recorder.events.find((e) => e.causationId === hold);
    expect(answer).toMatchObject({
      type: 'ReviewModerated',
      payload: { moderation: { action: 'hold', actionEventId: hold, applied: true } },
    });

    await upstream.moderate({ targetType: 'review', targetId: five.reviewId, action: 'remove' });
    await expectEventually(async () =>
      expect((await call('GET', '/me/reviews', 'acc-five')).body.items[0]).toMatchObject({
        status: 'removed',
        removal: { reasonCode: 'abuse' },
      }),
    );
    const restore = await upstream.moderate({
      targetType: 'review',
      targetId: five.reviewId,
      action: 'restore',
    });
    await expectEventually(async () =>
      expect(await summaryOf(productId)).toMatchObject({ count: 2, ratingSum: 8 }),
    );

    // An action that no longer applies is still answered, with applied: false.
    const approve = await upstream.moderate({
      targetType: 'review',
      targetId: five.reviewId,
      action: 'approve',
    });
    await expectEventually(() =>
      expect(recorder.events.find((e) => e.causationId === approve)).toMatchObject({
        payload: { moderation: { applied: false } },
      }),
    );
    const versions = recorder.events
      .filter((e) => e.type === 'RatingSummaryChanged' && e.aggregateId === productId)
      .map((e) => e.payload.version as number);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
    expect(recorder.events.filter((e) => e.causationId === restore)).toHaveLength(1);
  });

  it('changes nothing when moderation and catalog events are replayed', async () => {
    const productId = await knownProduct();
    const review = (await post('acc-replay', productId, { rating: 2 })).body;
    const hold = await upstream.moderate({ targetType: 'review', targetId: review.reviewId, action: 'hold' });
    await expectEventually(() =>
      expect(recorder.events.filter((e) => e.causationId === hold)).toHaveLength(1),
    );
    const before = await summaryOf(productId);
    await upstream.moderate({
      targetType: 'review',
      targetId: review.reviewId,
      action: 'hold',
      eventId: hold,
    });
    await upstream.product({ productId, version: 1, visibility: 'removed' }); // an older state, replayed
    // A marker action after the replays: once it is answered, the replays have been consumed.
    const marker = await upstream.moderate({
      targetType: 'review',
      targetId: review.reviewId,
      action: 'keep',
    });
    await expectEventually(() =>
      expect(recorder.events.filter((e) => e.causationId === marker)).toHaveLength(1),
    );
    expect(recorder.events.filter((e) => e.causationId === hold)).toHaveLength(1);
    expect((await call('GET', `/products/${productId}/reviews`)).status).toBe(200);
    await expectEventually(async () =>
      expect((await summaryOf(productId)).version).toBeGreaterThan(before.version),
    );
  });

  it('hides the reviews of a product the catalog hid, answering 404', async () => {
    const productId = await knownProduct();
    await upstream.product({ productId, version: 2, visibility: 'held' });
    await expectEventually(async () =>
      expect((await call('GET', `/products/${productId}/reviews`)).status).toBe(404),
    );
  });

  it('does not let another account edit or delete your review, and counts one helpful vote per account', async () => {
    const productId = await knownProduct();
    const review = (await post('acc-author', productId)).body;
    expect((await call('PATCH', `/reviews/${review.reviewId}`, 'acc-intruder', { rating: 1 })).status).toBe(
      404,
    );
    expect((await call('DELETE', `/reviews/${review.reviewId}`, 'acc-intruder')).status).toBe(404);
    expect(
      (await call('PATCH', `/reviews/${review.reviewId}`, 'acc-author', { rating: 4 })).body,
    ).toMatchObject({ rating: 4, status: 'published' });

    expect((await call('POST', `/reviews/${review.reviewId}/helpful`, 'acc-author')).status).toBe(422);
    expect((await call('POST', `/reviews/${review.reviewId}/helpful`, 'acc-fan')).body).toMatchObject({
      helpfulVotes: 1,
    });
    expect((await call('POST', `/reviews/${review.reviewId}/helpful`, 'acc-fan')).status).toBe(409);

    expect((await call('DELETE', `/reviews/${review.reviewId}`, 'acc-author')).status).toBe(204);
    expect((await call('GET', `/products/${productId}/reviews`)).body.items).toEqual([]);
  });

  it('lists published reviews with sorting, a star filter and cursor pagination, under pen names', async () => {
    const productId = await knownProduct();
    const name = `lister_${Date.now() % 1_000_000}`;
    expect((await call('POST', '/pen-names', 'acc-list-1', { name })).status).toBe(201);
    expect((await post('acc-list-1', productId, { rating: 2, anonymous: false })).status).toBe(201);
    expect((await post('acc-list-2', productId, { rating: 5 })).status).toBe(201);
    expect((await post('acc-list-3', productId, { rating: 4 })).status).toBe(201);
    const first = await call('GET', `/products/${productId}/reviews?sort=highest&limit=2`);
    expect(first.body.items.map((r: { rating: number }) => r.rating)).toEqual([5, 4]);
    const second = await call(
      'GET',
      `/products/${productId}/reviews?sort=highest&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items).toEqual([expect.objectContaining({ rating: 2, author: name })]);
    expect(second.body.nextCursor).toBeUndefined();
    const twoStars = await call('GET', `/products/${productId}/reviews?stars=5`);
    expect(twoStars.body.items).toEqual([expect.objectContaining({ rating: 5, author: 'Anonymous' })]);
    expect(
      (await call('GET', `/products/${productId}/reviews?sort=lowest&limit=1`)).body.items[0].rating,
    ).toBe(2);
  });
});

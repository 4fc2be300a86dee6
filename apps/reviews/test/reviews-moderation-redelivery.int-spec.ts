import { Topic } from '@app/contracts';
import { expectEventually, redeliverModerationAction, startTestService, TestService } from '@app/testing';
import { ReviewsModule } from '../src/reviews.module';
import { bearer, GOOD_BODY, TopicRecorder, UpstreamEvents } from './reviews-support';

type Recorded = TopicRecorder['events'][number];

describe('reviews: a redelivered moderation action', () => {
  let service: TestService;
  const upstream = new UpstreamEvents('reviews-redelivery');
  const recorder = new TopicRecorder('reviews-redelivery');

  const post = async (path: string, account: string, body: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method: 'POST',
      headers: { ...(await bearer(account)), 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(201);
    return (await response.json()) as Record<string, string>;
  };

  const appliedOf = (answers: Recorded[]) =>
    answers.map((a) => [a.type, (a.payload.moderation as { applied: boolean }).applied]);

  beforeAll(async () => {
    service = await startTestService('reviews', (config) => ReviewsModule.register(config));
    await upstream.connect();
    await recorder.start([Topic.ReviewsReview, Topic.ReviewsPenName]);
  });

  afterAll(async () => {
    await recorder.stop();
    await upstream.disconnect();
    await service.close();
  });

  it('about a review is answered once and bumps the review version once', async () => {
    const productId = await upstream.product();
    await expectEventually(async () =>
      expect((await fetch(`${service.url}/products/${productId}/reviews`)).status).toBe(200),
    );
    const review = await post('/reviews', 'acc-redelivery-review', {
      productId,
      rating: 4,
      body: GOOD_BODY,
      anonymous: true,
      acceptedTermsVersion: '2026-11',
    });
    const { answers, markerAnswer } = await redeliverModerationAction({
      upstream,
      recorder,
      targetType: 'review',
      targetId: review.reviewId,
      action: 'hold',
      marker: 'keep',
    });
    expect(appliedOf(answers)).toEqual([['ReviewModerated', true]]);
    expect(markerAnswer.aggregateVersion).toBe(answers[0].aggregateVersion + 1);
  });

  it('about a pen name is answered once and bumps the pen name version once', async () => {
    const penName = await post('/pen-names', 'acc-redelivery-pen', {
      name: `redelivered_${Date.now() % 1_000_000}`,
    });
    const { answers, markerAnswer } = await redeliverModerationAction({
      upstream,
      recorder,
      targetType: 'pen_name',
      targetId: penName.penNameId,
      action: 'hold',
      marker: 'keep',
    });
    expect(appliedOf(answers)).toEqual([['PenNameModerated', true]]);
    expect(markerAnswer.aggregateVersion).toBe(answers[0].aggregateVersion + 1);
  });
});

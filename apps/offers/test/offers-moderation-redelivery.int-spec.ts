import { v7 as uuidv7 } from 'uuid';
import { Topic } from '@app/contracts';
import { expectEventually, redeliverModerationAction, startTestService, TestService } from '@app/testing';
import { OffersModule } from '../src/offers.module';
import { sellerHeaders, TopicRecorder, UpstreamEvents } from './offers-support';

describe('offers: a redelivered moderation action', () => {
  let service: TestService;
  const upstream = new UpstreamEvents('offers-redelivery');
  const recorder = new TopicRecorder('offers-redelivery');

  beforeAll(async () => {
    service = await startTestService('offers', (config) => OffersModule.register(config));
    await upstream.connect();
    await recorder.start([Topic.OffersOffer]);
  });

  afterAll(async () => {
    await recorder.stop();
    await upstream.disconnect();
    await service.close();
  });

  it('is answered once and bumps the offer version once', async () => {
    const productId = await upstream.product();
    await expectEventually(async () =>
      expect((await fetch(`${service.url}/products/${productId}/offers`)).status).toBe(200),
    );
    const sellerId = uuidv7();
    const created = await fetch(`${service.url}/sellers/me/offers/by-sku/REDELIVER-1`, {
      method: 'PUT',
      headers: { ...(await sellerHeaders(sellerId)), 'content-type': 'application/json' },
      body: JSON.stringify({
        productId,
        condition: 'new',
        price: { amountMinor: 1500 },
        quantity: 2,
        handlingDays: { min: 1, max: 2 },
      }),
    });
    expect(created.status).toBe(201);
    const offerId = ((await created.json()) as { id: string }).id;

    const { answers, markerAnswer } = await redeliverModerationAction({
      upstream,
      recorder,
      targetType: 'offer',
      targetId: offerId,
      action: 'hold',
      marker: 'keep',
    });
    expect(answers.map((a) => [a.type, (a.payload.moderation as { applied: boolean }).applied])).toEqual([
      ['OfferModerated', true],
    ]);
    expect(markerAnswer.aggregateVersion).toBe(answers[0].aggregateVersion + 1);
  });
});

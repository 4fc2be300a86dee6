import { Topic } from '@app/contracts';
import {
  redeliverModerationAction,
  startTestService,
  testToken,
  TestService,
  TopicRecorder,
  UpstreamEvents,
} from '@app/testing';
import { SEED_BOOK } from '../../../tools/demo/catalog-demo';
import { CatalogModule } from '../src/catalog.module';

/** A valid ISBN-13 of this run only (979 prefix, random body, computed check digit). */
function freshIsbn13(): string {
  const body = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 ? 3 : 1), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

describe('catalog: a redelivered moderation action', () => {
  let service: TestService;
  const upstream = new UpstreamEvents('catalog-redelivery');
  const recorder = new TopicRecorder('catalog-redelivery');

  beforeAll(async () => {
    service = await startTestService('catalog', (config) => CatalogModule.register(config));
    await upstream.connect();
    await recorder.start([Topic.CatalogProduct]);
  });

  afterAll(async () => {
    await recorder.stop();
    await upstream.disconnect();
    await service.close();
  });

  it('is answered once and bumps the product version once', async () => {
    const editor = await testToken({ roles: ['catalog-editor'], sub: 'acc-redelivery' });
    const created = await fetch(`${service.url}/products`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SEED_BOOK, isbn: freshIsbn13() }),
    });
    expect(created.status).toBe(201);
    const productId = ((await created.json()) as { id: string }).id;

    const { answers, markerAnswer } = await redeliverModerationAction({
      upstream,
      recorder,
      targetType: 'product',
      targetId: productId,
      action: 'hold',
      marker: 'keep',
    });
    expect(answers.map((a) => [a.type, (a.payload.moderation as { applied: boolean }).applied])).toEqual([
      ['ProductModerated', true],
    ]);
    expect(markerAnswer.aggregateVersion).toBe(answers[0].aggregateVersion + 1);
  });
});

import { MongoClient } from 'mongodb';
import { v7 as uuidv7 } from 'uuid';
import { startServiceOn, testToken } from '@app/testing';
import { ReviewsModule } from '../../apps/reviews/src/reviews.module';
import { ContentRuleEngine } from '../../apps/reviews/src/content-rules/content-rule-engine';
import type { BenchContext } from '../lib/context';
import type { BenchSuite } from '../lib/suite';

const PAGE_REVIEWS = 10_000;
const PAGE_REQUESTS = 300;
const HTTP_SUBMISSIONS = 300;
const SUBMIT_CONCURRENCY = 8;
const ENGINE_RUNS = 5_000;

const BODIES = [
  'A careful and well sourced history of how the alliance and the Korean War (1950-1953) came about.',
  "Stalin's 1949 cables are reproduced in full; page 393 alone is worth the price of admission to me.",
  'Dense but rewarding: the chapter on the 38th parallel changed how I read the whole period of the war.',
];

/** Pure rule-engine throughput: what one core spends on the rules per submission. */
function measureEngine(ctx: BenchContext): void {
  const engine = new ContentRuleEngine();
  const started = performance.now();
  for (let i = 0; i < ENGINE_RUNS; i++)
    engine.evaluate({ title: 'A standard work', body: BODIES[i % BODIES.length] });
  const elapsed = performance.now() - started;
  ctx.results.measurement({
    id: 'ours.rule-engine',
    label: 'rule engine alone (in process)',
    role: 'ours',
    rate: { value: ctx.stats.ratePerSecond(ENGINE_RUNS, elapsed), unit: 'evaluations/s' },
  });
}

async function seedListing(uri: string, productId: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    const now = Date.now();
    const docs = Array.from({ length: PAGE_REVIEWS }, (_, i) => ({
      _id: uuidv7({ msecs: now - PAGE_REVIEWS + i }),
      productId,
      accountId: `bench-acc-${i}`,
      penNameId: null,
      rating: (i % 5) + 1,
      body: BODIES[i % BODIES.length],
      recommendedProductIds: [],
      status: 'published',
      ruleSetVersion: 'bench',
      softSignals: [],
      helpfulVotes: i % 17,
      oneReviewKey: `${productId}:bench-acc-${i}`,
      terms: { version: 'bench', acceptedAt: new Date(now) },
      appliedActionIds: [],
      createdAt: new Date(now - PAGE_REVIEWS + i),
      updatedAt: new Date(now - PAGE_REVIEWS + i),
      version: 1,
      outbox: [],
    }));
    for (let i = 0; i < docs.length; i += 1000)
      await client
        .db()
        .collection('reviews')
        .insertMany(docs.slice(i, i + 1000) as never[]);
  } finally {
    await client.close();
  }
}

async function seedProducts(uri: string, productIds: string[]): Promise<void> {
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

export const suite: BenchSuite = {
  name: 'reviews',
  description:
    'submissions per second through the rule engine (in process and over HTTP) and the reviews page p99 on a product with 10,000 reviews',
  async run(ctx) {
    measureEngine(ctx);
    await ctx.ensurePlatformTopics();
    const mongoUri = ctx.databaseUri('reviews');
    const service = await startServiceOn(
      { kafkaBrokers: ctx.infra.kafkaBrokers, topicPrefix: ctx.topicPrefix, mongoUri },
      'reviews',
      (config) => ReviewsModule.register(config),
    );
    ctx.defer(() => service.close());
    const submitProduct = uuidv7();
    const pageProduct = uuidv7();
    await seedProducts(mongoUri, [submitProduct, pageProduct]);

    // Submissions over HTTP: auth, validation, rate limit, product check, rules, outbox write.
    const tokens = await Promise.all(
      Array.from({ length: HTTP_SUBMISSIONS }, (_, i) => testToken({ sub: `bench-writer-${i}` })),
    );
    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: SUBMIT_CONCURRENCY }, async () => {
        while (next < HTTP_SUBMISSIONS) {
          const i = next++;
          const t0 = performance.now();
          const response = await fetch(`${service.url}/reviews`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[i]}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              productId: submitProduct,
              rating: (i % 5) + 1,
              body: BODIES[i % 3],
              anonymous: true,
              acceptedTermsVersion: '2026-11',
            }),
          });
          await response.arrayBuffer();
          if (response.status !== 201) failures++;
          latencies.push(performance.now() - t0);
        }
      }),
    );
    const elapsed = performance.now() - started;
    ctx.results.measurement({
      id: 'ours.review-submissions',
      label: `POST /reviews, ${SUBMIT_CONCURRENCY} concurrent`,
      role: 'ours',
      rate: { value: ctx.stats.ratePerSecond(HTTP_SUBMISSIONS, elapsed), unit: 'submissions/s' },
      latencyMs: ctx.stats.summarize(latencies),
      details: { submissions: HTTP_SUBMISSIONS, failures },
    });

    // The reviews page of a product with 10,000 published reviews: first pages and a deep cursor.
    await seedListing(mongoUri, pageProduct);
    const sorts = ['newest', 'highest', 'most_helpful'];
    const pageLatencies: number[] = [];
    let cursor: string | undefined;
    for (let i = 0; i < PAGE_REQUESTS; i++) {
      const sort = sorts[i % sorts.length];
      const query = `sort=${sort}&limit=20${sort === 'newest' && cursor ? `&cursor=${cursor}` : ''}`;
      const t0 = performance.now();
      const response = await fetch(`${service.url}/products/${pageProduct}/reviews?${query}`);
      const page = (await response.json()) as { nextCursor?: string };
      pageLatencies.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`reviews page answered ${response.status}`);
      if (sort === 'newest') cursor = page.nextCursor;
    }
    ctx.results.measurement({
      id: 'ours.reviews-page',
      label: `GET /products/{id}/reviews on ${PAGE_REVIEWS} reviews (sequential)`,
      role: 'ours',
      latencyMs: ctx.stats.summarize(pageLatencies),
      details: { requests: PAGE_REQUESTS, sorts: sorts.join(',') },
    });
  },
};

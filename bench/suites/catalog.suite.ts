import { join } from 'node:path';
import { recordCeiling } from '../ceilings';
import { formatRatio } from '../lib/markdown-table';
import { spawnBenchServer } from '../lib/bench-server';
import { measureHttpLoad } from '../lib/http-load';
import { statValue } from '../lib/report';
import type { BenchSuite } from '../lib/suite';
import { seedCatalog } from '../../tools/seed/catalog-seed';

/** Issue 4: the product page serves at least half the bare `findOne` ceiling's requests/s. */
export const PRODUCT_PAGE_RATE_GOAL = 0.5;
export const CATALOG_PRODUCTS = { full: 100_000, quick: 10_000 } as const;
const PAGE_PATHS = 2_000;
/** What shoppers type: author names, title words, prefixes, a series, with and without filters. */
const SEARCHES = [
  'q=goncharov',
  'q=history%20empire',
  'q=cold%20war',
  'q=rossi&sort=price',
  'q=revol&format=paperback',
  'q=new%20cold%20war%20history',
  'q=nakamura%20memory&minRating=4',
  'q=ag&condition=used',
];

export const suite: BenchSuite = {
  name: 'catalog',
  description:
    'product page (GET /products/:id) against the bare findOne ceiling on a 100k catalog, and search latency',
  async run(ctx) {
    const count = CATALOG_PRODUCTS[ctx.profile.name];
    ctx.results.goal({
      id: 'product-page.rate',
      label: `product page req/s ≥ ${PRODUCT_PAGE_RATE_GOAL}× bare findOne by _id`,
      ours: { measurement: 'ours.catalog.product-page', stat: 'rate' },
      ceiling: { measurement: 'ceiling.http.find-by-id', stat: 'rate' },
      bound: 'at-least',
      limit: PRODUCT_PAGE_RATE_GOAL,
    });
    const [ceiling] = await recordCeiling(ctx, 'http-find');
    await ctx.ensurePlatformTopics();
    const uri = ctx.databaseUri('catalog');
    const server = await spawnBenchServer(join(__dirname, 'catalog', 'catalog.server.ts'), {
      BENCH_MONGODB_URI: uri,
      BENCH_KAFKA_BROKERS: ctx.infra.kafkaBrokers.join(','),
      BENCH_TOPIC_PREFIX: ctx.topicPrefix,
    });
    ctx.defer(() => server.stop());
    ctx.log(`seeding ${count} products (bulk, through the service's document builder)`);
    const started = Date.now();
    const ids = await seedCatalog(uri, count, (done) => done % 20_000 === 0 && ctx.log(`  ${done} products`));
    ctx.results.note(`seeded ${count} products in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const pagePaths = Array.from(
      { length: PAGE_PATHS },
      () => `/products/${ids[Math.floor(Math.random() * ids.length)]}`,
    );
    const { profile } = ctx;
    const page = await measureHttpLoad({
      url: server.url,
      paths: pagePaths,
      connections: profile.httpConnections,
      durationMs: profile.httpDurationMs,
      warmupMs: profile.httpWarmupMs,
    });
    if (page.notOk + page.errors > 0)
      throw new Error(`product page: ${page.notOk} non-2xx and ${page.errors} errors`);
    const pageMeasurement = ctx.results.measurement({
      id: 'ours.catalog.product-page',
      label: `GET /products/:id, product + both summaries (${count} products)`,
      role: 'ours',
      rate: { value: page.requestsPerSecond, unit: 'req/s' },
      latencyMs: page.latency,
      details: { connections: profile.httpConnections, requests: page.ok },
    });
    // The same reads without our code: bare Fastify + findOne by _id on this 100k catalog, with the
    // page's projection. Tells how much of the gap to the 10k-book ceiling is the store's.
    const bare = await spawnBenchServer(join(__dirname, 'catalog', 'catalog-find.server.ts'), {
      BENCH_MONGODB_URI: uri,
    });
    const bareLoad = await measureHttpLoad({
      url: bare.url,
      paths: pagePaths,
      connections: profile.httpConnections,
      durationMs: profile.httpDurationMs,
      warmupMs: profile.httpWarmupMs,
    }).finally(() => bare.stop());
    if (bareLoad.notOk + bareLoad.errors > 0)
      throw new Error(`bare product read: ${bareLoad.notOk} non-2xx and ${bareLoad.errors} errors`);
    ctx.results.measurement({
      id: 'reference.catalog.bare-product-read',
      label: `bare Fastify + driver findOne by _id on the ${count} products (page projection; no goal)`,
      role: 'ceiling',
      rate: { value: bareLoad.requestsPerSecond, unit: 'req/s' },
      latencyMs: bareLoad.latency,
      details: { connections: profile.httpConnections, requests: bareLoad.ok },
    });
    ctx.results.note(
      `product page / bare findOne on the same ${count} products: rate ` +
        formatRatio(page.requestsPerSecond / bareLoad.requestsPerSecond),
    );
    ctx.results.note(
      `product page / findOne by _id: rate ${formatRatio(page.requestsPerSecond / statValue(ceiling, 'rate'))}, ` +
        `p50 ${formatRatio(statValue(pageMeasurement, 'p50') / statValue(ceiling, 'p50'))}, ` +
        `p99 ${formatRatio(statValue(pageMeasurement, 'p99') / statValue(ceiling, 'p99'))} (latency ratios: no goal)`,
    );
    // Search reads every product holding the query's longest token (product-search.query.ts): few
    // connections, so the figure is the latency of one search at a time, not a saturated queue.
    const searched = await measureHttpLoad({
      url: server.url,
      paths: SEARCHES.map((q) => `/products?${q}`),
      connections: 2,
      durationMs: profile.httpDurationMs,
      warmupMs: Math.min(profile.httpWarmupMs, 2_000),
    });
    if (searched.notOk + searched.errors > 0)
      throw new Error(`search: ${searched.notOk} non-2xx and ${searched.errors} errors`);
    ctx.results.measurement({
      id: 'ours.catalog.search',
      label: `GET /products?q=… (${count} products, 2 connections)`,
      role: 'ours',
      rate: { value: searched.requestsPerSecond, unit: 'req/s' },
      latencyMs: searched.latency,
      details: { connections: 2, requests: searched.ok },
    });
  },
};

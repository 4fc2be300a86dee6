import { spawn } from 'node:child_process';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { expectEventually, startServiceOn, TestService, testDatabaseUri, testInfra } from '@app/testing';
import { CatalogModule } from '../../apps/catalog/src/catalog.module';
import { OffersModule } from '../../apps/offers/src/offers.module';
import { ensureTopics, REPO_ROOT } from '../infra';

type Json = Record<string, any>;
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

/** Runs the demo-loader's entry point as compose does, with the services' URLs in the environment. */
function runLoader(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [require.resolve('ts-node/dist/bin'), 'tools/demo/load-demo.ts'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

describe('the demo-loader entry point (tools/demo/load-demo.ts)', () => {
  let catalog: TestService;
  let offers: TestService;

  beforeAll(async () => {
    // Topics, consumer groups and databases of their own: the seed book is created here, whatever
    // other suites of this run load.
    const infra = testInfra();
    const own = { kafkaBrokers: infra.kafkaBrokers, topicPrefix: `${infra.runId}-demo.` };
    await ensureTopics(own.kafkaBrokers, own.topicPrefix);
    [catalog, offers] = await Promise.all([
      startServiceOn({ ...own, mongoUri: testDatabaseUri('demo_catalog') }, 'catalog', (config) =>
        CatalogModule.register(config),
      ),
      startServiceOn({ ...own, mongoUri: testDatabaseUri('demo_offers') }, 'offers', (config) =>
        OffersModule.register(config),
      ),
    ]);
  });

  afterAll(async () => {
    await Promise.all([catalog?.close(), offers?.close()]);
  });

  it('loads the seed book and its 23 offers, changes nothing when run again, and the page serves All (23) from $2.61', async () => {
    const env = { CATALOG_URL: catalog.url, OFFERS_URL: offers.url, AUTH_JWT_SECRET: LOCAL_DEV_JWT_SECRET };
    const first = await runLoader(env);
    expect(first).toMatchObject({ code: 0, err: '' });
    const productId = /demo: seed book (\S+) \(created\)/.exec(first.out)?.[1];
    expect(productId).toBeDefined();
    expect(first.out).toContain('demo: 23 offers from 6 sellers');

    const second = await runLoader(env);
    expect(second).toMatchObject({ code: 0, err: '' });
    expect(second.out).toContain(`demo: seed book ${productId} (unchanged)`);

    await expectEventually(async () => {
      const page = (await (await fetch(`${catalog.url}/products/${productId}`)).json()) as Json;
      expect(page.offerSummary).toMatchObject({
        totalOffers: 23,
        lowestPrice: usd(261),
        byConditionClass: {
          new: { count: 6, lowestPrice: usd(1994) },
          used: { count: 17, lowestPrice: usd(261) },
        },
      });
    });
  });

  it('exits 1 with one line naming the service it could not reach', async () => {
    const result = await runLoader({
      CATALOG_URL: 'http://127.0.0.1:9',
      OFFERS_URL: offers.url,
      DEMO_READY_TIMEOUT_SECONDS: '1',
    });
    expect(result.code).toBe(1);
    expect(result.out).toBe('');
    expect(result.err).toMatch(/^demo data failed: catalog at http:\/\/127\.0\.0\.1:9 was not ready .*\n$/);
  });
});

import { join } from 'node:path';
import { SERVICE_NAMES, SERVICE_SPECS, ServiceName } from '@app/contracts';
import { LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';
import { loadDemo } from '../../../tools/demo/load-demo';
import { stopService } from '../../../tools/start/service-processes';
import {
  bookPageUrl,
  ensureWebBuild,
  RunningWeb,
  spawnWeb,
  waitUntilWebReady,
} from '../../../tools/start/web-process';
import { freePort } from '../../../tools/infra';
import { spawnBenchServer } from '../../lib/bench-server';
import type { BenchContext } from '../../lib/context';
import { waitUntil } from '../../lib/wait';

/** The key the bench's services verify (the production config refuses the public development one). */
export const BENCH_SECRET = `${LOCAL_DEV_JWT_SECRET}-bench`;
/** The seed page's offer box once the offers' summary has reached the catalog. */
const SEED_OFFERS_SHOWN = /All \(23\)/;
/** React separates adjacent text nodes with empty comments in server-rendered HTML. */
const pageText = (html: string) => html.replace(/<!-- -->/g, '');

export interface WebStack {
  readonly services: Readonly<Record<ServiceName, string>>;
  readonly web: RunningWeb;
  /** The seed book's page, `/books/{isbn13}/{slug}` on the web app. */
  readonly pageUrl: string;
}

/**
 * The storefront as shoppers meet it: the four services (production config, this run's topics and
 * databases, each in its own process), the seed book and its 23 offers loaded through their APIs,
 * and the production build of the web app (rebuilt only when its sources changed) served by
 * `next start`. Everything stops when the suite ends.
 */
export async function startWebStack(ctx: BenchContext): Promise<WebStack> {
  await ctx.ensurePlatformTopics();
  const services = {} as Record<ServiceName, string>;
  // One at a time: four Nest apps compiling at once on a busy machine outlast the start timeout.
  for (const name of SERVICE_NAMES) {
    const server = await spawnBenchServer(join(__dirname, 'services.server.ts'), {
      BENCH_SERVICE: name,
      BENCH_MONGODB_URI: ctx.databaseUri(SERVICE_SPECS[name].database),
      BENCH_KAFKA_BROKERS: ctx.infra.kafkaBrokers.join(','),
      BENCH_TOPIC_PREFIX: ctx.topicPrefix,
    });
    ctx.defer(() => server.stop());
    services[name] = server.url;
    ctx.log(`${name} at ${server.url}`);
  }
  for (const line of await loadDemo({ catalog: services.catalog, offers: services.offers }, BENCH_SECRET))
    ctx.log(line);

  const buildStarted = Date.now();
  ensureWebBuild((message) => ctx.log(message));
  ctx.results.note(
    `web build ready in ${Math.round((Date.now() - buildStarted) / 1000)} s (reused when unchanged)`,
  );
  const web = spawnWeb({ port: await freePort(), upstreams: services, output: 'ignore' });
  ctx.defer(() => stopService(web, 15_000));
  await waitUntilWebReady(web, 90_000);
  const pageUrl = await bookPageUrl(web, SEED_BOOK_ISBN13);
  await waitUntil(async () => SEED_OFFERS_SHOWN.test(pageText(await (await fetch(pageUrl)).text())), {
    timeoutMs: 90_000,
    intervalMs: 500,
    what: "the seed page's offer box to show the 23 offers",
  });
  ctx.log(`storefront at ${web.url}, seed page ${pageUrl}`);
  return { services, web, pageUrl };
}

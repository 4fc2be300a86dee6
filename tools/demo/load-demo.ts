import { SERVICE_SPECS } from '@app/contracts';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { connectionError, waitForReady } from '../start/readiness';
import { mintToken } from '../token/mint-token';
import { loadCatalogDemo } from './catalog-demo';
import { loadOffersDemo } from './offers-demo';

export interface DemoTargets {
  readonly catalog: string;
  /** Defaults to the offers service's local port. */
  readonly offers?: string;
}

/**
 * Loads the demo data through the services' public APIs, idempotently: the seed page's book (the
 * offers issue adds its 23 offers; the seed page has no customer reviews, so none are added).
 */
export async function loadDemo(targets: DemoTargets, secret = LOCAL_DEV_JWT_SECRET): Promise<string[]> {
  const editor = await mintToken({
    secret,
    issuer: LOCAL_AUTH_ISSUER,
    audience: LOCAL_AUTH_AUDIENCE,
    subject: 'demo-loader',
    roles: ['catalog-editor'],
    ageVerified: true,
    ttlSeconds: 300,
  });
  const book = await loadCatalogDemo(targets.catalog, editor);
  const offersUrl = targets.offers ?? `http://127.0.0.1:${SERVICE_SPECS.offers.port}`;
  const offers = await loadOffersDemo({
    offersUrl,
    productId: book.productId,
    tokenFor: (sellerId) =>
      mintToken({
        secret,
        issuer: LOCAL_AUTH_ISSUER,
        audience: LOCAL_AUTH_AUDIENCE,
        subject: `demo-seller-${sellerId}`,
        roles: ['seller'],
        sellerId,
        ageVerified: true,
        ttlSeconds: 300,
      }),
  });
  return [
    `seed book ${book.productId} (${book.outcome}): ${targets.catalog}/products/${book.productId}`,
    `${offers.offers} offers from ${offers.sellers} sellers: ${offersUrl}/products/${book.productId}/offers`,
  ];
}

export interface DemoLoaderSettings {
  readonly catalog: string;
  readonly offers: string;
  readonly secret: string;
  readonly readyTimeoutMs: number;
}

const localUrl = (port: number) => `http://127.0.0.1:${port}`;

/**
 * The entry point's settings, from the environment compose gives the demo-loader: CATALOG_URL and
 * OFFERS_URL (the local ports by default), AUTH_JWT_SECRET (the services' secret; the local one by
 * default) and DEMO_READY_TIMEOUT_SECONDS (how long to wait for the services, 60 by default).
 */
export function demoLoaderSettings(env: NodeJS.ProcessEnv): DemoLoaderSettings {
  const url = (name: string, fallback: string): string => {
    const value = env[name] || fallback;
    const protocol = URL.canParse(value) ? new URL(value).protocol : '';
    if (protocol !== 'http:' && protocol !== 'https:')
      throw new Error(`${name} is not an http(s) URL: ${value}`);
    return value.replace(/\/+$/, '');
  };
  const seconds = Number(env.DEMO_READY_TIMEOUT_SECONDS ?? '60');
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new Error(`DEMO_READY_TIMEOUT_SECONDS must be a positive number of seconds`);
  }
  return {
    catalog: url('CATALOG_URL', localUrl(SERVICE_SPECS.catalog.port)),
    offers: url('OFFERS_URL', localUrl(SERVICE_SPECS.offers.port)),
    secret: env.AUTH_JWT_SECRET || LOCAL_DEV_JWT_SECRET,
    readyTimeoutMs: seconds * 1000,
  };
}

/**
 * `node dist/tools/demo/load-demo.js` (compose's demo-loader) or `ts-node tools/demo/load-demo.ts`:
 * waits for the catalog and offers services, loads the demo data (a second run changes nothing),
 * prints what it loaded and exits 0; any failure is one line on stderr and exit code 1.
 */
async function main(): Promise<void> {
  try {
    const settings = demoLoaderSettings(process.env);
    await Promise.all(
      (['catalog', 'offers'] as const).map((name) =>
        waitForReady({ name, baseUrl: settings[name], timeoutMs: settings.readyTimeoutMs }),
      ),
    );
    const lines = await loadDemo({ catalog: settings.catalog, offers: settings.offers }, settings.secret);
    for (const line of lines) process.stdout.write(`demo: ${line}\n`);
    process.exitCode = 0;
  } catch (error) {
    process.stderr.write(`demo data failed: ${connectionError(error)}\n`);
    process.exitCode = 1;
  }
}

if (require.main === module) void main();

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, ServiceName } from '@app/contracts';
import { WEB_BASE_PORT, WEB_DIR } from '../../tools/start/web-process';
import type { Arrival } from './gateway-routing';
import type { Overlay } from './manifests';

/**
 * The storefront (apps/web) as the deployment sees it. It is not a service of libs/contracts (no
 * database, no Kafka user), so its name, port and health paths are stated here, each checked
 * against the app itself by the deploy tests.
 */
export const WEB_APP = {
  name: 'web',
  port: WEB_BASE_PORT,
  livePath: '/health/live',
  readyPath: '/health/ready',
} as const;

/** The variable through which the web app finds each service's base URL (apps/web config). */
export const WEB_UPSTREAM_ENV: Readonly<Record<ServiceName, string>> = {
  catalog: 'CATALOG_URL',
  offers: 'OFFERS_URL',
  reviews: 'REVIEWS_URL',
  reports: 'REPORTS_URL',
};

/** The app's configuration module, as text (Jest does not load the Next.js app's modules). */
export function webConfigSource(): string {
  return readFileSync(join(WEB_DIR, 'src', 'lib', 'config.ts'), 'utf8');
}

/** Whether the App Router serves `GET path` from a route handler (`src/app/<path>/route.ts`). */
export function webRouteHandlerExists(path: string): boolean {
  const file = join(WEB_DIR, 'src', 'app', ...path.split('/').filter(Boolean), 'route.ts');
  return (
    existsSync(file) &&
    /export\s+(\{[^}]*\bGET\b[^}]*\}|(async\s+)?function\s+GET\b)/.test(readFileSync(file, 'utf8'))
  );
}

/** Every service the web app calls, each with its variable. */
export const WEB_UPSTREAMS = SERVICE_NAMES.map((service) => ({
  service,
  variable: WEB_UPSTREAM_ENV[service],
}));

/**
 * Where the public reaches each overlay's two hosts at the Gateway: the APIs (every port they are
 * served on) and the storefront (its serving port; prod's plain-HTTP port only redirects).
 */
export const PUBLIC_HOSTS: Readonly<
  Record<
    Overlay,
    { readonly api: readonly Arrival[]; readonly web: Arrival; readonly webRedirected?: Arrival }
  >
> = {
  dev: {
    api: [{ host: 'api.bookstore.localhost', port: 80 }],
    web: { host: 'www.bookstore.localhost', port: 80 },
  },
  prod: {
    api: [
      { host: 'api.bookstore.example', port: 80 },
      { host: 'api.bookstore.example', port: 443 },
    ],
    web: { host: 'www.bookstore.example', port: 443 },
    webRedirected: { host: 'www.bookstore.example', port: 80 },
  },
};

/**
 * The web app's configuration: the one module that reads the environment. Service base URLs are
 * read at request time (never inlined at build time), so one build serves any deployment.
 */
export interface WebConfig {
  readonly catalogUrl: string;
  readonly offersUrl: string;
  readonly reviewsUrl: string;
  readonly reportsUrl: string;
  /** Public origin of the storefront, for canonical URLs and structured data. */
  readonly siteUrl: string;
  /** How long a page waits for one upstream call before showing that section as unavailable. */
  readonly upstreamTimeoutMs: number;
  readonly development: boolean;
}

function baseUrl(name: string, fallback: string): string {
  const value = process.env[name]?.trim() || fallback;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must use http(s)`);
  return url.toString().replace(/\/+$/, '');
}

function positiveInt(name: string, fallback: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number`);
  return value;
}

let cached: WebConfig | undefined;

export function webConfig(): WebConfig {
  cached ??= {
    catalogUrl: baseUrl('CATALOG_URL', 'http://127.0.0.1:3001'),
    offersUrl: baseUrl('OFFERS_URL', 'http://127.0.0.1:3002'),
    reviewsUrl: baseUrl('REVIEWS_URL', 'http://127.0.0.1:3003'),
    reportsUrl: baseUrl('REPORTS_URL', 'http://127.0.0.1:3004'),
    siteUrl: baseUrl('SITE_URL', 'http://127.0.0.1:3000'),
    upstreamTimeoutMs: positiveInt('UPSTREAM_TIMEOUT_MS', 3_000),
    development: process.env.NODE_ENV === 'development',
  };
  return cached;
}

/**
 * The web app's configuration: the one module that reads the environment. Service base URLs are
 * read at request time (never inlined at build time), so one build serves any deployment.
 */
import {
  LOCAL_AUTH_AUDIENCE,
  LOCAL_AUTH_ISSUER,
  LOCAL_DEV_JWT_SECRET,
} from '../../../../libs/platform/src/auth/local-dev-secret';

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

/**
 * Sign-in. `local`: a development page mints HS256 tokens with the services' local key (only when
 * the services run with local auth, as `npm start` does). `oidc`: authorization code + PKCE against
 * the identity provider whose JWT access tokens the services verify by JWKS (apps/web/README.md).
 */
export type WebAuthConfig = LocalAuthConfig | OidcAuthConfig;

interface SessionCookieConfig {
  /** Seals the session cookie (AES-256-GCM under a key derived from it). */
  readonly sessionSecret: string;
  /** Secure cookies everywhere but a loopback site URL (http://127.0.0.1, http://localhost). */
  readonly secureCookies: boolean;
}

export interface LocalAuthConfig extends SessionCookieConfig {
  readonly mode: 'local';
  readonly jwtSecret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly tokenTtlSeconds: number;
}

export interface OidcAuthConfig extends SessionCookieConfig {
  readonly mode: 'oidc';
  /** The provider's issuer identifier; its discovery document is read from it. */
  readonly issuer: string;
  readonly clientId: string;
  /** Absent for a public client (PKCE alone); present: client_secret_basic at the token endpoint. */
  readonly clientSecret?: string;
  readonly redirectUri: string;
  readonly postLogoutRedirectUri: string;
  readonly scopes: string;
  /** RFC 8707 resource indicator sent with the requests, when the provider wants one. */
  readonly resource?: string;
  /** The `aud` the services expect in access tokens (their AUTH_AUDIENCE). */
  readonly audience: string;
}

const DEV_SESSION_SECRET = 'local-development-session-secret-not-for-production';

function secret(name: string, fallback?: string): string {
  const value = process.env[name]?.trim() || fallback;
  if (!value) throw new Error(`${name} is required`);
  if (value.length < 32) throw new Error(`${name} must be at least 32 characters`);
  return value;
}

function authMode(): 'local' | 'oidc' {
  const raw = process.env.WEB_AUTH_MODE?.trim();
  if (raw === 'local' || raw === 'oidc') return raw;
  if (raw) throw new Error(`WEB_AUTH_MODE must be "local" or "oidc", got "${raw}"`);
  // A production server never falls back to the development sign-in silently.
  if (process.env.NODE_ENV === 'production') throw new Error('WEB_AUTH_MODE (local or oidc) is required');
  return 'local';
}

function isLoopback(url: string): boolean {
  return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname);
}

function oidcConfig(siteUrl: string, cookies: SessionCookieConfig): OidcAuthConfig {
  const required = (name: string) => {
    const value = process.env[name]?.trim();
    if (!value) throw new Error(`${name} is required when WEB_AUTH_MODE=oidc`);
    return value;
  };
  return {
    mode: 'oidc',
    ...cookies,
    issuer: required('OIDC_ISSUER'),
    clientId: required('OIDC_CLIENT_ID'),
    clientSecret: process.env.OIDC_CLIENT_SECRET?.trim() || undefined,
    redirectUri: baseUrl('OIDC_REDIRECT_URI', `${siteUrl}/auth/callback`),
    // Kept exactly as given: providers compare it with the registered one character by character.
    postLogoutRedirectUri: baseUrl('OIDC_POST_LOGOUT_REDIRECT_URI', siteUrl) + '/',
    scopes: process.env.OIDC_SCOPES?.trim() || 'openid',
    resource: process.env.OIDC_RESOURCE?.trim() || undefined,
    audience: required('AUTH_AUDIENCE'),
  };
}

let cachedAuth: WebAuthConfig | undefined;

export function authConfig(): WebAuthConfig {
  if (cachedAuth) return cachedAuth;
  const { siteUrl } = webConfig();
  const mode = authMode();
  const cookies: SessionCookieConfig = {
    sessionSecret: secret('WEB_SESSION_SECRET', mode === 'local' ? DEV_SESSION_SECRET : undefined),
    secureCookies: !isLoopback(siteUrl),
  };
  cachedAuth =
    mode === 'oidc'
      ? oidcConfig(siteUrl, cookies)
      : {
          mode,
          ...cookies,
          jwtSecret: secret('AUTH_JWT_SECRET', LOCAL_DEV_JWT_SECRET),
          issuer: process.env.AUTH_ISSUER?.trim() || LOCAL_AUTH_ISSUER,
          audience: process.env.AUTH_AUDIENCE?.trim() || LOCAL_AUTH_AUDIENCE,
          tokenTtlSeconds: positiveInt('LOCAL_TOKEN_TTL_SECONDS', 8 * 3600),
        };
  return cachedAuth;
}

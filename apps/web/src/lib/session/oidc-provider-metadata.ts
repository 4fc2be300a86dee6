import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import type { OidcAuthConfig } from '../config';

/** What the web app uses of the provider's discovery document (OpenID Connect Discovery 1.0). */
export interface ProviderMetadata {
  readonly issuer: string;
  readonly authorization_endpoint: string;
  readonly token_endpoint: string;
  readonly jwks_uri: string;
  readonly end_session_endpoint?: string;
  readonly revocation_endpoint?: string;
  readonly code_challenge_methods_supported?: readonly string[];
}

export interface Provider {
  readonly metadata: ProviderMetadata;
  /** The provider's signing keys, fetched and cached (and refetched on an unknown `kid`) by jose. */
  readonly keys: JWTVerifyGetKey;
}

let cached: { issuer: string; provider: Promise<Provider> } | undefined;

async function discover(config: OidcAuthConfig): Promise<Provider> {
  const url = `${config.issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
  const response = await fetch(url, { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
  if (!response.ok) throw new Error(`OIDC discovery at ${url} answered ${response.status}`);
  const metadata = (await response.json()) as ProviderMetadata;
  // Discovery §4.3: the document must name the very issuer it was fetched for.
  if (metadata.issuer !== config.issuer) {
    throw new Error(`OIDC discovery names issuer "${metadata.issuer}", expected "${config.issuer}"`);
  }
  for (const field of ['authorization_endpoint', 'token_endpoint', 'jwks_uri'] as const) {
    if (typeof metadata[field] !== 'string') throw new Error(`OIDC discovery lacks ${field}`);
  }
  if (!metadata.code_challenge_methods_supported?.includes('S256')) {
    throw new Error('the OIDC provider does not announce PKCE with S256');
  }
  return { metadata, keys: createRemoteJWKSet(new URL(metadata.jwks_uri)) };
}

/** The provider's metadata and keys, discovered once per process (again after a failure). */
export function oidcProvider(config: OidcAuthConfig): Promise<Provider> {
  if (cached?.issuer !== config.issuer) {
    const provider = discover(config);
    cached = { issuer: config.issuer, provider };
    provider.catch(() => {
      if (cached?.provider === provider) cached = undefined;
    });
  }
  return cached.provider;
}

/** The client's authentication at the token and revocation endpoints (RFC 6749 §2.3). */
export function clientAuthentication(config: OidcAuthConfig): {
  headers: Record<string, string>;
  body: Record<string, string>;
} {
  if (!config.clientSecret) return { headers: {}, body: { client_id: config.clientId } };
  const pair = `${encodeURIComponent(config.clientId)}:${encodeURIComponent(config.clientSecret)}`;
  return { headers: { authorization: `Basic ${Buffer.from(pair).toString('base64')}` }, body: {} };
}

import type { OidcAuthConfig } from '../config';
import { clientAuthentication, oidcProvider } from './oidc-provider-metadata';
import type { Session } from './store';

/**
 * Ends the session at the provider: revokes the access token (RFC 7009; a provider that cannot
 * revoke a JWT still answers 200) and returns where RP-initiated logout ends the provider's own
 * session, so the next "Sign in" asks for credentials again. Undefined: the provider has no such
 * endpoint, and the caller goes home.
 */
export async function endProviderSession(
  config: OidcAuthConfig,
  session: Session | undefined,
): Promise<string | undefined> {
  const { metadata } = await oidcProvider(config);
  if (session && metadata.revocation_endpoint) {
    const auth = clientAuthentication(config);
    await fetch(metadata.revocation_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...auth.headers },
      body: new URLSearchParams({
        token: session.accessToken,
        token_type_hint: 'access_token',
        ...auth.body,
      }),
      cache: 'no-store',
      signal: AbortSignal.timeout(5_000),
    }).catch(() => undefined); // best effort: the cookie is cleared either way
  }
  if (!metadata.end_session_endpoint) return undefined;
  const url = new URL(metadata.end_session_endpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('post_logout_redirect_uri', config.postLogoutRedirectUri);
  if (session?.idToken) url.searchParams.set('id_token_hint', session.idToken);
  return url.toString();
}

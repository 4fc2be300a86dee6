import { authConfig } from '../../../lib/config';
import { startOidcSignIn } from '../../../lib/session/oidc-flow';
import { logSignInFailure } from '../../../lib/session/oidc-flow';
import { safeReturnTo, seeOther } from '../../../lib/session/return-to';

/**
 * Where every "Sign in" link points: the development page locally, the identity provider
 * otherwise. Without `returnTo`, it comes back to the page the link was on (a same-site Referer).
 */
export async function GET(request: Request): Promise<Response> {
  const returnTo = safeReturnTo(new URL(request.url).searchParams.get('returnTo') ?? refererPath(request));
  if (authConfig().mode === 'local') {
    return seeOther(`/auth/dev-sign-in?${new URLSearchParams({ returnTo }).toString()}`);
  }
  try {
    return await startOidcSignIn(returnTo);
  } catch (error) {
    // Discovery failed: the provider is down or misconfigured. Say so on a page, not with a 500.
    logSignInFailure('provider', error);
    return seeOther('/auth/sign-in-failed?reason=provider');
  }
}

function refererPath(request: Request): string | undefined {
  const referer = request.headers.get('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    // The Host header, not request.url: behind `next start` the latter names the server's own host.
    if (url.host !== request.headers.get('host') || url.pathname.startsWith('/auth/')) return undefined;
    return `${url.pathname}${url.search}`;
  } catch {
    return undefined;
  }
}

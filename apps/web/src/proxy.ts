import { NextResponse, type NextRequest } from 'next/server';
import { webConfig } from './lib/config';
import { contentSecurityPolicy, newNonce } from './lib/security-headers';
import { identityProviderOrigins } from './lib/session/provider-origins';

/** Every page gets its own nonce and the policy that names it (see lib/security-headers.ts). */
export function proxy(request: NextRequest) {
  const config = webConfig();
  const policy = contentSecurityPolicy(newNonce(), {
    development: config.development,
    https: config.siteUrl.startsWith('https:'),
    formActionOrigins: identityProviderOrigins(),
  });
  const requestHeaders = new Headers(request.headers);
  // Next.js takes the nonce for its own scripts from the request's policy.
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Hashed static files carry the static headers of next.config.ts; they run no policy of their own.
  matcher: ['/((?!_next/static|_next/image).*)'],
};

import { authConfig } from '../../../lib/config';
import { refuseCrossSite } from '../../../lib/session/csrf';
import { endProviderSession } from '../../../lib/session/oidc-sign-out';
import { seeOther } from '../../../lib/session/return-to';
import { clearSession, readSession } from '../../../lib/session/store';
import { NextResponse } from 'next/server';

/** Sign-out: a same-site POST only. Clears the session cookie and ends the provider's session. */
export async function POST(request: Request): Promise<Response> {
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  const config = authConfig();
  const session = await readSession();
  const providerLogout =
    config.mode === 'oidc' ? await endProviderSession(config, session).catch(() => undefined) : undefined;
  const response = providerLogout ? NextResponse.redirect(providerLogout, 303) : seeOther('/');
  response.headers.set('cache-control', 'no-store');
  clearSession(response);
  return response;
}

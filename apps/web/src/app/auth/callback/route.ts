import { cookies } from 'next/headers';
import {
  completeOidcSignIn,
  clearFlowCookie,
  flowCookieName,
  oidcAuth,
  SignInFailed,
  logSignInFailure,
} from '../../../lib/session/oidc-flow';
import { seeOther } from '../../../lib/session/return-to';

/** The OIDC redirect URI. Exists only in OIDC mode. */
export async function GET(request: Request): Promise<Response> {
  if (!oidcAuth()) return new Response('Not found', { status: 404 });
  try {
    return await completeOidcSignIn(request, (await cookies()).get(flowCookieName())?.value);
  } catch (error) {
    const reason = error instanceof SignInFailed ? error.code : 'provider';
    logSignInFailure(reason, error);
    const response = seeOther(`/auth/sign-in-failed?${new URLSearchParams({ reason }).toString()}`);
    clearFlowCookie(response);
    return response;
  }
}

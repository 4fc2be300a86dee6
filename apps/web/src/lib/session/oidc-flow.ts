import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify } from 'jose';
import { NextResponse } from 'next/server';
import { authConfig, type OidcAuthConfig } from '../config';
import { clientAuthentication, oidcProvider, type Provider } from './oidc-provider-metadata';
import { safeReturnTo, seeOther } from './return-to';
import { cookieSpec, seal, unseal } from './sealed-cookie';
import { type Session, writeSession } from './store';
import { viewerFromClaims } from './viewer';

/**
 * OpenID Connect authorization code flow with PKCE (S256), `state` and `nonce`. The flow's secrets
 * wait in a sealed, short-lived cookie between the redirect to the provider and the callback; the
 * tokens never leave the server except sealed in the session cookie.
 */
const FLOW_PURPOSE = 'oidc-flow';
const FLOW_COOKIE = 'bookstore_oidc_flow';
const FLOW_TTL_S = 600;
const SIGNING_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];

const random = () => randomBytes(32).toString('base64url');

export function oidcAuth(): OidcAuthConfig | undefined {
  const config = authConfig();
  return config.mode === 'oidc' ? config : undefined;
}

/** Redirects to the provider's authorization endpoint; the callback comes back to `returnTo`. */
export async function startOidcSignIn(returnTo: string): Promise<Response> {
  const config = oidcAuth();
  if (!config) return new Response('Not found', { status: 404 });
  const { metadata } = await oidcProvider(config);
  const flow = { s: random(), n: random(), cv: random(), rt: safeReturnTo(returnTo) };
  const url = new URL(metadata.authorization_endpoint);
  const params = {
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUri,
    scope: config.scopes,
    state: flow.s,
    nonce: flow.n,
    code_challenge: createHash('sha256').update(flow.cv).digest('base64url'),
    code_challenge_method: 'S256',
    ...(config.resource ? { resource: config.resource } : {}),
  };
  for (const [key, value] of Object.entries(params)) url.searchParams.set(key, value);
  const response = NextResponse.redirect(url, 303);
  response.headers.set('cache-control', 'no-store');
  const expiresAt = Math.floor(Date.now() / 1000) + FLOW_TTL_S;
  const { name, options } = cookieSpec(FLOW_COOKIE, expiresAt);
  response.cookies.set(name, await seal(FLOW_PURPOSE, flow, expiresAt), options);
  return response;
}

/** One JSON line on stderr (the web app's log format), without tokens or codes. */
export function logSignInFailure(reason: string, error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  const line = { level: 'warn', time: new Date().toISOString(), msg: 'sign-in failed', reason, detail };
  process.stderr.write(`${JSON.stringify(line)}\n`);
}

export class SignInFailed extends Error {
  constructor(
    readonly code: 'expired' | 'refused' | 'provider' | 'claims',
    detail: string,
  ) {
    super(detail);
    this.name = 'SignInFailed';
  }
}

/** The callback: checks `state`, redeems the code, validates the tokens and starts the session. */
export async function completeOidcSignIn(
  request: Request,
  cookieValue: string | undefined,
): Promise<NextResponse> {
  const config = oidcAuth();
  if (!config) return new NextResponse('Not found', { status: 404 });
  const query = new URL(request.url).searchParams;
  const flow = await unseal(FLOW_PURPOSE, cookieValue);
  if (!flow || typeof flow.s !== 'string' || flow.s !== query.get('state')) {
    throw new SignInFailed('expired', 'no sign-in flow matches this callback');
  }
  const error = query.get('error');
  if (error) throw new SignInFailed('refused', `the provider answered ${error}`);
  const code = query.get('code');
  if (!code) throw new SignInFailed('provider', 'the callback carries no code');
  const provider = await oidcProvider(config);
  const tokens = await redeemCode(config, provider, code, String(flow.cv));
  const session = await sessionFrom(config, provider, tokens, String(flow.n));
  const response = seeOther(safeReturnTo(String(flow.rt)));
  await writeSession(response, session);
  clearFlowCookie(response);
  return response;
}

export function clearFlowCookie(response: NextResponse): void {
  const { name, options } = cookieSpec(FLOW_COOKIE);
  response.cookies.set(name, '', { ...options, expires: new Date(0) });
}

export const flowCookieName = (): string => cookieSpec(FLOW_COOKIE).name;

interface TokenResponse {
  readonly access_token?: string;
  readonly id_token?: string;
  readonly token_type?: string;
}

async function redeemCode(config: OidcAuthConfig, provider: Provider, code: string, verifier: string) {
  const auth = clientAuthentication(config);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    code,
    redirect_uri: config.redirectUri,
    code_verifier: verifier,
    ...(config.resource ? { resource: config.resource } : {}),
    ...auth.body,
  });
  const response = await fetch(provider.metadata.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      ...auth.headers,
    },
    body,
    cache: 'no-store',
    signal: AbortSignal.timeout(10_000),
  });
  const tokens = (await response.json().catch(() => ({}))) as TokenResponse & { error?: string };
  if (
    !response.ok ||
    !tokens.access_token ||
    !tokens.id_token ||
    tokens.token_type?.toLowerCase() !== 'bearer'
  ) {
    throw new SignInFailed(
      'provider',
      `token endpoint answered ${response.status} ${tokens.error ?? ''}`.trim(),
    );
  }
  return { accessToken: tokens.access_token, idToken: tokens.id_token };
}

async function sessionFrom(
  config: OidcAuthConfig,
  provider: Provider,
  tokens: { accessToken: string; idToken: string },
  nonce: string,
): Promise<Session> {
  const issuer = provider.metadata.issuer;
  const options = { issuer, algorithms: SIGNING_ALGORITHMS, clockTolerance: 5 };
  const id = await jwtVerify(tokens.idToken, provider.keys, { ...options, audience: config.clientId }).catch(
    (error: unknown) => {
      throw new SignInFailed('provider', `ID token refused: ${String(error)}`);
    },
  );
  if (id.payload.nonce !== nonce) throw new SignInFailed('provider', 'ID token nonce does not match');
  // The web app reads the access token only to show who is signed in; the services verify it again.
  const access = await jwtVerify(tokens.accessToken, provider.keys, {
    ...options,
    audience: config.audience,
    requiredClaims: ['sub', 'exp'],
  }).catch((error: unknown) => {
    throw new SignInFailed('claims', `access token is not a JWT for ${config.audience}: ${String(error)}`);
  });
  const viewer = viewerFromClaims(access.payload);
  if (!viewer || access.payload.sub !== id.payload.sub) {
    throw new SignInFailed(
      'claims',
      'access token claims break the contract (sub, roles, sellerId, ageVerified)',
    );
  }
  return {
    viewer,
    accessToken: tokens.accessToken,
    idToken: tokens.idToken,
    expiresAt: Number(access.payload.exp),
  };
}

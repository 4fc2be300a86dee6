import type { JWTPayload } from 'jose';
import { cookies } from 'next/headers';
import type { NextResponse } from 'next/server';
import { cookieSpec, seal, unseal } from './sealed-cookie';
import { type Viewer, viewerFromClaims } from './viewer';

/**
 * The session: the viewer, the access token the services verify, and (OIDC) the ID token that
 * RP-initiated logout names. It lives sealed in one httpOnly cookie and ends when the access token
 * does; pages read the viewer, only server code reads the token.
 */
export interface Session {
  readonly viewer: Viewer;
  readonly accessToken: string;
  readonly idToken?: string;
  /** Seconds since the epoch: the access token's `exp`. */
  readonly expiresAt: number;
}

const PURPOSE = 'session';
const COOKIE = 'bookstore_session';
/** Bytes left for the value once the name and attributes are counted, under a 4096-byte cookie. */
const COOKIE_BUDGET = 3_900;

/** The session of the current request (Server Components, route handlers, Server Actions). */
export async function readSession(): Promise<Session | undefined> {
  const { name } = cookieSpec(COOKIE);
  const payload = await unseal(PURPOSE, (await cookies()).get(name)?.value);
  if (!payload || typeof payload.at !== 'string' || typeof payload.exp !== 'number') return undefined;
  const viewer = isClaims(payload.v) ? viewerFromClaims(payload.v) : undefined;
  if (!viewer) return undefined;
  return {
    viewer,
    accessToken: payload.at,
    idToken: typeof payload.it === 'string' ? payload.it : undefined,
    expiresAt: payload.exp,
  };
}

/** Starts a session on the response (a redirect back to where sign-in began). */
export async function writeSession(response: NextResponse, session: Session): Promise<void> {
  const { viewer } = session;
  const claims = {
    sub: viewer.accountId,
    roles: viewer.roles,
    sellerId: viewer.sellerId,
    ageVerified: viewer.ageVerified,
  };
  const sealed = (idToken?: string) =>
    seal(
      PURPOSE,
      { v: claims, at: session.accessToken, ...(idToken ? { it: idToken } : {}) },
      session.expiresAt,
    );
  let value = await sealed(session.idToken);
  // Browsers keep cookies up to about 4 KB. The ID token only serves as logout's id_token_hint,
  // which is optional (client_id is sent too): with large tokens it is the part left out.
  if (value.length > COOKIE_BUDGET && session.idToken) value = await sealed(undefined);
  if (value.length > COOKIE_BUDGET) throw new Error('the access token is too large for the session cookie');
  const { name, options } = cookieSpec(COOKIE, session.expiresAt);
  response.cookies.set(name, value, options);
}

const isClaims = (value: unknown): value is JWTPayload =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function clearSession(response: NextResponse): void {
  const { name, options } = cookieSpec(COOKIE);
  response.cookies.set(name, '', { ...options, expires: new Date(0) });
}

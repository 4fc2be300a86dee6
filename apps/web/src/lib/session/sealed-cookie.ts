import { hkdfSync } from 'node:crypto';
import { EncryptJWT, jwtDecrypt, type JWTPayload } from 'jose';
import { authConfig } from '../config';

/**
 * Cookies whose content only this server can read or forge: a JWE (dir + A256GCM) under a key
 * derived from WEB_SESSION_SECRET. Any replica with the same secret opens them, so the web app
 * keeps no session store. A cookie that does not open (tampered, other key, expired) is absent.
 */
const keys = new Map<string, Uint8Array>();

function keyFor(purpose: string): Uint8Array {
  const { sessionSecret } = authConfig();
  const id = `${purpose}\0${sessionSecret}`;
  let key = keys.get(id);
  if (!key) {
    // One key per purpose: a sign-in flow cookie can never be replayed as a session cookie.
    key = new Uint8Array(hkdfSync('sha256', sessionSecret, 'bookstore-web', purpose, 32));
    keys.set(id, key);
  }
  return key;
}

export async function seal(purpose: string, payload: JWTPayload, expiresAt: number): Promise<string> {
  return new EncryptJWT(payload)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(expiresAt)
    .encrypt(keyFor(purpose));
}

export async function unseal(purpose: string, value: string | undefined): Promise<JWTPayload | undefined> {
  if (!value) return undefined;
  try {
    const { payload } = await jwtDecrypt(value, keyFor(purpose), {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
    });
    return payload;
  } catch {
    return undefined;
  }
}

export interface CookieOptions {
  readonly httpOnly: true;
  readonly secure: boolean;
  readonly sameSite: 'lax';
  readonly path: '/';
  readonly expires?: Date;
}

/** httpOnly, SameSite=Lax, Secure outside a loopback site URL; `__Host-` prefixed when Secure. */
export function cookieSpec(baseName: string, expiresAt?: number): { name: string; options: CookieOptions } {
  const { secureCookies } = authConfig();
  return {
    name: secureCookies ? `__Host-${baseName}` : baseName,
    options: {
      httpOnly: true,
      secure: secureCookies,
      sameSite: 'lax',
      path: '/',
      ...(expiresAt === undefined ? {} : { expires: new Date(expiresAt * 1000) }),
    },
  };
}

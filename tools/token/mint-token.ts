import { SignJWT } from 'jose';
import { ROLES, Role } from '@app/platform';

export interface MintTokenInput {
  readonly secret: string;
  readonly issuer: string;
  readonly audience: string;
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly sellerId?: string;
  readonly ageVerified: boolean;
  /** Lifetime in seconds; negative mints an already expired token (for tests). */
  readonly ttlSeconds: number;
}

/** Mints an HS256 token the way our local identity provider would. Development and tests only. */
export async function mintToken(input: MintTokenInput): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: [...input.roles],
    ...(input.sellerId ? { sellerId: input.sellerId } : {}),
    ageVerified: input.ageVerified,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.subject)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + input.ttlSeconds)
    .sign(new TextEncoder().encode(input.secret));
}

export function parseRole(value: string): Role {
  if (!(ROLES as string[]).includes(value)) {
    throw new Error(`unknown role "${value}": use one of ${ROLES.join(', ')}`);
  }
  return value as Role;
}

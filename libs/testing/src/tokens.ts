import { SignJWT } from 'jose';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET, Role } from '@app/platform';

export interface TestTokenInput {
  readonly sub?: string;
  readonly roles?: Role[];
  readonly sellerId?: string;
  readonly ageVerified?: boolean;
  readonly ttlSeconds?: number;
  readonly secret?: string;
}

/** A signed HS256 token as the local identity provider would mint it. */
export function testToken(input: TestTokenInput = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    roles: input.roles ?? ['customer'],
    ...(input.sellerId ? { sellerId: input.sellerId } : {}),
    ageVerified: input.ageVerified ?? true,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(input.sub ?? 'acc-test')
    .setIssuer(LOCAL_AUTH_ISSUER)
    .setAudience(LOCAL_AUTH_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + (input.ttlSeconds ?? 600))
    .sign(new TextEncoder().encode(input.secret ?? LOCAL_DEV_JWT_SECRET));
}

/** An unsigned `alg: none` token carrying otherwise valid claims: every service must refuse it. */
export function unsignedToken(claims: Record<string, unknown> = {}): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({
    sub: 'acc-attacker',
    roles: ['moderator'],
    iss: LOCAL_AUTH_ISSUER,
    aud: LOCAL_AUTH_AUDIENCE,
    iat: now,
    exp: now + 600,
    ...claims,
  })}.`;
}

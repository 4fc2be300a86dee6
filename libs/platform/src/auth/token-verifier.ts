import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, errors, jwtVerify, JWTVerifyGetKey } from 'jose';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { UnauthenticatedError } from '../errors/domain-error';
import { claimsSchema, Principal } from './claims';

export const AuthErrorCode = {
  Missing: 'AUTH_TOKEN_MISSING',
  Malformed: 'AUTH_TOKEN_MALFORMED',
  Expired: 'AUTH_TOKEN_EXPIRED',
  Invalid: 'AUTH_TOKEN_INVALID',
  ClaimsInvalid: 'AUTH_CLAIMS_INVALID',
} as const;

const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies bearer tokens. Services are resource servers: they never issue tokens. Locally the key is
 * a shared HS256 secret; in production it is the issuer's JWKS, fetched and cached by `jose`.
 * The accepted algorithms are pinned, so `alg: none` and algorithm-confusion tokens are refused.
 */
@Injectable()
export class TokenVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { jwksUrl, jwtSecret } = config.auth;
    if (jwksUrl) {
      this.key = createRemoteJWKSet(new URL(jwksUrl));
      this.algorithms = ['RS256', 'ES256', 'PS256', 'EdDSA'];
    } else {
      this.key = new TextEncoder().encode(jwtSecret);
      this.algorithms = ['HS256'];
    }
  }

  async verify(authorization: string | undefined): Promise<Principal> {
    const token = bearerToken(authorization);
    try {
      const { payload } = await jwtVerify(token, this.key as Uint8Array, {
        algorithms: this.algorithms,
        issuer: this.config.auth.issuer,
        audience: this.config.auth.audience,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['sub', 'exp'],
      });
      return toPrincipal(payload);
    } catch (error) {
      throw translateJoseError(error);
    }
  }
}

function bearerToken(authorization: string | undefined): string {
  if (!authorization) {
    throw new UnauthenticatedError(
      AuthErrorCode.Missing,
      'This route needs a bearer token: send "Authorization: Bearer <token>".',
    );
  }
  const match = /^Bearer ([A-Za-z0-9_-]*\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/.exec(authorization.trim());
  if (!match) {
    throw new UnauthenticatedError(
      AuthErrorCode.Malformed,
      'The Authorization header must be "Bearer " followed by a JWT (three base64url parts).',
    );
  }
  return match[1];
}

function toPrincipal(payload: unknown): Principal {
  const claims = claimsSchema.safeParse(payload);
  if (!claims.success) {
    const problems = claims.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ');
    throw new UnauthenticatedError(
      AuthErrorCode.ClaimsInvalid,
      `The token's claims are invalid: ${problems}.`,
    );
  }
  const { sub, roles, sellerId, ageVerified, exp } = claims.data;
  return {
    accountId: sub,
    roles,
    sellerId,
    ageVerified,
    expiresAt: exp === undefined ? undefined : new Date(exp * 1000),
  };
}

function translateJoseError(error: unknown): Error {
  if (error instanceof UnauthenticatedError) return error;
  if (error instanceof errors.JWTExpired) {
    return new UnauthenticatedError(AuthErrorCode.Expired, 'The bearer token has expired: get a new one.');
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return new UnauthenticatedError(
      AuthErrorCode.Invalid,
      'The bearer token uses a signing algorithm this service does not accept.',
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return new UnauthenticatedError(AuthErrorCode.Invalid, 'The bearer token signature does not verify.');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    return new UnauthenticatedError(
      AuthErrorCode.ClaimsInvalid,
      `The bearer token's "${error.claim}" claim is not acceptable (${error.reason}).`,
    );
  }
  if (error instanceof errors.JOSEError) {
    return new UnauthenticatedError(AuthErrorCode.Invalid, 'The bearer token could not be verified.');
  }
  return error instanceof Error ? error : new Error(String(error));
}

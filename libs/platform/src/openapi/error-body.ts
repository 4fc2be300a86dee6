import { z } from 'zod';
import { AuthErrorCode } from '../auth/token-verifier';
import { INTERNAL_ERROR_CODE } from '../errors/domain-error';

/** The one error body every service answers with, as documented (`correlationId` is always set). */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.string().describe('Stable, machine-readable; clients switch on it.'),
    message: z.string().describe('For people; may change wording.'),
    details: z
      .unknown()
      .optional()
      .describe('Code-specific facts, e.g. the field problems of VALIDATION_FAILED.'),
    correlationId: z.string().describe('Echoes X-Correlation-Id (or the one the service made up).'),
  }),
});

/** Codes the platform itself answers with, by the kind of route. */
export const PLATFORM_ERROR_CODES = {
  validation: 'VALIDATION_FAILED',
  unreadableBody: 'BAD_REQUEST',
  bodyTooLarge: 'PAYLOAD_TOO_LARGE',
  unsupportedMediaType: 'UNSUPPORTED_MEDIA_TYPE',
  /** Every signed-in route: the bearer token's problems. */
  token: Object.values(AuthErrorCode),
  /** An optional-auth route reads a token only when one is sent, so it cannot be missing. */
  optionalToken: Object.values(AuthErrorCode).filter((code) => code !== AuthErrorCode.Missing),
  role: 'ROLE_REQUIRED',
  internal: INTERNAL_ERROR_CODE,
  unavailable: 'SERVICE_UNAVAILABLE',
} as const;

/**
 * What kind of failure a domain error is. Services speak in kinds and stable codes; each transport
 * decides what a kind means for it (an HTTP status, a retry or a dead letter).
 */
export type ErrorKind =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'precondition_failed'
  | 'unprocessable'
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `body.price.amountMinor` or `query.limit`. */
  readonly field: string;
  /** The rule it broke, e.g. `required`, `max_length`, `unknown_field`, `format`. */
  readonly rule: string;
  readonly message: string;
}

export interface DomainErrorOptions {
  readonly details?: unknown;
  /** Seconds after which a retry may succeed (409 REFERENCE_NOT_YET_KNOWN, 429). */
  readonly retryAfterSeconds?: number;
  readonly cause?: unknown;
}

/** A rule of the domain said no. Carries a stable machine-readable code and a human message. */
export class DomainError extends Error {
  readonly details?: unknown;
  readonly retryAfterSeconds?: number;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'DomainError';
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

export class ValidationError extends DomainError {
  constructor(readonly problems: FieldProblem[]) {
    super('validation', 'VALIDATION_FAILED', problems.map((p) => `${p.field}: ${p.message}`).join('; '), {
      details: problems,
    });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(code: string, message: string) {
    super('unauthenticated', code, message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string) {
    super('forbidden', code, message);
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string) {
    super('not_found', code, message);
  }
}

/** Code of every error nobody planned for; its message never carries internals. */
export const INTERNAL_ERROR_CODE = 'INTERNAL_ERROR';

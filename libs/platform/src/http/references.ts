import { DomainError, NotFoundError } from '../errors/domain-error';

/**
 * How long a reference to another service's entity may be unknown locally before it is treated as
 * not existing: the time events need to arrive (docs/architecture.md, "Not yet known references").
 */
export const REFERENCE_GRACE_S = 30;

/** Milliseconds since the epoch embedded in a UUIDv7, or undefined for any other id. */
export function uuidV7Time(id: string): number | undefined {
  const match = /^([0-9a-f]{8})-([0-9a-f]{4})-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.exec(id);
  return match ? parseInt(match[1] + match[2], 16) : undefined;
}

/**
 * The error for a reference the local projection does not know: 409 REFERENCE_NOT_YET_KNOWN with
 * Retry-After while the id is young enough that its event may still be on the way (ids are
 * UUIDv7, so their age is known), a plain not-found after that.
 */
export function unknownReference(input: {
  kind: string;
  id: string;
  notFoundCode: string;
  now?: number;
  graceSeconds?: number;
}): DomainError {
  const grace = (input.graceSeconds ?? REFERENCE_GRACE_S) * 1000;
  const createdAt = uuidV7Time(input.id);
  const now = input.now ?? Date.now();
  if (createdAt !== undefined && now - createdAt >= -grace && now - createdAt < grace) {
    const retryAfter = Math.max(1, Math.ceil((createdAt + grace - now) / 1000 / 5));
    return new DomainError(
      'conflict',
      'REFERENCE_NOT_YET_KNOWN',
      `${input.kind} ${input.id} is not known here yet; it was created moments ago. Retry shortly.`,
      { retryAfterSeconds: retryAfter, details: { kind: input.kind, id: input.id } },
    );
  }
  return new NotFoundError(input.notFoundCode, `${input.kind} ${input.id} does not exist.`);
}

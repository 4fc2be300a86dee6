import { DomainError } from '../errors/domain-error';
import { PermanentEventError } from './event-bus';

export interface RetryPolicy {
  /** Attempts in all, the first included, before a transient failure is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  initialBackoffMs: 100,
  maxBackoffMs: 2_000,
};

/** Exponential backoff with full jitter, so replicas retrying together do not stampede. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** (attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * Only transient faults are worth retrying. A domain rule saying no, or an event the handler
 * declares impossible, fails the same way every time.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof PermanentEventError) return false;
  if (error instanceof DomainError) return error.kind === 'unavailable' || error.kind === 'conflict';
  return true;
}

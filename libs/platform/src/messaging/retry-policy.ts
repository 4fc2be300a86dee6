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

const INFRASTRUCTURE_ERRORS = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'PoolClosedError',
  'KafkaJSConnectionError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSRequestTimeoutError',
]);

/**
 * The store or the broker is unreachable: every event would fail the same way, so the consumer
 * waits (keeping its place) instead of dead-lettering healthy events.
 */
export function isInfrastructureFault(error: unknown): boolean {
  return error instanceof Error && INFRASTRUCTURE_ERRORS.has(error.name);
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

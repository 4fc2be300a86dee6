import { DomainError } from '../errors/domain-error';
import { PermanentEventError } from './event-bus';
import { backoffMs, isRetryable } from './retry-policy';

describe('retry policy', () => {
  const policy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles the backoff per attempt up to the ceiling, with jitter in the upper half', () => {
    expect(backoffMs(policy, 1, () => 0)).toBe(50);
    expect(backoffMs(policy, 1, () => 1)).toBe(100);
    expect(backoffMs(policy, 3, () => 1)).toBe(400);
    expect(backoffMs(policy, 10, () => 1)).toBe(1_000);
  });

  it('retries transient faults but not permanent ones or domain refusals', () => {
    expect(isRetryable(new Error('connection reset'))).toBe(true);
    expect(isRetryable(new DomainError('unavailable', 'STORE_DOWN', 'store down'))).toBe(true);
    expect(isRetryable(new PermanentEventError('impossible'))).toBe(false);
    expect(isRetryable(new DomainError('validation', 'BAD', 'bad'))).toBe(false);
  });
});

import { DomainError, NotFoundError } from '@app/platform';

export const feedNotFound = (feedId: string): DomainError =>
  new NotFoundError('FEED_NOT_FOUND', `inventory feed ${feedId} does not exist.`);

export const feedUnreadable = (message: string): DomainError =>
  new DomainError('validation', 'FEED_UNREADABLE', message);

export const feedTooLarge = (rows: number, max: number): DomainError =>
  new DomainError(
    'unprocessable',
    'FEED_TOO_LARGE',
    `The feed has ${rows} rows; at most ${max} are accepted.`,
    {
      details: { rows, max },
    },
  );

export const idempotencyKeyReused = (feedId: string): DomainError =>
  new DomainError(
    'unprocessable',
    'IDEMPOTENCY_KEY_REUSED',
    `This Idempotency-Key was used for feed ${feedId} with a different file.`,
    { details: { feedId } },
  );

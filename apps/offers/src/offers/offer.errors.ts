import { DomainError, NotFoundError } from '@app/platform';

export const offerNotFound = (offerId: string): DomainError =>
  new NotFoundError('OFFER_NOT_FOUND', `offer ${offerId} does not exist.`);

export const offerUnderModeration = (offerId: string): DomainError =>
  new DomainError(
    'conflict',
    'OFFER_UNDER_MODERATION',
    `offer ${offerId} is held or suspended by moderation and cannot be changed.`,
    { details: { offerId } },
  );

export const staleVersion = (offerId: string, currentVersion: number): DomainError =>
  new DomainError(
    'precondition_failed',
    'VERSION_MISMATCH',
    `offer ${offerId} has changed since you read it; it is now at version ${currentVersion}.`,
    { details: { offerId, currentVersion } },
  );

export const skuTaken = (sku: string, offerId: string): DomainError =>
  new DomainError('conflict', 'OFFER_SKU_EXISTS', `SKU ${sku} already identifies offer ${offerId}.`, {
    details: { sku, offerId },
  });

export const insufficientQuantity = (offerId: string, quantity: number): DomainError =>
  new DomainError(
    'conflict',
    'INSUFFICIENT_QUANTITY',
    `offer ${offerId} has ${quantity} in stock; the adjustment would go below zero.`,
    { details: { offerId, quantity } },
  );

export const tooManyConcurrentWrites = (offerId: string): DomainError =>
  new DomainError(
    'conflict',
    'CONCURRENT_MODIFICATION',
    `offer ${offerId} is being changed by many writers at once; retry.`,
    { retryAfterSeconds: 1, details: { offerId } },
  );

/** A rule an offer's fields broke; the feed reports `code` per row, HTTP answers 422. */
export class OfferRuleError extends DomainError {
  constructor(
    code: string,
    message: string,
    readonly field: string,
  ) {
    super('unprocessable', code, message, { details: { field } });
  }
}

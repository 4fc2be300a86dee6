import { DomainError, NotFoundError, ValidationError } from '@app/platform';

export const ProductErrorCode = {
  NotFound: 'PRODUCT_NOT_FOUND',
  IsbnTaken: 'PRODUCT_ISBN_TAKEN',
  VersionMismatch: 'PRODUCT_VERSION_MISMATCH',
} as const;

/** Also what a shopper gets for a hidden product: hidden is indistinguishable from absent. */
export class ProductNotFoundError extends NotFoundError {
  constructor(productId: string) {
    super(ProductErrorCode.NotFound, `product ${productId} does not exist`);
  }
}

export class IsbnTakenError extends DomainError {
  constructor(isbn13: string, existingId?: string) {
    super('conflict', ProductErrorCode.IsbnTaken, `another product already has ISBN-13 ${isbn13}`, {
      details: existingId ? { productId: existingId } : undefined,
    });
  }
}

export class ProductVersionMismatchError extends DomainError {
  constructor(expected: number, current: number) {
    super(
      'precondition_failed',
      ProductErrorCode.VersionMismatch,
      `If-Match names version ${expected} but the product is at version ${current}; re-read and retry`,
      { details: { currentVersion: current } },
    );
  }
}

export function invalidIsbn(field: string, rule: 'format' | 'checksum'): ValidationError {
  return new ValidationError([
    {
      field,
      rule: rule === 'checksum' ? 'isbn_checksum' : 'isbn_format',
      message:
        rule === 'checksum'
          ? `${field}: the check digit does not match (ISBN-13 or ISBN-10)`
          : `${field}: must be an ISBN-13 (978/979 + 10 digits) or an ISBN-10`,
    },
  ]);
}

export function foreignCurrency(field: string, currency: string): ValidationError {
  return new ValidationError([
    { field, rule: 'currency', message: `${field}: the marketplace sells in ${currency} only` },
  ]);
}

export function malformedIfMatch(): ValidationError {
  return new ValidationError([
    {
      field: 'header.if-match',
      rule: 'format',
      message: 'header.if-match: must be a product version, e.g. "3"',
    },
  ]);
}

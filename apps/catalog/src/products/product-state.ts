import type { ProductState } from '@app/contracts';
import { isbn13To10 } from './isbn';
import { NO_PRICE, NO_RATING, ProductDocument } from './product.schema';
import { searchTokensFor } from './search-tokens';

/** The editor-owned fields of a product (everything but identity, version and timestamps). */
export type ProductContent = Omit<
  ProductState,
  'productId' | 'version' | 'createdAt' | 'updatedAt' | 'visibility'
>;

/** Fields of the state, in the order change lists name them. */
export const CONTENT_FIELDS = [
  'isbn13',
  'title',
  'subtitle',
  'contributors',
  'format',
  'publisher',
  'publicationDate',
  'pageCount',
  'language',
  'series',
  'description',
  'illustrationsNote',
  'subjects',
  'listPrice',
  'imageUrls',
  'editorialReviews',
  'availability',
] as const satisfies readonly (keyof ProductContent)[];

/** The full state as catalog.product.v1 carries it, built from the stored document. */
export function toProductState(doc: ProductDocument, version = doc.version): ProductState {
  const state: ProductState = {
    productId: doc._id,
    isbn13: doc.isbn13,
    title: doc.title,
    contributors: doc.contributors,
    format: doc.format,
    subjects: doc.subjects ?? [],
    imageUrls: doc.imageUrls ?? [],
    editorialReviews: doc.editorialReviews ?? [],
    availability: doc.availability,
    visibility: doc.visibility,
    version,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
  for (const field of CONTENT_FIELDS) {
    const value = doc[field];
    if (value !== undefined && value !== null) (state as Record<string, unknown>)[field] = value;
  }
  return state;
}

/** What search finds a product by: title, subtitle, contributors, series, publisher, ISBNs. */
export function searchTokensOf(content: ProductContent): string[] {
  const isbn10 = isbn13To10(content.isbn13);
  return searchTokensFor(
    [
      content.title,
      content.subtitle,
      ...content.contributors.map((c) => c.name),
      content.series?.name,
      content.publisher,
    ],
    isbn10 ? [content.isbn13, isbn10] : [content.isbn13],
  );
}

/** Fields whose value differs (deep, by JSON): the `changedFields` of a ProductUpdated. */
export function changedContentFields(before: ProductContent, after: ProductContent): string[] {
  return CONTENT_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

/** A new product document at version 1, with empty summaries. */
export function newProductDocument(
  id: string,
  content: ProductContent,
  now: string,
): Omit<ProductDocument, 'version' | 'outbox' | 'outboxPendingSince'> {
  return {
    _id: id,
    ...content,
    visibility: 'visible',
    createdAt: now,
    updatedAt: now,
    moderationActionIds: [],
    searchTokens: searchTokensOf(content),
    offerSummaryVersion: 0,
    ratingSummaryVersion: 0,
    priceKey: NO_PRICE,
    ratingKey: NO_RATING,
    dateKey: content.publicationDate ?? '',
    offerClasses: [],
  };
}

/** Picks the editor-owned content out of a stored document. */
export function contentOf(doc: ProductDocument): ProductContent {
  const {
    productId: _id,
    version: _v,
    createdAt: _c,
    updatedAt: _u,
    visibility: _vis,
    ...content
  } = toProductState(doc);
  return content;
}

import { Schema } from 'mongoose';
import type { ProductState } from '@app/contracts';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';
import type { StoredOfferSummary, StoredRatingSummary } from '../summaries/summary-rules';

export const PRODUCTS_COLLECTION = 'products';

/** The last moderation action that changed the product (why it is hidden, and by which case). */
export interface ProductModerationRecord {
  action: string;
  caseId: string;
  reasonCode: string;
  actionEventId: string;
  at: string;
}

/**
 * One product: the book's state as catalog editors keep it, plus the read model the product page
 * and search need (both summaries and the keys derived from them), in one document so a page is
 * one read. The product's own writes never touch the summary fields and vice versa.
 */
export interface ProductDocument extends Omit<ProductState, 'productId' | 'version'>, OutboxFields {
  _id: string;
  moderation?: ProductModerationRecord;
  /** Applied moderation action ids (bounded): a redelivered action changes nothing. */
  moderationActionIds: string[];
  /** Folded words and prefixes of title, subtitle, contributors, series, publisher and ISBNs. */
  searchTokens: string[];
  offerSummary?: StoredOfferSummary;
  /** 0 until the first offer summary arrives: the version guard is a plain `$lt`. */
  offerSummaryVersion: number;
  ratingSummary?: StoredRatingSummary;
  ratingSummaryVersion: number;
  /** Sort and filter keys derived from the summaries (no offers: priceKey = NO_PRICE). */
  priceKey: number;
  ratingKey: number;
  /** Publication date or '' when unknown, so "newest" has a key on every product. */
  dateKey: string;
  offerClasses: string[];
}

/** Products without offers sort after every priced one in "lowest price" order. */
export const NO_PRICE = Number.MAX_SAFE_INTEGER;
/** Products without reviews sort after every rated one in "rating" order (ratingKey = tenths). */
export const NO_RATING = -1;

export const productSchema = new Schema<ProductDocument>(
  {
    _id: String,
    isbn13: { type: String, required: true },
    title: { type: String, required: true },
    subtitle: String,
    contributors: { type: [Object], default: () => [] },
    format: { type: String, required: true },
    publisher: String,
    publicationDate: String,
    pageCount: Number,
    language: String,
    series: Object,
    description: String,
    illustrationsNote: String,
    subjects: { type: [String], default: () => [] },
    listPrice: Object,
    imageUrls: { type: [String], default: () => [] },
    editorialReviews: { type: [Object], default: () => [] },
    availability: { type: String, required: true },
    visibility: { type: String, required: true },
    createdAt: String,
    updatedAt: String,
    moderation: Object,
    moderationActionIds: { type: [String], default: () => [] },
    searchTokens: { type: [String], default: () => [] },
    offerSummary: Object,
    offerSummaryVersion: { type: Number, default: 0 },
    ratingSummary: Object,
    ratingSummaryVersion: { type: Number, default: 0 },
    priceKey: { type: Number, default: NO_PRICE },
    ratingKey: { type: Number, default: NO_RATING },
    dateKey: { type: String, default: '' },
    offerClasses: { type: [String], default: () => [] },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, minimize: false },
);

// ISBN-13 is the book's natural key: `findOne({ isbn13 })` (GET /products?isbn=, the duplicate
// check) and the 409 on a second book with the same ISBN. Unique indexes serve equality here.
productSchema.index({ isbn13: 1 }, { unique: true, name: 'isbn13_unique' });
// Search: `{ searchTokens: <longest token>, $and: [{ searchTokens: { $all: <the rest> } }],
// visibility, ...filters }` (product-search.query.ts). The plain equality is what our development
// store (mongo-java-server) can serve from this multikey index; it read every product for a bare
// `$all`. MongoDB bounds the scan by that token either way.
productSchema.index({ searchTokens: 1 }, { name: 'search_tokens' });
// Browsing without `q`, one index per sort so MongoDB walks it in order with the keyset cursor:
// `{ visibility: 'visible', ...filters }` sorted by price, rating or publication date, then _id.
productSchema.index({ visibility: 1, priceKey: 1, _id: 1 }, { name: 'browse_price' });
productSchema.index({ visibility: 1, ratingKey: -1, _id: 1 }, { name: 'browse_rating' });
productSchema.index({ visibility: 1, dateKey: -1, _id: 1 }, { name: 'browse_newest' });
// The outbox relay's sweep, every second, by its pending flag (aggregate-writes.ts): before, a
// range query read all 100,000 products under the collection's lock and the page stalled behind it.
productSchema.index(OUTBOX_SWEEP_INDEX, { ...OUTBOX_SWEEP_INDEX_OPTIONS, name: 'outbox_pending' });

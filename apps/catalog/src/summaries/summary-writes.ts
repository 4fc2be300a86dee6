import type { mongo } from 'mongoose';
import { NO_PRICE, NO_RATING, ProductDocument } from '../products/product.schema';
import { StoredOfferSummary, StoredRatingSummary } from './summary-rules';

type Products = mongo.Collection<ProductDocument>;

export type SummaryWriteOutcome = 'applied' | 'skipped-stale' | 'unknown-product';

/**
 * Version guard in the filter of the one atomic update: the summary and the keys search sorts
 * and filters by are replaced only when the stored version is older. `{ _id }` is the served
 * shape; the version condition is checked on that one document.
 */
async function guardedSet(
  products: Products,
  productId: string,
  versionField: 'offerSummaryVersion' | 'ratingSummaryVersion',
  version: number,
  set: Partial<ProductDocument>,
): Promise<SummaryWriteOutcome> {
  const result = await products.updateOne({ _id: productId, [versionField]: { $lt: version } } as never, {
    $set: { ...set, [versionField]: version },
  });
  if (result.matchedCount === 1) return 'applied';
  const exists = await products.countDocuments({ _id: productId }, { limit: 1 });
  return exists ? 'skipped-stale' : 'unknown-product';
}

export function applyOfferSummary(
  products: Products,
  productId: string,
  summary: StoredOfferSummary,
): Promise<SummaryWriteOutcome> {
  const classes = (['new', 'used', 'collectible'] as const).filter(
    (c) => summary.byConditionClass[c].count > 0,
  );
  return guardedSet(products, productId, 'offerSummaryVersion', summary.version, {
    offerSummary: summary,
    priceKey: summary.lowestPrice?.amountMinor ?? NO_PRICE,
    offerClasses: classes,
  });
}

export function applyRatingSummary(
  products: Products,
  productId: string,
  summary: StoredRatingSummary,
): Promise<SummaryWriteOutcome> {
  // Tenths of a star, as the page rounds the average, so "4 stars & up" is ratingKey >= 40.
  const ratingKey = summary.count > 0 ? Math.round((summary.ratingSum * 10) / summary.count) : NO_RATING;
  return guardedSet(products, productId, 'ratingSummaryVersion', summary.version, {
    ratingSummary: summary,
    ratingKey,
  });
}

/** Forgets every summary (the first step of a rebuild from the topics). Returns products reset. */
export async function resetSummaries(products: Products): Promise<number> {
  const result = await products.updateMany({}, {
    $set: {
      offerSummaryVersion: 0,
      ratingSummaryVersion: 0,
      priceKey: NO_PRICE,
      ratingKey: NO_RATING,
      offerClasses: [],
    },
    $unset: { offerSummary: '', ratingSummary: '' },
  } as never);
  return result.modifiedCount;
}

import type { Money } from '@app/contracts';
import {
  averageRating,
  handlingLabel,
  savingsPercent,
  StoredOfferSummary,
  StoredRatingSummary,
} from '../summaries/summary-rules';
import type { StoredProduct } from './product.repository';
import { toProductState } from './product-state';
import type { ProductDocument } from './product.schema';

/**
 * Pure mapping from the stored document to what HTTP answers. Key order is fixed here, so the same
 * stored summaries always serialize to the same bytes (a rebuild is compared byte for byte).
 */

const EMPTY_CLASS = { count: 0, lowestPrice: null };

export function offerSummaryView(summary: StoredOfferSummary | undefined, listPrice: Money | undefined) {
  const s = summary;
  const lowestPrice = s?.lowestPrice ?? null;
  const classView = (c: 'new' | 'used' | 'collectible') => {
    const entry = s?.byConditionClass[c] ?? EMPTY_CLASS;
    return {
      count: entry.count,
      lowestPrice: entry.lowestPrice,
      savingsPercent: savingsPercent(listPrice, entry.lowestPrice),
    };
  };
  return {
    version: s?.version ?? 0,
    asOf: s?.asOf ?? null,
    totalOffers: s?.totalOffers ?? 0,
    byConditionClass: {
      new: classView('new'),
      used: classView('used'),
      collectible: classView('collectible'),
    },
    lowestPrice,
    savingsPercent: savingsPercent(listPrice, lowestPrice),
    bestHandlingDays: s?.bestHandlingDays ?? null,
    handlingLabel: handlingLabel(s?.bestHandlingDays ?? null),
  };
}

export function ratingSummaryView(summary: StoredRatingSummary | undefined) {
  const count = summary?.count ?? 0;
  const d = summary?.distribution;
  return {
    version: summary?.version ?? 0,
    asOf: summary?.asOf ?? null,
    count,
    average: averageRating(count, summary?.ratingSum ?? 0),
    distribution: ([5, 4, 3, 2, 1] as const).map((stars) => ({ stars, count: d?.[`${stars}`] ?? 0 })),
    // The page's empty state ("Be the first to write a review"), as a flag clients can switch on.
    firstReviewWanted: count === 0,
  };
}

/** Moderation details are for catalog editors and moderators only. */
export function productView(product: StoredProduct, privileged: boolean) {
  const { productId, ...state } = toProductState(product as ProductDocument);
  return {
    id: productId,
    ...state,
    ...(privileged && product.moderation ? { moderation: product.moderation } : {}),
  };
}

export function productPageView(product: StoredProduct, privileged: boolean) {
  return {
    product: productView(product, privileged),
    offerSummary: offerSummaryView(product.offerSummary, product.listPrice),
    ratingSummary: ratingSummaryView(product.ratingSummary),
  };
}

/** A search result: enough for a result card, linking to the page by id. */
export function productCardView(product: StoredProduct, privileged: boolean) {
  const offers = offerSummaryView(product.offerSummary, product.listPrice);
  const ratings = ratingSummaryView(product.ratingSummary);
  return {
    id: product._id,
    isbn13: product.isbn13,
    title: product.title,
    ...(product.subtitle ? { subtitle: product.subtitle } : {}),
    contributors: product.contributors.map(({ name, role }) => ({ name, role })),
    format: product.format,
    ...(product.publicationDate ? { publicationDate: product.publicationDate } : {}),
    ...(product.series ? { series: product.series } : {}),
    ...(product.listPrice ? { listPrice: product.listPrice } : {}),
    availability: product.availability,
    ...(privileged ? { visibility: product.visibility } : {}),
    version: product.version,
    offers: {
      totalOffers: offers.totalOffers,
      lowestPrice: offers.lowestPrice,
      savingsPercent: offers.savingsPercent,
    },
    ratings: { count: ratings.count, average: ratings.average },
  };
}

import { EventPayloadInputMap, EventType } from '@app/contracts';

const NOW = '2026-11-28T12:00:00.000Z';
const usd = (amountMinor: number) => ({ amountMinor, currency: 'USD' });

export const sampleProduct = {
  productId: '0193c9a0-0000-7000-8000-000000000001',
  isbn13: '9780804725217',
  title: 'Uncertain Partners',
  subtitle: 'Stalin, Mao, and the Korean War',
  contributors: [{ name: 'Sergei N. Goncharov', role: 'author' as const }],
  format: 'paperback' as const,
  pageCount: 393,
  series: { name: 'Studies in International Security and Arms Control', volume: 4 },
  subjects: ['History'],
  listPrice: usd(3295),
  imageUrls: [],
  editorialReviews: [],
  availability: 'in_print' as const,
  visibility: 'visible' as const,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

const sampleOffer = {
  offerId: '0193c9a0-0000-7000-8000-000000000002',
  productId: sampleProduct.productId,
  sellerId: 's-1',
  sku: 'UP-001',
  condition: 'used_good' as const,
  conditionNote: 'Item is in good condition but packaging may have signs of shelf wear.',
  price: usd(261),
  quantity: 1,
  handlingDays: { min: 1, max: 2 },
  status: 'active' as const,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

const sampleReview = {
  reviewId: '0193c9a0-0000-7000-8000-000000000003',
  productId: sampleProduct.productId,
  accountId: 'acc-1',
  penNameId: null,
  rating: 5,
  title: 'A standard work',
  body: 'A careful account of how the alliance and the war came about.',
  recommendedProductIds: [],
  status: 'published' as const,
  ruleSetVersion: '1',
  softSignals: [],
  helpfulVotes: 0,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

const samplePenName = {
  penNameId: '0193c9a0-0000-7000-8000-000000000004',
  accountId: 'acc-1',
  name: 'history_reader',
  status: 'active' as const,
  version: 1,
  createdAt: NOW,
  updatedAt: NOW,
};

const moderation = {
  action: 'hold' as const,
  actionEventId: '0193c9a0-0000-7000-8000-0000000000aa',
  caseId: 'case-1',
  applied: true,
};

const target = { type: 'review' as const, id: sampleReview.reviewId };

/** One valid payload per event type, for contract and consumer tests. */
export const SAMPLE_PAYLOADS: { [T in EventType]: EventPayloadInputMap[T] } = {
  ProductCreated: { product: sampleProduct, changedFields: [] },
  ProductUpdated: { product: { ...sampleProduct, version: 2 }, changedFields: ['title'] },
  ProductModerated: {
    product: { ...sampleProduct, visibility: 'held' },
    changedFields: ['visibility'],
    moderation,
  },
  OfferListed: { offer: sampleOffer, changedFields: [] },
  OfferUpdated: { offer: { ...sampleOffer, quantity: 2 }, changedFields: ['quantity'] },
  OfferWithdrawn: { offer: { ...sampleOffer, status: 'withdrawn' }, changedFields: ['status'] },
  OfferModerated: { offer: { ...sampleOffer, status: 'held' }, changedFields: ['status'], moderation },
  OfferSummaryChanged: {
    productId: sampleProduct.productId,
    version: 3,
    totalOffers: 23,
    byConditionClass: {
      new: { count: 6, lowestPrice: usd(1994) },
      used: { count: 17, lowestPrice: usd(261) },
      collectible: { count: 0, lowestPrice: null },
    },
    lowestPrice: usd(261),
    bestHandlingDays: { min: 1, max: 2 },
  },
  ReviewSubmitted: { review: { ...sampleReview, status: 'pending' }, changedFields: [] },
  ReviewPublished: { review: sampleReview, changedFields: ['status'] },
  ReviewUpdated: { review: { ...sampleReview, rating: 4 }, changedFields: ['rating'] },
  ReviewWithdrawn: { review: { ...sampleReview, status: 'withdrawn' }, changedFields: ['status'] },
  ReviewModerated: { review: { ...sampleReview, status: 'held' }, changedFields: ['status'], moderation },
  PenNameCreated: { penName: samplePenName, changedFields: [] },
  PenNameModerated: { penName: { ...samplePenName, status: 'held' }, changedFields: ['status'], moderation },
  RatingSummaryChanged: {
    productId: sampleProduct.productId,
    version: 1,
    count: 2,
    ratingSum: 9,
    distribution: { '1': 0, '2': 0, '3': 0, '4': 1, '5': 1 },
  },
  HoldPlaced: { caseId: 'case-1', target, reasonCode: 'offensive' },
  DecisionMade: {
    caseId: 'case-1',
    target,
    decision: 'keep',
    reasonCode: 'no_violation',
    statement: 'Fine.',
  },
};

import { Topic } from './topics';

/**
 * Consumer groups, one per independent reader. A summary builder is its own group so it reads the
 * owner's entity topic at its own pace. Do not rename a group without a migration: its committed
 * offsets live under this id.
 */
export const ConsumerGroup = {
  Catalog: 'catalog',
  Offers: 'offers',
  OffersSummaryBuilder: 'offers.summary-builder',
  Reviews: 'reviews',
  ReviewsSummaryBuilder: 'reviews.summary-builder',
  Reports: 'reports',
} as const;
export type ConsumerGroup = (typeof ConsumerGroup)[keyof typeof ConsumerGroup];

export const CONSUMER_GROUP_TOPICS: Readonly<Record<ConsumerGroup, readonly Topic[]>> = {
  [ConsumerGroup.Catalog]: [Topic.OffersSummary, Topic.ReviewsRatingSummary, Topic.ModerationAction],
  [ConsumerGroup.Offers]: [Topic.CatalogProduct, Topic.ModerationAction],
  [ConsumerGroup.OffersSummaryBuilder]: [Topic.OffersOffer],
  [ConsumerGroup.Reviews]: [Topic.CatalogProduct, Topic.ModerationAction],
  [ConsumerGroup.ReviewsSummaryBuilder]: [Topic.ReviewsReview],
  [ConsumerGroup.Reports]: [
    Topic.CatalogProduct,
    Topic.OffersOffer,
    Topic.ReviewsReview,
    Topic.ReviewsPenName,
  ],
};

/**
 * `npm run dlq` reads dead letters under throwaway groups `<prefix>dlq-tool-<uuid>` and deletes them
 * afterwards; ACLs for the dead-letter tool are granted on this prefix.
 */
export const DEAD_LETTER_TOOL_GROUP_PREFIX = 'dlq-tool-';

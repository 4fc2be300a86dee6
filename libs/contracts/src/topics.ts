/**
 * Every Kafka topic of the marketplace, declared once. Producers, consumers, `infra:up`, the test
 * setup and the Kubernetes `KafkaTopic` resources all read this list: nothing else spells a topic.
 *
 * Do not rename a topic without a migration: entity and summary topics are log-compacted and are
 * replayed from offset zero to rebuild projections.
 */
export const Topic = {
  CatalogProduct: 'catalog.product.v1',
  OffersOffer: 'offers.offer.v1',
  OffersSummary: 'offers.summary.v1',
  ReviewsReview: 'reviews.review.v1',
  ReviewsPenName: 'reviews.pen-name.v1',
  ReviewsRatingSummary: 'reviews.rating-summary.v1',
  ModerationAction: 'moderation.action.v1',
} as const;
export type Topic = (typeof Topic)[keyof typeof Topic];

export type CleanupPolicy = 'compact' | 'delete';

export interface TopicSpec {
  readonly name: Topic;
  /** The envelope field whose value is the message key (ordering is per key). */
  readonly key: string;
  readonly partitions: number;
  readonly cleanupPolicy: CleanupPolicy;
  /** For `delete` topics: how long messages are kept. Compacted topics keep the latest per key forever. */
  readonly retentionMs?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

export const TOPIC_SPECS: readonly TopicSpec[] = [
  { name: Topic.CatalogProduct, key: 'productId', partitions: 6, cleanupPolicy: 'compact' },
  { name: Topic.OffersOffer, key: 'offerId', partitions: 6, cleanupPolicy: 'compact' },
  { name: Topic.OffersSummary, key: 'productId', partitions: 6, cleanupPolicy: 'compact' },
  { name: Topic.ReviewsReview, key: 'reviewId', partitions: 6, cleanupPolicy: 'compact' },
  { name: Topic.ReviewsPenName, key: 'penNameId', partitions: 3, cleanupPolicy: 'compact' },
  { name: Topic.ReviewsRatingSummary, key: 'productId', partitions: 6, cleanupPolicy: 'compact' },
  // Actions are commands with a lifetime: the owner answers each with a *Moderated event on its
  // compacted entity topic, so the action log itself need not be kept forever.
  {
    name: Topic.ModerationAction,
    key: 'targetId',
    partitions: 6,
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY_MS,
  },
];

/** Dead letters are kept long enough for an operator to fix the handler and replay them. */
export const DEAD_LETTER_RETENTION_MS = 30 * DAY_MS;
export const DEAD_LETTER_PARTITIONS = 1;
export const DEAD_LETTER_PREFIX = 'dlq.';

/**
 * Replayed dead letters go to `replay.<group>`, read only by that group's consumer: a fixed handler
 * re-runs on them without the message ever being produced again onto its entity topic (where a
 * stale state could outlive compaction).
 */
export const REPLAY_PREFIX = 'replay.';
export const REPLAY_RETENTION_MS = 7 * DAY_MS;

export function topicSpec(name: Topic): TopicSpec {
  const spec = TOPIC_SPECS.find((t) => t.name === name);
  if (!spec) throw new Error(`unknown topic ${name}`);
  return spec;
}

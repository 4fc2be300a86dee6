import { buildEvent, EventEnvelope, ModerationOutcome, ReviewState } from '@app/contracts';
import { currentCorrelationId } from '@app/platform';
import type { Review } from './review.schema';

export type ReviewSnapshot = Omit<Review, 'outbox' | 'outboxPendingSince'>;

/** The full state a review event carries (the topic is compacted: the latest says it all). */
export function reviewState(review: ReviewSnapshot): ReviewState {
  return {
    reviewId: review._id,
    productId: review.productId,
    accountId: review.accountId,
    penNameId: review.penNameId,
    rating: review.rating,
    ...(review.title ? { title: review.title } : {}),
    body: review.body,
    recommendedProductIds: review.recommendedProductIds,
    status: review.status,
    ruleSetVersion: review.ruleSetVersion,
    softSignals: review.softSignals,
    helpfulVotes: review.helpfulVotes,
    version: review.version,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

type AuthorEventType = 'ReviewSubmitted' | 'ReviewUpdated' | 'ReviewWithdrawn';

export function reviewChanged<T extends AuthorEventType>(
  type: T,
  review: ReviewSnapshot,
  changedFields: string[],
): EventEnvelope<T> {
  return buildEvent(type, {
    aggregateId: review._id,
    aggregateVersion: review.version,
    correlationId: currentCorrelationId() ?? review._id,
    payload: { review: reviewState(review), changedFields },
  } as never);
}

export function reviewModerated(input: {
  review: ReviewSnapshot;
  moderation: ModerationOutcome;
  changedFields: string[];
  correlationId: string;
}): EventEnvelope<'ReviewModerated'> {
  return buildEvent('ReviewModerated', {
    aggregateId: input.review._id,
    aggregateVersion: input.review.version,
    correlationId: input.correlationId,
    causationId: input.moderation.actionEventId,
    payload: {
      review: reviewState(input.review),
      changedFields: input.changedFields,
      moderation: input.moderation,
    },
  });
}

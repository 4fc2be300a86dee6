import { Injectable, Logger } from '@nestjs/common';
import type { ReviewStatus } from '@app/contracts';
import {
  answerModerationAction,
  HandlerOutcome,
  ModeratedEntity,
  ModerationAction,
  moderationOutcome,
} from '@app/platform';
import { reviewModerated } from '../reviews/review.events';
import { ReviewRepository } from '../reviews/review.repository';
import { reviewStatusAfter } from './moderation-rules';

type StoredReview = NonNullable<Awaited<ReturnType<ReviewRepository['findById']>>>;

/** Applies holds and decisions to reviews and answers each once with ReviewModerated. */
@Injectable()
export class ReviewModerationService {
  private readonly log = new Logger(ReviewModerationService.name);
  private readonly reviews: ModeratedEntity<StoredReview, ReviewStatus>;

  constructor(repository: ReviewRepository) {
    this.reviews = {
      kind: 'review',
      find: (id) => repository.findById(id),
      answeredActionIds: (review) => review.appliedActionIds,
      transition: (review, action) => reviewStatusAfter(review.status, action),
      write: async ({ entity, action, change, answeredActionIds }) =>
        (await repository.updateModerated(moderationWrite(entity, action, change, answeredActionIds))) !==
        undefined,
    };
  }

  apply(action: ModerationAction): Promise<HandlerOutcome> {
    return answerModerationAction(this.reviews, action, this.log);
  }
}

/** The guarded update of one answered action; a removal or rejection keeps the moderator's note. */
function moderationWrite(
  current: StoredReview,
  action: ModerationAction,
  status: ReviewStatus | undefined,
  appliedActionIds: string[],
) {
  const takenDown = status === 'removed' || status === 'rejected';
  const now = new Date();
  const next = {
    ...current,
    status: status ?? current.status,
    appliedActionIds,
    ...(status ? { updatedAt: now } : {}),
    ...(takenDown
      ? {
          moderationNote: {
            action: action.action,
            reasonCode: action.reasonCode,
            statement: action.statement,
            decidedAt: now,
          },
        }
      : {}),
    version: current.version + 1,
  };
  const event = reviewModerated({
    review: next,
    changedFields: status ? ['status'] : [],
    correlationId: action.correlationId,
    moderation: moderationOutcome(action, status !== undefined),
  });
  return {
    id: current._id,
    expectedVersion: current.version,
    set: {
      status: next.status,
      appliedActionIds,
      updatedAt: next.updatedAt,
      ...(next.moderationNote ? { moderationNote: next.moderationNote } : {}),
    },
    events: [event],
  };
}

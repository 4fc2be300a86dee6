import { Injectable, Logger } from '@nestjs/common';
import { HandlerOutcome } from '@app/platform';
import { reviewModerated } from '../reviews/review.events';
import { ReviewRepository } from '../reviews/review.repository';
import { ModerationAction, rememberAction } from './moderation-action';
import { reviewStatusAfter } from './moderation-transitions';

const MAX_WRITE_ATTEMPTS = 5;

@Injectable()
export class ReviewModerationService {
  private readonly log = new Logger(ReviewModerationService.name);

  constructor(private readonly reviews: ReviewRepository) {}

  /**
   * Applies a hold or decision and answers it with ReviewModerated in the same atomic write, so a
   * redelivered action (its id is remembered in that write) is neither applied nor answered twice.
   */
  async apply(action: ModerationAction): Promise<HandlerOutcome> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.reviews.findById(action.target.id);
      if (!current) {
        this.log.warn(
          { reviewId: action.target.id, actionEventId: action.eventId },
          'moderation action for an unknown review',
        );
        return 'skipped-irrelevant';
      }
      if (current.appliedActionIds.includes(action.eventId)) return 'skipped-duplicate';
      const status = reviewStatusAfter(current.status, action.action);
      const takenDown = status === 'removed' || status === 'rejected';
      const now = new Date();
      const next = {
        ...current,
        status: status ?? current.status,
        appliedActionIds: rememberAction(current.appliedActionIds, action.eventId),
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
        moderation: {
          action: action.action,
          actionEventId: action.eventId,
          caseId: action.caseId,
          applied: status !== undefined,
          reasonCode: action.reasonCode,
        },
      });
      const written = await this.reviews.updateModerated({
        id: current._id,
        expectedVersion: current.version,
        set: {
          status: next.status,
          appliedActionIds: next.appliedActionIds,
          updatedAt: next.updatedAt,
          ...(next.moderationNote ? { moderationNote: next.moderationNote } : {}),
        },
        events: [event],
      });
      if (written) return 'applied';
    }
    throw new Error(`review ${action.target.id}: too many concurrent writes while moderating`);
  }
}

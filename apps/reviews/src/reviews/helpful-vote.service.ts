import { isDuplicateKey } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Principal, RateLimiter } from '@app/platform';
import { requireAgeVerified } from '../common/age';
import { REVIEWS_SETTINGS, ReviewsSettings } from '../common/reviews-settings';
import { AlreadyVotedError, OwnReviewVoteError, ReviewNotFoundError } from './review.errors';
import { ReviewRepository } from './review.repository';

@Injectable()
export class HelpfulVoteService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly limiter: RateLimiter,
    @Inject(REVIEWS_SETTINGS.token) private readonly settings: ReviewsSettings,
  ) {}

  /** One vote per account per review (its unique index), never on one's own, only on published ones. */
  async vote(principal: Principal, reviewId: string): Promise<{ reviewId: string; helpfulVotes: number }> {
    requireAgeVerified(principal);
    await this.limiter.consume(this.settings.helpfulVoteLimit, principal.accountId);
    const review = await this.reviews.findById(reviewId);
    if (!review || review.status !== 'published') throw new ReviewNotFoundError(reviewId);
    if (review.accountId === principal.accountId) throw new OwnReviewVoteError();
    try {
      await this.reviews.insertVote({
        _id: uuidv7(),
        reviewId,
        accountId: principal.accountId,
        createdAt: new Date(),
      });
    } catch (error) {
      if (isDuplicateKey(error)) throw new AlreadyVotedError();
      throw error;
    }
    return { reviewId, helpfulVotes: await this.reviews.incrementHelpful(reviewId) };
  }
}

import { isDuplicateKey } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { Principal, RateLimiter } from '@app/platform';
import { requireAgeVerified } from '../common/age';
import { AlreadyVotedError, OwnReviewVoteError, ReviewNotFoundError } from './review.errors';
import { HELPFUL_VOTE_LIMIT } from './review-limits';
import { ReviewRepository } from './review.repository';

@Injectable()
export class HelpfulVoteService {
  constructor(
    private readonly reviews: ReviewRepository,
    private readonly limiter: RateLimiter,
  ) {}

  /** One vote per account per review (its unique index), never on one's own, only on published ones. */
  async vote(principal: Principal, reviewId: string): Promise<{ reviewId: string; helpfulVotes: number }> {
    requireAgeVerified(principal);
    await this.limiter.consume(HELPFUL_VOTE_LIMIT, principal.accountId);
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

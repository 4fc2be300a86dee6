import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, PipelineStage } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import {
  AggregateChange,
  insertAggregate,
  OutboundMessage,
  OutboxRelay,
  updateAggregate,
} from '@app/platform';
import { ListingPlan } from './review-listing';
import { HELPFUL_VOTE, HelpfulVote, REVIEW, Review } from './review.schema';

type NewReview = Omit<Review, 'version' | 'outbox' | 'outboxPendingSince'>;

/** Published reviews of a product by star rating, the input of its rating summary. */
export type StarCounts = Partial<Record<1 | 2 | 3 | 4 | 5, number>>;

@Injectable()
export class ReviewRepository implements OnModuleInit {
  constructor(
    @InjectModel(REVIEW) private readonly reviews: Model<Review>,
    @InjectModel(HELPFUL_VOTE) private readonly votes: Model<HelpfulVote>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reviews.createIndexes();
    await this.votes.createIndexes();
    this.relay.register(this.reviews);
  }

  /** Throws E11000 when the account already has a review of the product. */
  async insert(review: NewReview, events: AnyEventEnvelope[]): Promise<void> {
    const messages = await insertAggregate(this.reviews, review, events);
    this.relay.afterWrite(this.reviews, review._id, messages);
  }

  findByOneReviewKey(oneReviewKey: string): Promise<Review | null> {
    return this.reviews.findOne({ oneReviewKey }).lean<Review>().exec();
  }

  /** The author's review; another account's is simply not found. */
  findOwn(accountId: string, reviewId: string): Promise<Review | null> {
    return this.reviews.findOne({ _id: reviewId, accountId }).lean<Review>().exec();
  }

  /** Moderation and votes act on a review whoever wrote it. */
  findById(reviewId: string): Promise<Review | null> {
    return this.reviews.findById(reviewId).lean<Review>().exec();
  }

  /** Optimistic author change: undefined when another writer got there first. */
  async updateOwn(
    accountId: string,
    change: AggregateChange<Review>,
  ): Promise<OutboundMessage[] | undefined> {
    return this.update({ ...change, scope: { ...change.scope, accountId } });
  }

  /** Optimistic moderation change (not scoped to an account: moderators act on any review). */
  async updateModerated(change: AggregateChange<Review>): Promise<OutboundMessage[] | undefined> {
    return this.update(change);
  }

  /** Published reviews of a product in the plan's order, one more than `limit` to detect a next page. */
  listPublished(input: {
    productId: string;
    stars?: number;
    plan: ListingPlan;
    limit: number;
  }): Promise<Review[]> {
    // The first $match is all equality on an index's exact fields (served by the index on every
    // store); the cursor condition is a second stage so it never turns the first into a scan.
    const pipeline: PipelineStage[] = [
      {
        $match: {
          productId: input.productId,
          status: 'published',
          ...(input.stars ? { rating: input.stars } : {}),
        },
      },
      ...(Object.keys(input.plan.after).length > 0 ? [{ $match: input.plan.after }] : []),
      { $sort: input.plan.sort },
      { $limit: input.limit + 1 },
    ];
    return this.reviews.aggregate<Review>(pipeline).exec();
  }

  /** The account's reviews in every state, newest first. */
  async listByAccount(input: { accountId: string; beforeId?: string; limit: number }): Promise<Review[]> {
    const pipeline: PipelineStage[] = [
      { $match: { accountId: input.accountId } },
      ...(input.beforeId ? [{ $match: { _id: { $lt: input.beforeId } } }] : []),
      { $sort: { _id: -1 } },
      { $limit: input.limit + 1 },
    ];
    return this.reviews.aggregate<Review>(pipeline).exec();
  }

  /** Counts of published reviews by rating (portable: `$group` with `$sum`, no `$avg`). */
  async publishedStarCounts(productId: string): Promise<StarCounts> {
    const rows = await this.reviews
      .aggregate<{
        _id: 1 | 2 | 3 | 4 | 5;
        n: number;
      }>([{ $match: { productId, status: 'published' } }, { $group: { _id: '$rating', n: { $sum: 1 } } }])
      .exec();
    return Object.fromEntries(rows.map((row) => [row._id, row.n])) as StarCounts;
  }

  /** Throws E11000 when the account already voted for the review. */
  async insertVote(vote: HelpfulVote): Promise<void> {
    await this.votes.collection.insertOne(vote as never);
  }

  /**
   * The vote document is the truth (its unique index); this counter on the review is what listings
   * sort by. Not a state change of the review, so no version bump and no event: votes would flood
   * the compacted review topic for no consumer.
   */
  async incrementHelpful(reviewId: string): Promise<number> {
    const review = await this.reviews
      .findOneAndUpdate({ _id: reviewId }, { $inc: { helpfulVotes: 1 } }, { new: true })
      .lean<Review>()
      .exec();
    return review?.helpfulVotes ?? 0;
  }

  private async update(change: AggregateChange<Review>): Promise<OutboundMessage[] | undefined> {
    const messages = await updateAggregate(this.reviews, change);
    if (messages) this.relay.afterWrite(this.reviews, change.id, messages);
    return messages;
  }
}

import { Schema } from 'mongoose';
import type { ModerationActionKind, ReviewStatus } from '@app/contracts';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';

/** The latest moderator decision that took a review down, for its author to read. */
export interface ReviewModerationNote {
  action: ModerationActionKind;
  reasonCode: string;
  statement: string;
  decidedAt: Date;
}

export interface Review extends OutboxFields {
  _id: string;
  productId: string;
  accountId: string;
  /** Null for "continue anonymously": still tied to the account for the one-review and age rules. */
  penNameId: string | null;
  rating: number;
  title?: string;
  body: string;
  recommendedProductIds: string[];
  status: ReviewStatus;
  ruleSetVersion: string;
  softSignals: string[];
  helpfulVotes: number;
  /**
   * `<productId>:<accountId>` while the review counts as the account's review of the product (the
   * unique index enforces one per account per product under a race); `withdrawn:<reviewId>` once
   * the author deleted it, which frees the slot without a partial index (not portable).
   */
  oneReviewKey: string;
  terms: { version: string; acceptedAt: Date };
  moderationNote?: ReviewModerationNote;
  /** Moderation actions already answered: a redelivered action changes nothing. */
  appliedActionIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

export const REVIEW = 'Review';

export const ReviewSchema = new Schema<Review>(
  {
    _id: String,
    productId: { type: String, required: true },
    accountId: { type: String, required: true },
    penNameId: { type: String, default: null },
    rating: { type: Number, required: true },
    title: { type: String, required: false },
    body: { type: String, required: true },
    recommendedProductIds: { type: [String], default: () => [] },
    status: { type: String, required: true },
    ruleSetVersion: { type: String, required: true },
    softSignals: { type: [String], default: () => [] },
    helpfulVotes: { type: Number, default: 0 },
    oneReviewKey: { type: String, required: true },
    terms: { type: Object, required: true },
    moderationNote: { type: Object, required: false },
    appliedActionIds: { type: [String], default: () => [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'reviews' },
);
// One review per account per product, also when two posts race: `{ oneReviewKey }`.
ReviewSchema.index({ oneReviewKey: 1 }, { unique: true });
// The product's listing and the rating summary: `{ productId, status: 'published' }` (equality on
// exactly these fields is what the store's indexes serve; the sort runs on that candidate set).
ReviewSchema.index({ productId: 1, status: 1 });
// The listing filtered by stars: `{ productId, status: 'published', rating }`.
ReviewSchema.index({ productId: 1, status: 1, rating: 1 });
// GET /me/reviews: `{ accountId }`.
ReviewSchema.index({ accountId: 1 });
ReviewSchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);

/** One helpful vote of one account on one review. */
export interface HelpfulVote {
  _id: string;
  reviewId: string;
  accountId: string;
  createdAt: Date;
}

export const HELPFUL_VOTE = 'HelpfulVote';

export const HelpfulVoteSchema = new Schema<HelpfulVote>(
  {
    _id: String,
    reviewId: { type: String, required: true },
    accountId: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'helpful_votes' },
);
// One vote per account per review, also under a race: `{ reviewId, accountId }`.
HelpfulVoteSchema.index({ reviewId: 1, accountId: 1 }, { unique: true });

import { z } from 'zod';
import { idSchema } from '@app/contracts';
import type { Review } from '../review.schema';
import type { OwnReviewView, PublicReviewView } from './review-views';

/** The version of the review licence terms a reviewer must accept (the page's licence grant). */
export const REVIEW_TERMS_VERSION = '2026-11';

export const MAX_TITLE_CHARS = 120;
export const MAX_BODY_CHARS = 5000;
export const MAX_RECOMMENDED = 5;

const recommended = z
  .array(idSchema)
  .max(MAX_RECOMMENDED)
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a product');

export const createReviewSchema = z.strictObject({
  productId: idSchema,
  rating: z.int().min(1).max(5),
  title: z.string().max(MAX_TITLE_CHARS).optional(),
  // The minimum (20 characters, more than one word) is a content rule, so it is listed with the others.
  body: z.string().max(MAX_BODY_CHARS),
  recommendedProductIds: recommended.default([]),
  anonymous: z.boolean().default(false),
  acceptedTermsVersion: z.string().min(1).max(32),
});
export type CreateReviewDto = z.output<typeof createReviewSchema>;

export const updateReviewSchema = z
  .strictObject({
    rating: z.int().min(1).max(5).optional(),
    title: z.string().max(MAX_TITLE_CHARS).optional(),
    body: z.string().max(MAX_BODY_CHARS).optional(),
    recommendedProductIds: recommended.optional(),
  })
  .refine((dto) => Object.keys(dto).length > 0, 'change at least one field');
export type UpdateReviewDto = z.output<typeof updateReviewSchema>;

export const checkReviewSchema = z.strictObject({
  title: z.string().max(MAX_TITLE_CHARS).optional(),
  body: z.string().max(MAX_BODY_CHARS),
});
export type CheckReviewDto = z.output<typeof checkReviewSchema>;

export const REVIEW_SORTS = ['newest', 'oldest', 'highest', 'lowest', 'most_helpful'] as const;
export type ReviewSort = (typeof REVIEW_SORTS)[number];

export const listReviewsQuerySchema = z.strictObject({
  sort: z.enum(REVIEW_SORTS).default('newest'),
  stars: z.coerce.number().int().min(1).max(5).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type ListReviewsQuery = z.output<typeof listReviewsQuerySchema>;

export const myReviewsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type MyReviewsQuery = z.output<typeof myReviewsQuerySchema>;

export type { OwnReviewView, PublicReviewView } from './review-views';

/** `authorPenNameId`: the pen name shown as `author`, if any (shoppers report a pen name by it). */
export function toPublicView(review: Review, author: string, authorPenNameId?: string): PublicReviewView {
  return {
    reviewId: review._id,
    productId: review.productId,
    author,
    ...(authorPenNameId ? { authorPenNameId } : {}),
    rating: review.rating,
    ...(review.title ? { title: review.title } : {}),
    body: review.body,
    recommendedProductIds: review.recommendedProductIds,
    helpfulVotes: review.helpfulVotes,
    createdAt: review.createdAt.toISOString(),
    updatedAt: review.updatedAt.toISOString(),
  };
}

export function toOwnView(review: Review, author: string): OwnReviewView {
  const note = review.moderationNote;
  return {
    ...toPublicView(review, author),
    status: review.status,
    penNameId: review.penNameId,
    ruleSetVersion: review.ruleSetVersion,
    softSignals: review.softSignals,
    terms: { version: review.terms.version, acceptedAt: new Date(review.terms.acceptedAt).toISOString() },
    ...(note && (review.status === 'removed' || review.status === 'rejected')
      ? { removal: { ...note, decidedAt: new Date(note.decidedAt).toISOString() } }
      : {}),
  };
}

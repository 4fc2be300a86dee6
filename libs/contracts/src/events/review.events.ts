import { z } from 'zod';
import { changedFieldsSchema, idSchema, moderationOutcomeSchema, timestampSchema } from './common.schema';

export const reviewStatusSchema = z.enum([
  'pending',
  'published',
  'rejected',
  'held',
  'removed',
  'withdrawn',
]);
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;

/** The full current state of a review; `accountId` names the author so moderation reaches them. */
export const reviewStateSchema = z.object({
  reviewId: idSchema,
  productId: idSchema,
  accountId: idSchema,
  penNameId: idSchema.nullable(),
  rating: z.int().min(1).max(5),
  title: z.string().optional(),
  body: z.string().min(1),
  recommendedProductIds: z.array(idSchema).default([]),
  status: reviewStatusSchema,
  ruleSetVersion: z.string().min(1),
  softSignals: z.array(z.string()).default([]),
  helpfulVotes: z.int().nonnegative().default(0),
  version: z.int().positive(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ReviewState = z.infer<typeof reviewStateSchema>;

export const reviewChangedPayloadSchema = z.object({
  review: reviewStateSchema,
  changedFields: changedFieldsSchema,
});
export const reviewModeratedPayloadSchema = reviewChangedPayloadSchema.extend({
  moderation: moderationOutcomeSchema,
});

export const penNameStatusSchema = z.enum(['active', 'held', 'removed']);

export const penNameStateSchema = z.object({
  penNameId: idSchema,
  accountId: idSchema,
  name: z.string().min(2).max(30),
  status: penNameStatusSchema,
  version: z.int().positive(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PenNameState = z.infer<typeof penNameStateSchema>;

export const penNameChangedPayloadSchema = z.object({
  penName: penNameStateSchema,
  changedFields: changedFieldsSchema,
});
export const penNameModeratedPayloadSchema = penNameChangedPayloadSchema.extend({
  moderation: moderationOutcomeSchema,
});

const starCountSchema = z.int().nonnegative();

/** The whole rating summary of one product over its published reviews; `version` only increases. */
export const ratingSummaryChangedPayloadSchema = z.object({
  productId: idSchema,
  version: z.int().positive(),
  count: z.int().nonnegative(),
  ratingSum: z.int().nonnegative(),
  /** ratingSum / count rounded to two decimals, 0 without reviews; optional: added within v1. */
  average: z.number().min(0).max(5).optional(),
  distribution: z.object({
    '1': starCountSchema,
    '2': starCountSchema,
    '3': starCountSchema,
    '4': starCountSchema,
    '5': starCountSchema,
  }),
});
export type RatingSummary = z.infer<typeof ratingSummaryChangedPayloadSchema>;

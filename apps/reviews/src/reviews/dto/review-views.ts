import { z } from 'zod';
import { reviewStatusSchema, timestampSchema } from '@app/contracts';

/** What the review routes answer, as documented in OpenAPI (review.dto.ts builds them). */

/** A review as shoppers see it: a pen name or "Anonymous", never the account id. */
export const publicReviewViewSchema = z.object({
  reviewId: z.string(),
  productId: z.string(),
  author: z.string(),
  /** The pen name's opaque id when the author is shown by one: what a shopper reports a pen name by. */
  authorPenNameId: z.string().optional(),
  rating: z.int().min(1).max(5),
  title: z.string().optional(),
  body: z.string(),
  recommendedProductIds: z.array(z.string()),
  helpfulVotes: z.int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PublicReviewView = z.output<typeof publicReviewViewSchema>;

/** A review as its author sees it: every state, and why it was taken down. */
export const ownReviewViewSchema = publicReviewViewSchema.extend({
  status: reviewStatusSchema,
  penNameId: z.string().nullable(),
  ruleSetVersion: z.string(),
  softSignals: z.array(z.string()),
  terms: z.object({ version: z.string(), acceptedAt: timestampSchema }),
  removal: z
    .object({ action: z.string(), reasonCode: z.string(), statement: z.string(), decidedAt: timestampSchema })
    .optional(),
});
export type OwnReviewView = z.output<typeof ownReviewViewSchema>;

const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().optional() });
export const publicReviewsPageSchema = pageOf(publicReviewViewSchema);
export const ownReviewsPageSchema = pageOf(ownReviewViewSchema);

/** The content rules' verdict on a text (content-rule.ts). */
export const contentDecisionSchema = z.object({
  ruleSetVersion: z.string(),
  verdict: z.enum(['accepted', 'pending', 'rejected']),
  violations: z.array(
    z.object({
      code: z.string(),
      severity: z.enum(['hard', 'soft']),
      message: z.string(),
      spans: z.array(
        z.object({ field: z.enum(['title', 'body']), start: z.int(), end: z.int(), text: z.string() }),
      ),
    }),
  ),
});

export const helpfulVoteViewSchema = z.object({ reviewId: z.string(), helpfulVotes: z.int() });

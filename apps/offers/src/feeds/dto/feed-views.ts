import { z } from 'zod';
import { timestampSchema } from '@app/contracts';

/** What the feed routes answer, as documented in OpenAPI (feed.dto.ts builds them). */

const count = z.int().nonnegative();

export const feedViewSchema = z.object({
  id: z.string(),
  /** The seller's submission number: feeds of one seller apply in this order. */
  sequence: z.int(),
  format: z.enum(['csv', 'jsonl']),
  status: z.enum(['queued', 'processing', 'done', 'failed']),
  counts: z.object({ rows: count, processed: count, applied: count, unchanged: count, rejected: count }),
  submittedAt: timestampSchema,
  startedAt: timestampSchema.nullable(),
  finishedAt: timestampSchema.nullable(),
  /** Why a failed feed failed. */
  failure: z.string().optional(),
});
export type FeedView = z.output<typeof feedViewSchema>;

export const feedListSchema = z.object({ items: z.array(feedViewSchema) });

export const feedReportSchema = z.object({
  feed: feedViewSchema,
  /** One entry per row: applied, unchanged, or rejected with the offer rule's code. */
  entries: z.array(
    z.object({
      line: z.int(),
      sku: z.string().optional(),
      outcome: z.enum(['applied', 'unchanged', 'rejected']),
      offerId: z.string().optional(),
      code: z.string().optional(),
      message: z.string().optional(),
    }),
  ),
});

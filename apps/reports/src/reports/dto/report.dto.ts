import { z } from 'zod';
import { idSchema, moderationTargetTypeSchema, timestampSchema } from '@app/contracts';
import { reasonCodeSchema } from '../../common/reason-codes';
import type { Report } from '../report.schema';

export const MAX_COMMENT_CHARS = 500;

export const createReportSchema = z.strictObject({
  /** A pen name is reported by its opaque id, never by its display name. */
  target: z.strictObject({ type: moderationTargetTypeSchema, id: idSchema }),
  reasonCode: reasonCodeSchema,
  /** "Comments (optional)": required when the reason is `other`. */
  comment: z.string().trim().max(MAX_COMMENT_CHARS).optional(),
});
export type CreateReportDto = z.output<typeof createReportSchema>;

export const myReportsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(512).optional(),
});
export type MyReportsQuery = z.output<typeof myReportsQuerySchema>;

/** A report as its reporter sees it. */
export const reportViewSchema = z.object({
  reportId: z.string(),
  target: z.object({ type: moderationTargetTypeSchema, id: z.string() }),
  reasonCode: z.string(),
  comment: z.string().optional(),
  status: z.enum(['open', 'upheld', 'dismissed']),
  outcome: z.object({ decision: z.string(), decidedAt: timestampSchema }).nullable(),
  createdAt: timestampSchema,
});
export type ReportView = z.output<typeof reportViewSchema>;
export const myReportsPageSchema = z.object({
  items: z.array(reportViewSchema),
  nextCursor: z.string().optional(),
});

export function toReportView(report: Report): ReportView {
  return {
    reportId: report._id,
    target: { type: report.target.type, id: report.target.id },
    reasonCode: report.reasonCode,
    ...(report.comment ? { comment: report.comment } : {}),
    status: report.status,
    outcome: report.outcome
      ? { decision: report.outcome.decision, decidedAt: new Date(report.outcome.decidedAt).toISOString() }
      : null,
    createdAt: new Date(report.createdAt).toISOString(),
  };
}

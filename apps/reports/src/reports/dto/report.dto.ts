import { z } from 'zod';
import { idSchema, moderationTargetTypeSchema } from '@app/contracts';
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
export interface ReportView {
  reportId: string;
  target: { type: string; id: string };
  reasonCode: string;
  comment?: string;
  status: Report['status'];
  outcome: { decision: string; decidedAt: string } | null;
  createdAt: string;
}

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

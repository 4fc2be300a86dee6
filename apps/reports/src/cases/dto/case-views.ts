import { z } from 'zod';
import { moderationTargetTypeSchema, timestampSchema } from '@app/contracts';

/** What the moderation routes answer, as documented in OpenAPI (case.dto.ts builds them). */

const target = z.object({ type: moderationTargetTypeSchema, id: z.string() });
const caseState = z.enum(['open', 'decided', 'appealed', 'closed']);

export const actionViewSchema = z.object({
  actionEventId: z.string(),
  action: z.string(),
  reasonCode: z.string(),
  sentAt: timestampSchema,
  /** `overdue`: not answered by its owner within REPORTS_ACTION_ANSWER_TIMEOUT_S. */
  status: z.enum(['sent', 'answered', 'overdue']),
  answeredAt: timestampSchema.optional(),
  applied: z.boolean().optional(),
  targetStatus: z.string().optional(),
});
export type ActionView = z.output<typeof actionViewSchema>;

export const queueItemViewSchema = z.object({
  caseId: z.string(),
  kind: z.enum(['report', 'pre_moderation']),
  target,
  state: caseState,
  score: z.number(),
  priority: z.number(),
  reportCount: z.int(),
  reasonCode: z.string(),
  held: z.boolean(),
  claim: z.object({ moderatorId: z.string(), expiresAt: timestampSchema }).nullable(),
  overdueActions: z.int(),
  createdAt: timestampSchema,
});
export type QueueItemView = z.output<typeof queueItemViewSchema>;

const decision = z.object({
  decision: z.string(),
  reasonCode: z.string(),
  statement: z.string(),
  moderatorId: z.string(),
  decidedAt: timestampSchema,
  onAppeal: z.boolean(),
});
export const appealViewSchema = z.object({ message: z.string(), appealedAt: timestampSchema }).nullable();

export const caseViewSchema = queueItemViewSchema.extend({
  reasonScores: z.record(z.string(), z.number()),
  decisions: z.array(decision),
  appeal: appealViewSchema,
  actions: z.array(actionViewSchema),
  reports: z.array(
    z.object({
      reportId: z.string(),
      reporterId: z.string(),
      reasonCode: z.string(),
      comment: z.string().optional(),
      weight: z.number(),
      contribution: z.number(),
      createdAt: timestampSchema,
    }),
  ),
  updatedAt: timestampSchema,
  version: z.int(),
});
export type CaseView = z.output<typeof caseViewSchema>;

export const auditEntryViewSchema = z.object({
  at: timestampSchema,
  actor: z.object({ kind: z.enum(['moderator', 'author', 'system', 'owner']), id: z.string().optional() }),
  what: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});
export type AuditEntryView = z.output<typeof auditEntryViewSchema>;

export const caseAuditViewSchema = z.object({ caseId: z.string(), entries: z.array(auditEntryViewSchema) });

export const queuePageSchema = z.object({
  items: z.array(queueItemViewSchema),
  nextCursor: z.string().optional(),
});

/** A decision about the caller's own content: no reporter and no moderator ids. */
export const authorDecisionViewSchema = z.object({
  caseId: z.string(),
  target,
  state: caseState,
  decisions: z.array(decision.omit({ moderatorId: true })),
  appeal: appealViewSchema,
  canAppeal: z.boolean(),
});
export type AuthorDecisionView = z.output<typeof authorDecisionViewSchema>;

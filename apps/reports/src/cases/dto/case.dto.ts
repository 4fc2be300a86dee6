import { z } from 'zod';
import { moderationTargetTypeSchema } from '@app/contracts';
import { PRE_MODERATION_REASON, REASON_CODES } from '../../common/reason-codes';
import type { Report } from '../../reports/report.schema';
import { liveClaim } from '../case-rules';
import type { QueuedCase } from '../case.repository';
import type { AuditEntry, CaseAction, ModerationCase } from '../case.schema';
import type { ActionView, AuditEntryView, CaseView, QueueItemView } from './case-views';

export type { ActionView, AuditEntryView, CaseView, QueueItemView } from './case-views';

/** The reason a moderator gives: a report reason, or that nothing was wrong. */
export const DECISION_REASON_CODES = [...REASON_CODES, 'no_violation'] as const;

export const decideSchema = z.strictObject({
  decision: z.enum(['keep', 'remove', 'restore', 'approve', 'reject']),
  reasonCode: z.enum(DECISION_REASON_CODES),
  /** Addressed to the content's author, who reads it at GET /me/moderation. */
  statement: z.string().trim().min(1).max(2000),
});
export type DecideDto = z.output<typeof decideSchema>;

export const queueQuerySchema = z.strictObject({
  targetType: moderationTargetTypeSchema.optional(),
  reason: z.enum([...REASON_CODES, PRE_MODERATION_REASON]).optional(),
  state: z.enum(['open', 'appealed']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});
export type QueueQuery = z.output<typeof queueQuerySchema>;

export function actionView(action: CaseAction, now: number, timeoutSeconds: number): ActionView {
  const sentAt = new Date(action.sentAt);
  const status = action.answeredAt
    ? 'answered'
    : now - sentAt.getTime() > timeoutSeconds * 1000
      ? 'overdue'
      : 'sent';
  return {
    actionEventId: action.eventId,
    action: action.action,
    reasonCode: action.reasonCode,
    sentAt: sentAt.toISOString(),
    status,
    ...(action.answeredAt
      ? {
          answeredAt: new Date(action.answeredAt).toISOString(),
          applied: action.applied,
          targetStatus: action.targetStatus,
        }
      : {}),
  };
}

export function toQueueItem(c: QueuedCase, now: number, timeoutSeconds: number): QueueItemView {
  const claim = liveClaim(c.claim, now);
  return {
    caseId: c._id,
    kind: c.kind,
    target: { type: c.target.type, id: c.target.id },
    state: c.state,
    score: c.score,
    priority: c.priority ?? 0,
    reportCount: c.reportCount,
    reasonCode: c.reasonCode,
    held: c.held,
    claim: claim
      ? { moderatorId: claim.moderatorId, expiresAt: new Date(claim.expiresAt).toISOString() }
      : null,
    overdueActions: c.actions.filter((a) => actionView(a, now, timeoutSeconds).status === 'overdue').length,
    createdAt: new Date(c.createdAt).toISOString(),
  };
}

export function toCaseView(
  c: ModerationCase,
  reports: readonly Report[],
  now: number,
  timeoutSeconds: number,
): CaseView {
  return {
    ...toQueueItem(c, now, timeoutSeconds),
    reasonScores: c.reasonScores,
    decisions: c.decisions.map((d) => ({
      decision: d.decision,
      reasonCode: d.reasonCode,
      statement: d.statement,
      moderatorId: d.moderatorId,
      decidedAt: new Date(d.decidedAt).toISOString(),
      onAppeal: d.onAppeal,
    })),
    appeal: c.appeal
      ? { message: c.appeal.message, appealedAt: new Date(c.appeal.appealedAt).toISOString() }
      : null,
    actions: c.actions.map((a) => actionView(a, now, timeoutSeconds)),
    reports: reports.map((r) => ({
      reportId: r._id,
      reporterId: r.reporterId,
      reasonCode: r.reasonCode,
      ...(r.comment ? { comment: r.comment } : {}),
      weight: r.weight,
      contribution: r.contribution,
      createdAt: new Date(r.createdAt).toISOString(),
    })),
    updatedAt: new Date(c.updatedAt).toISOString(),
    version: c.version,
  };
}

export function toAuditView(entry: AuditEntry): AuditEntryView {
  return {
    at: new Date(entry.at).toISOString(),
    actor: entry.actor,
    what: entry.what,
    before: entry.before,
    after: entry.after,
  };
}

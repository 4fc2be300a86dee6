import type { AuditActor, AuditEntry, ModerationCase } from './case.schema';

/** Appends one entry; entries already written are never changed. */
export function appendAudit(
  audit: readonly AuditEntry[],
  entry: {
    actor: AuditActor;
    what: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    at: Date;
  },
): AuditEntry[] {
  return [
    ...audit,
    { at: entry.at, actor: entry.actor, what: entry.what, before: entry.before, after: entry.after },
  ];
}

/** The case fields an audit entry compares. */
export function auditState(
  c: Pick<ModerationCase, 'state' | 'score' | 'held'> & Partial<Pick<ModerationCase, 'claim'>>,
): Record<string, unknown> {
  return {
    state: c.state,
    score: c.score,
    held: c.held,
    ...(c.claim ? { claimedBy: c.claim.moderatorId, claimExpiresAt: c.claim.expiresAt } : {}),
  };
}

/** A report added to a case, and the hold it placed if it reached the threshold. */
export function reportAddedAudit(input: {
  current: ModerationCase;
  next: Pick<ModerationCase, 'state' | 'score' | 'held'>;
  reportId: string;
  hold?: { actionEventId: string; threshold: number };
  at: Date;
}): AuditEntry[] {
  const { current, at } = input;
  const audit = appendAudit(current.audit, {
    at,
    actor: { kind: 'system' },
    what: 'report_added',
    before: { ...auditState(current), reportCount: current.reportCount },
    after: { ...auditState(input.next), reportCount: current.reportCount + 1, reportId: input.reportId },
  });
  if (!input.hold) return audit;
  return appendAudit(audit, {
    at,
    actor: { kind: 'system' },
    what: 'hold_placed',
    before: { held: false },
    after: { held: true, threshold: input.hold.threshold, actionEventId: input.hold.actionEventId },
  });
}

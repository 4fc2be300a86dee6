import type { ModerationActionKind, PenNameState, ReviewStatus } from '@app/contracts';

type PenNameStatus = PenNameState['status'];

/**
 * The moderation table of docs/architecture.md for reviews. An action that does not apply to the current
 * state (a duplicate hold, a keep without a hold, approve on a published review) changes nothing
 * and is still answered, with `applied: false`.
 */
const REVIEW_TRANSITIONS: Record<ModerationActionKind, Partial<Record<ReviewStatus, ReviewStatus>>> = {
  hold: { published: 'held' },
  keep: { held: 'published' },
  remove: { published: 'removed', held: 'removed' },
  restore: { removed: 'published' },
  approve: { pending: 'published' },
  reject: { pending: 'rejected' },
};

export function reviewStatusAfter(
  status: ReviewStatus,
  action: ModerationActionKind,
): ReviewStatus | undefined {
  return REVIEW_TRANSITIONS[action][status];
}

const PEN_NAME_TRANSITIONS: Record<ModerationActionKind, Partial<Record<PenNameStatus, PenNameStatus>>> = {
  hold: { active: 'held' },
  keep: { held: 'active' },
  remove: { active: 'removed', held: 'removed' },
  restore: { removed: 'active' },
  approve: {},
  reject: {},
};

/** `hasNewerName`: "restored unless the account has chosen a newer name". */
export function penNameStatusAfter(
  status: PenNameStatus,
  action: ModerationActionKind,
  hasNewerName: boolean,
): PenNameStatus | undefined {
  if (action === 'restore' && hasNewerName) return undefined;
  return PEN_NAME_TRANSITIONS[action][status];
}

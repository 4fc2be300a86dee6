import type {
  EventEnvelope,
  ModerationActionKind,
  ModerationOutcome,
  ModerationTarget,
} from '@app/contracts';

/** HoldPlaced and DecisionMade as one shape: what to do to which target, and why. */
export interface ModerationAction {
  readonly eventId: string;
  readonly correlationId: string;
  readonly caseId: string;
  readonly target: ModerationTarget;
  readonly action: ModerationActionKind;
  readonly reasonCode: string;
  /** The moderator's statement of a decision; empty for a hold. */
  readonly statement: string;
}

export function toModerationAction(event: EventEnvelope<'HoldPlaced' | 'DecisionMade'>): ModerationAction {
  const payload = event.payload;
  return {
    eventId: event.eventId,
    correlationId: event.correlationId,
    caseId: payload.caseId,
    target: payload.target,
    action: 'decision' in payload ? payload.decision : 'hold',
    reasonCode: payload.reasonCode,
    statement: 'statement' in payload ? payload.statement : '',
  };
}

/** The `moderation` object of a `*Moderated` answer; `applied` is false when nothing changed. */
export function moderationOutcome(action: ModerationAction, applied: boolean): ModerationOutcome {
  return {
    action: action.action,
    actionEventId: action.eventId,
    caseId: action.caseId,
    applied,
    reasonCode: action.reasonCode,
  };
}

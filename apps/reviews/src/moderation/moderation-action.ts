import type { EventEnvelope, ModerationActionKind, ModerationTarget } from '@app/contracts';

/** HoldPlaced and DecisionMade as one shape: what to do to which target, and why. */
export interface ModerationAction {
  readonly eventId: string;
  readonly correlationId: string;
  readonly caseId: string;
  readonly target: ModerationTarget;
  readonly action: ModerationActionKind;
  readonly reasonCode: string;
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

/** How many answered action ids an entity remembers; its version guard covers anything older. */
export const ACTION_MEMORY = 50;

export function rememberAction(applied: readonly string[], eventId: string): string[] {
  return [...applied, eventId].slice(-ACTION_MEMORY);
}

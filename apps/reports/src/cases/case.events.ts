import { buildEvent, EventEnvelope } from '@app/contracts';
import { currentCorrelationId } from '@app/platform';
import type { CaseTarget, Decision } from './case.schema';

interface ActionInput {
  caseId: string;
  /** The case's version after the write that sends the action. */
  caseVersion: number;
  target: CaseTarget;
  reasonCode: string;
}

/** A case reached its threshold: the owner hides the target until a moderator decides. */
export function holdPlaced(input: ActionInput): EventEnvelope<'HoldPlaced'> {
  return buildEvent('HoldPlaced', {
    aggregateId: input.caseId,
    aggregateVersion: input.caseVersion,
    correlationId: currentCorrelationId() ?? input.caseId,
    payload: { caseId: input.caseId, target: input.target, reasonCode: input.reasonCode },
  });
}

/** A moderator's decision; the statement is addressed to the content's author. */
export function decisionMade(
  input: ActionInput & { decision: Decision; statement: string },
): EventEnvelope<'DecisionMade'> {
  return buildEvent('DecisionMade', {
    aggregateId: input.caseId,
    aggregateVersion: input.caseVersion,
    correlationId: currentCorrelationId() ?? input.caseId,
    payload: {
      caseId: input.caseId,
      target: input.target,
      decision: input.decision,
      reasonCode: input.reasonCode,
      statement: input.statement,
    },
  });
}

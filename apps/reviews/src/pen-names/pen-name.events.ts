import { buildEvent, EventEnvelope, ModerationOutcome, PenNameState } from '@app/contracts';
import { currentCorrelationId } from '@app/platform';
import type { PenName } from './pen-name.schema';

/** The full state a pen-name event carries (entity topics are compacted: the latest says it all). */
export function penNameState(penName: Omit<PenName, 'outbox' | 'outboxPendingSince'>): PenNameState {
  return {
    penNameId: penName._id,
    accountId: penName.accountId,
    name: penName.name,
    status: penName.status,
    version: penName.version,
    createdAt: penName.createdAt.toISOString(),
    updatedAt: penName.updatedAt.toISOString(),
  };
}

export function penNameCreated(
  penName: Omit<PenName, 'outbox' | 'outboxPendingSince'>,
): EventEnvelope<'PenNameCreated'> {
  return buildEvent('PenNameCreated', {
    aggregateId: penName._id,
    aggregateVersion: penName.version,
    correlationId: currentCorrelationId() ?? penName._id,
    payload: { penName: penNameState(penName), changedFields: [] },
  });
}

export function penNameModerated(input: {
  penName: Omit<PenName, 'outbox' | 'outboxPendingSince'>;
  moderation: ModerationOutcome;
  changedFields: string[];
  correlationId: string;
}): EventEnvelope<'PenNameModerated'> {
  return buildEvent('PenNameModerated', {
    aggregateId: input.penName._id,
    aggregateVersion: input.penName.version,
    correlationId: input.correlationId,
    causationId: input.moderation.actionEventId,
    payload: {
      penName: penNameState(input.penName),
      changedFields: input.changedFields,
      moderation: input.moderation,
    },
  });
}

import { Logger } from '@nestjs/common';
import type { ModerationActionKind } from '@app/contracts';
import { LOST_RACE, retryOnConflict } from '../database/retry-on-conflict';
import { HandlerOutcome } from '../messaging/event-bus';
import { APPLIED_EVENT_MEMORY } from '../messaging/idempotent-effects';
import { ModerationAction } from './moderation-action';

/**
 * How one owner applies moderation to one kind of entity. The template below does the rest:
 * read, duplicate check, transition, guarded write of the change with its `*Moderated` answer,
 * retry on a lost race.
 */
export interface ModeratedEntity<Entity, Change> {
  /** `product`, `offer`, `review`, `pen name`: for logs and errors. */
  readonly kind: string;
  find(id: string): Promise<Entity | null | undefined>;
  /** The action ids this entity has answered (its bounded memory). */
  answeredActionIds(entity: Entity): readonly string[];
  /** The owner's pure rules: the change the action makes, or undefined when it changes nothing. */
  transition(entity: Entity, action: ModerationActionKind): Change | undefined | Promise<Change | undefined>;
  /**
   * One atomic write guarded by `entity.version`: the change (if any), `answeredActionIds`, the
   * version bump and the `*Moderated` answer in the outbox. False when another writer won.
   */
  write(input: {
    entity: Entity;
    action: ModerationAction;
    change: Change | undefined;
    answeredActionIds: string[];
  }): Promise<boolean>;
}

/**
 * Applies a hold or decision and answers it, once. An action this entity has already answered is
 * skipped without a write: its answer is already on the owner's topic (it left in the same write
 * that remembered the id), so reports has what it waits for, and a replay changes nothing — no
 * second answer, no version bump (docs/architecture.md, "Reliability rules").
 */
export async function answerModerationAction<Entity, Change>(
  entity: ModeratedEntity<Entity, Change>,
  action: ModerationAction,
  logger: Logger,
): Promise<HandlerOutcome> {
  const id = action.target.id;
  return retryOnConflict(
    {
      exhausted: () =>
        new Error(`${entity.kind} ${id} kept changing while answering action ${action.eventId}`),
    },
    async () => {
      const current = await entity.find(id);
      if (!current) {
        logger.warn(
          { targetId: id, actionEventId: action.eventId },
          `moderation action for an unknown ${entity.kind}`,
        );
        return 'skipped-irrelevant';
      }
      const answered = entity.answeredActionIds(current);
      if (answered.includes(action.eventId)) return 'skipped-duplicate';
      const change = await entity.transition(current, action.action);
      const answeredActionIds = [...answered, action.eventId].slice(-APPLIED_EVENT_MEMORY);
      const written = await entity.write({ entity: current, action, change, answeredActionIds });
      return written ? 'applied' : LOST_RACE;
    },
  );
}

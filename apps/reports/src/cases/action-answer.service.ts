import { Injectable } from '@nestjs/common';
import type { ModerationOutcome, ServiceName } from '@app/contracts';
import { HandlerOutcome, LOST_RACE, retryOnConflict } from '@app/platform';
import { appendAudit } from './case-audit';
import { CaseRepository } from './case.repository';

/**
 * Marks an action effective when its owner answers it (`*Moderated`, causation = the action's
 * event id). The answer is recorded once: a redelivered answer finds it there and changes nothing.
 */
@Injectable()
export class ActionAnswerService {
  constructor(private readonly cases: CaseRepository) {}

  async record(input: {
    moderation: ModerationOutcome;
    owner: ServiceName;
    targetStatus: string;
  }): Promise<HandlerOutcome> {
    const { moderation } = input;
    const exhausted = () =>
      new Error(`case ${moderation.caseId}: too many concurrent writes while recording an answer`);
    return retryOnConflict({ exhausted }, async () => {
      const current = await this.cases.findById(moderation.caseId);
      const index = current?.actions.findIndex((a) => a.eventId === moderation.actionEventId) ?? -1;
      if (!current || index < 0) return 'skipped-irrelevant';
      if (current.actions[index].answeredAt) return 'skipped-duplicate';
      const now = new Date();
      const actions = current.actions.map((action, i) =>
        i === index
          ? { ...action, answeredAt: now, applied: moderation.applied, targetStatus: input.targetStatus }
          : action,
      );
      const set = {
        actions,
        updatedAt: now,
        audit: appendAudit(current.audit, {
          at: now,
          actor: { kind: 'owner', id: input.owner },
          what: 'action_answered',
          before: { action: moderation.action, answered: false },
          after: {
            action: moderation.action,
            answered: true,
            applied: moderation.applied,
            targetStatus: input.targetStatus,
            actionEventId: moderation.actionEventId,
          },
        }),
      };
      const written = await this.cases.update({
        id: current._id,
        expectedVersion: current.version,
        set,
        events: [],
      });
      return written ? 'applied' : LOST_RACE;
    });
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { HandlerOutcome } from '@app/platform';
import { penNameModerated } from '../pen-names/pen-name.events';
import { PenNameRepository } from '../pen-names/pen-name.repository';
import { ModerationAction, rememberAction } from './moderation-action';
import { penNameStatusAfter } from './moderation-transitions';

const MAX_WRITE_ATTEMPTS = 5;

@Injectable()
export class PenNameModerationService {
  private readonly log = new Logger(PenNameModerationService.name);

  constructor(private readonly penNames: PenNameRepository) {}

  /** As for reviews: the change and its PenNameModerated answer are one atomic write. */
  async apply(action: ModerationAction): Promise<HandlerOutcome> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.penNames.findById(action.target.id);
      if (!current) {
        this.log.warn(
          { penNameId: action.target.id, actionEventId: action.eventId },
          'moderation action for an unknown pen name',
        );
        return 'skipped-irrelevant';
      }
      if (current.appliedActionIds.includes(action.eventId)) return 'skipped-duplicate';
      const names = await this.penNames.findByAccount(current.accountId);
      const hasNewerName = names.some((name) => name.slot > current.slot);
      const status = penNameStatusAfter(current.status, action.action, hasNewerName);
      const next = {
        ...current,
        status: status ?? current.status,
        appliedActionIds: rememberAction(current.appliedActionIds, action.eventId),
        ...(status ? { updatedAt: new Date() } : {}),
        version: current.version + 1,
      };
      const event = penNameModerated({
        penName: next,
        changedFields: status ? ['status'] : [],
        correlationId: action.correlationId,
        moderation: {
          action: action.action,
          actionEventId: action.eventId,
          caseId: action.caseId,
          applied: status !== undefined,
          reasonCode: action.reasonCode,
        },
      });
      const written = await this.penNames.update(current.accountId, {
        id: current._id,
        expectedVersion: current.version,
        set: { status: next.status, appliedActionIds: next.appliedActionIds, updatedAt: next.updatedAt },
        events: [event],
      });
      if (written) return 'applied';
    }
    throw new Error(`pen name ${action.target.id}: too many concurrent writes while moderating`);
  }
}

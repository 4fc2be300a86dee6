import { Injectable, Logger } from '@nestjs/common';
import type { PenNameState } from '@app/contracts';
import {
  answerModerationAction,
  HandlerOutcome,
  ModeratedEntity,
  ModerationAction,
  moderationOutcome,
} from '@app/platform';
import { penNameModerated } from '../pen-names/pen-name.events';
import { PenNameRepository } from '../pen-names/pen-name.repository';
import { penNameStatusAfter } from './moderation.rules';

type StoredPenName = NonNullable<Awaited<ReturnType<PenNameRepository['findById']>>>;
type PenNameStatus = PenNameState['status'];

/** As for reviews: the change and its PenNameModerated answer are one atomic write, made once. */
@Injectable()
export class PenNameModerationService {
  private readonly log = new Logger(PenNameModerationService.name);
  private readonly penNames: ModeratedEntity<StoredPenName, PenNameStatus>;

  constructor(repository: PenNameRepository) {
    this.penNames = {
      kind: 'pen name',
      find: (id) => repository.findById(id),
      answeredActionIds: (penName) => penName.appliedActionIds,
      transition: async (penName, action) => {
        const names = await repository.findByAccount(penName.accountId);
        const hasNewerName = names.some((name) => name.slot > penName.slot);
        return penNameStatusAfter(penName.status, action, hasNewerName);
      },
      write: async ({ entity, action, change, answeredActionIds }) => {
        const next = {
          ...entity,
          status: change ?? entity.status,
          appliedActionIds: answeredActionIds,
          ...(change ? { updatedAt: new Date() } : {}),
          version: entity.version + 1,
        };
        const event = penNameModerated({
          penName: next,
          changedFields: change ? ['status'] : [],
          correlationId: action.correlationId,
          moderation: moderationOutcome(action, change !== undefined),
        });
        const written = await repository.update(entity.accountId, {
          id: entity._id,
          expectedVersion: entity.version,
          set: { status: next.status, appliedActionIds: next.appliedActionIds, updatedAt: next.updatedAt },
          events: [event],
        });
        return written !== undefined;
      },
    };
  }

  apply(action: ModerationAction): Promise<HandlerOutcome> {
    return answerModerationAction(this.penNames, action, this.log);
  }
}

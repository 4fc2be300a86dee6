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
import { penNameStatusAfter } from './moderation-rules';

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
      write: async ({ entity, action, change, answeredActionIds }) =>
        (await repository.update(
          entity.accountId,
          moderationWrite(entity, action, change, answeredActionIds),
        )) !== undefined,
    };
  }

  apply(action: ModerationAction): Promise<HandlerOutcome> {
    return answerModerationAction(this.penNames, action, this.log);
  }
}

/** The guarded update of one answered action: the status change (if any) and PenNameModerated. */
function moderationWrite(
  current: StoredPenName,
  action: ModerationAction,
  status: PenNameStatus | undefined,
  appliedActionIds: string[],
) {
  const next = {
    ...current,
    status: status ?? current.status,
    appliedActionIds,
    ...(status ? { updatedAt: new Date() } : {}),
    version: current.version + 1,
  };
  const event = penNameModerated({
    penName: next,
    changedFields: status ? ['status'] : [],
    correlationId: action.correlationId,
    moderation: moderationOutcome(action, status !== undefined),
  });
  return {
    id: current._id,
    expectedVersion: current.version,
    set: { status: next.status, appliedActionIds, updatedAt: next.updatedAt },
    events: [event],
  };
}

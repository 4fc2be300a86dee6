import { Injectable } from '@nestjs/common';
import { LOST_RACE, retryOnConflict } from '@app/platform';
import { appendAudit, auditState } from './case-audit';
import { queuePosition, requireAppealable } from './case-rules';
import { CaseNotFoundError } from './case.errors';
import { CaseRepository } from './case.repository';
import type { ModerationCase } from './case.schema';

/** The author's one appeal of a removal: the case goes back to the queue for another moderator. */
@Injectable()
export class CaseAppealService {
  constructor(private readonly cases: CaseRepository) {}

  async appeal(input: {
    authorKeys: readonly string[];
    accountId: string;
    caseId: string;
    message: string;
  }): Promise<ModerationCase> {
    const exhausted = () => new Error(`case ${input.caseId}: too many concurrent writes while appealing`);
    return retryOnConflict({ exhausted }, async () => {
      // Ownership is in the query: someone else's case is not found.
      const current = await this.cases.findForAuthor(input.authorKeys, input.caseId);
      if (!current) throw new CaseNotFoundError(input.caseId);
      requireAppealable(current);
      const now = new Date();
      const decider = current.decisions.at(-1)!.moderatorId;
      const next = { ...current, state: 'appealed' as const };
      const position = queuePosition('appealed', current.score, current.seq);
      const set: Partial<ModerationCase> = {
        state: 'appealed',
        appeal: { message: input.message, appealedAt: now, excludedModeratorId: decider },
        updatedAt: now,
        audit: appendAudit(current.audit, {
          at: now,
          actor: { kind: 'author', id: input.accountId },
          what: 'appealed',
          before: auditState(current),
          after: auditState(next),
        }),
        ...position,
      };
      const written = await this.cases.update(
        { id: current._id, expectedVersion: current.version, set, unset: ['claim'], events: [] },
        position && { ...position, targetType: current.targetType, reasonCode: current.reasonCode },
      );
      return written ? { ...current, ...set, version: current.version + 1 } : LOST_RACE;
    });
  }
}

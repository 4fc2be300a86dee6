import { Injectable } from '@nestjs/common';
import type { ModerationTargetType } from '@app/contracts';
import { NotFoundError, unknownReference } from '@app/platform';
import { TargetRepository } from './target.repository';
import { REPORTABLE_STATUSES, TargetProjection } from './target.schema';

/** Target checks against the local projections of the owners' topics (never a call to them). */
@Injectable()
export class TargetService {
  constructor(private readonly targets: TargetRepository) {}

  /**
   * The target of a report: known here and visible to the people who could report it. Not yet
   * known and young: 409 REFERENCE_NOT_YET_KNOWN; otherwise 404.
   */
  async requireReportable(type: ModerationTargetType, id: string): Promise<TargetProjection> {
    const target = await this.targets.find(type, id);
    if (!target) throw unknownReference({ kind: type, id, notFoundCode: 'TARGET_NOT_FOUND' });
    if (!REPORTABLE_STATUSES[type].includes(target.status)) {
      throw new NotFoundError('TARGET_NOT_FOUND', `${type} ${id} does not exist.`);
    }
    return target;
  }
}

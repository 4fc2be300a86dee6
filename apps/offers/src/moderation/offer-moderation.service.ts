import { Injectable, Logger } from '@nestjs/common';
import type { ModerationActionKind, ModerationTarget } from '@app/contracts';
import { HandlerOutcome } from '@app/platform';
import { offerModerated } from '../offers/offer.events';
import { OfferRepository } from '../offers/offer.repository';
import { offerStatusAfter } from './offer-moderation-transitions';

const MAX_WRITE_ATTEMPTS = 5;
/** How many answered action ids an offer remembers; its version guard covers anything older. */
const ACTION_MEMORY = 50;

export interface ModerationAction {
  readonly eventId: string;
  readonly correlationId: string;
  readonly caseId: string;
  readonly target: ModerationTarget;
  readonly action: ModerationActionKind;
  readonly reasonCode: string;
}

@Injectable()
export class OfferModerationService {
  private readonly log = new Logger(OfferModerationService.name);

  constructor(private readonly offers: OfferRepository) {}

  /**
   * Applies a hold or decision and answers it with OfferModerated in the same atomic write, so a
   * redelivered action (its id is remembered in that write) is neither applied nor answered twice.
   */
  async apply(action: ModerationAction): Promise<HandlerOutcome> {
    for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
      const current = await this.offers.findById(action.target.id);
      if (!current) {
        this.log.warn(
          { offerId: action.target.id, actionEventId: action.eventId },
          'moderation action for an unknown offer',
        );
        return 'skipped-irrelevant';
      }
      if (current.appliedActionIds.includes(action.eventId)) return 'skipped-duplicate';
      const after = offerStatusAfter(current, action.action);
      const appliedActionIds = [...current.appliedActionIds, action.eventId].slice(-ACTION_MEMORY);
      const next = {
        ...current,
        status: after?.status ?? current.status,
        statusBeforeModeration: after ? after.statusBeforeModeration : current.statusBeforeModeration,
        appliedActionIds,
        updatedAt: after ? new Date() : current.updatedAt,
        version: current.version + 1,
      };
      const event = offerModerated({
        offer: next,
        changedFields: after ? ['status'] : [],
        correlationId: action.correlationId,
        moderation: {
          action: action.action,
          actionEventId: action.eventId,
          caseId: action.caseId,
          applied: after !== undefined,
          reasonCode: action.reasonCode,
        },
      });
      const written = await this.offers.updateModerated({
        id: current._id,
        expectedVersion: current.version,
        set: {
          status: next.status,
          appliedActionIds,
          updatedAt: next.updatedAt,
          ...(next.statusBeforeModeration ? { statusBeforeModeration: next.statusBeforeModeration } : {}),
        },
        unset: next.statusBeforeModeration ? [] : ['statusBeforeModeration'],
        events: [event],
      });
      if (written) return 'applied';
    }
    throw new Error(`offer ${action.target.id}: too many concurrent writes while moderating`);
  }
}

import { Injectable, Logger } from '@nestjs/common';
import {
  answerModerationAction,
  HandlerOutcome,
  ModeratedEntity,
  ModerationAction,
  moderationOutcome,
} from '@app/platform';
import { offerModerated } from '../offers/offer.events';
import { OfferRepository, StoredOffer } from '../offers/offer.repository';
import { ModeratedStatus, offerStatusAfter } from './offer-moderation-rules';

/** Applies holds and decisions to offers and answers each once with OfferModerated. */
@Injectable()
export class OfferModerationService {
  private readonly log = new Logger(OfferModerationService.name);
  private readonly offers: ModeratedEntity<StoredOffer, ModeratedStatus>;

  constructor(repository: OfferRepository) {
    this.offers = {
      kind: 'offer',
      find: (id) => repository.findById(id),
      answeredActionIds: (offer) => offer.appliedActionIds,
      transition: (offer, action) => offerStatusAfter(offer, action),
      write: ({ entity, action, change, answeredActionIds }) =>
        repository.updateModerated(moderationWrite(entity, action, change, answeredActionIds)),
    };
  }

  apply(action: ModerationAction): Promise<HandlerOutcome> {
    return answerModerationAction(this.offers, action, this.log);
  }
}

/** The guarded update of one answered action: the status change (if any) and OfferModerated. */
function moderationWrite(
  current: StoredOffer,
  action: ModerationAction,
  after: ModeratedStatus | undefined,
  appliedActionIds: string[],
) {
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
    moderation: moderationOutcome(action, after !== undefined),
  });
  return {
    id: current._id,
    expectedVersion: current.version,
    set: {
      status: next.status,
      appliedActionIds,
      updatedAt: next.updatedAt,
      ...(next.statusBeforeModeration ? { statusBeforeModeration: next.statusBeforeModeration } : {}),
    },
    unset: next.statusBeforeModeration ? [] : (['statusBeforeModeration'] as const),
    events: [event],
  };
}

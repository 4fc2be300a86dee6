import { buildEvent, EventEnvelope, ModerationOutcome, OfferState } from '@app/contracts';
import { currentCorrelationId } from '@app/platform';
import type { Offer } from './offer.schema';

export type OfferSnapshot = Omit<Offer, 'outbox' | 'outboxPendingSince' | 'outboxPending'>;

/** The full state an offer event carries (the topic is compacted: the latest says it all). */
export function offerState(offer: OfferSnapshot): OfferState {
  return {
    offerId: offer._id,
    productId: offer.productId,
    sellerId: offer.sellerId,
    sku: offer.sku,
    condition: offer.condition,
    ...(offer.conditionNote ? { conditionNote: offer.conditionNote } : {}),
    price: { amountMinor: offer.price.amountMinor, currency: offer.price.currency },
    quantity: offer.quantity,
    handlingDays: { min: offer.handlingDays.min, max: offer.handlingDays.max },
    status: offer.status,
    version: offer.version,
    createdAt: offer.createdAt.toISOString(),
    updatedAt: offer.updatedAt.toISOString(),
  };
}

export type SellerEventType = 'OfferListed' | 'OfferUpdated' | 'OfferWithdrawn';

/** `offer.version` is the version the change produces (the event's aggregate version). */
export function offerChanged<T extends SellerEventType>(
  type: T,
  offer: OfferSnapshot,
  changedFields: string[],
  correlationId?: string,
): EventEnvelope<T> {
  return buildEvent(type, {
    aggregateId: offer._id,
    aggregateVersion: offer.version,
    correlationId: correlationId ?? currentCorrelationId() ?? offer._id,
    payload: { offer: offerState(offer), changedFields },
  } as never);
}

export function offerModerated(input: {
  offer: OfferSnapshot;
  moderation: ModerationOutcome;
  changedFields: string[];
  correlationId: string;
}): EventEnvelope<'OfferModerated'> {
  return buildEvent('OfferModerated', {
    aggregateId: input.offer._id,
    aggregateVersion: input.offer.version,
    correlationId: input.correlationId,
    causationId: input.moderation.actionEventId,
    payload: {
      offer: offerState(input.offer),
      changedFields: input.changedFields,
      moderation: input.moderation,
    },
  });
}

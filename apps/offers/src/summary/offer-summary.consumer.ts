import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { HandlerOutcome, OnEvent, Public } from '@app/platform';
import { OfferSummaryService } from './offer-summary.service';

type OfferEvent = EventEnvelope<'OfferListed' | 'OfferUpdated' | 'OfferWithdrawn' | 'OfferModerated'>;

/** The summary builder's group reads the service's own offer events (ARCHITECTURE.md). */
@Public()
@Controller()
export class OfferSummaryConsumer {
  constructor(private readonly summaries: OfferSummaryService) {}

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferListed')
  onListed(@Payload() event: EventEnvelope<'OfferListed'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferUpdated')
  onUpdated(@Payload() event: EventEnvelope<'OfferUpdated'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferWithdrawn')
  onWithdrawn(@Payload() event: EventEnvelope<'OfferWithdrawn'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferModerated')
  onModerated(@Payload() event: EventEnvelope<'OfferModerated'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  private refresh(event: OfferEvent): Promise<HandlerOutcome> {
    return this.summaries.refresh({
      productId: event.payload.offer.productId,
      changedAt: new Date(event.occurredAt),
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
  }
}

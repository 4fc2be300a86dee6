import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { EventContext, HandlerOutcome, OnEvent } from '@app/platform';
import { OfferSummaryService } from './offer-summary.service';

type OfferEvent = EventEnvelope<'OfferListed' | 'OfferUpdated' | 'OfferWithdrawn' | 'OfferModerated'>;

/**
 * The summary builder's group reads the service's own offer events (docs/architecture.md,
 * "Summaries from the owner's own data").
 */
@Controller()
export class OfferSummaryConsumer {
  constructor(private readonly summaries: OfferSummaryService) {}

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferListed')
  onListed(
    @Payload() event: EventEnvelope<'OfferListed'>,
    @Ctx() context: EventContext,
  ): Promise<HandlerOutcome> {
    return this.refresh(event, context);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferUpdated')
  onUpdated(
    @Payload() event: EventEnvelope<'OfferUpdated'>,
    @Ctx() context: EventContext,
  ): Promise<HandlerOutcome> {
    return this.refresh(event, context);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferWithdrawn')
  onWithdrawn(
    @Payload() event: EventEnvelope<'OfferWithdrawn'>,
    @Ctx() context: EventContext,
  ): Promise<HandlerOutcome> {
    return this.refresh(event, context);
  }

  @OnEvent(ConsumerGroup.OffersSummaryBuilder, 'OfferModerated')
  onModerated(
    @Payload() event: EventEnvelope<'OfferModerated'>,
    @Ctx() context: EventContext,
  ): Promise<HandlerOutcome> {
    return this.refresh(event, context);
  }

  private refresh(event: OfferEvent, context: EventContext): Promise<HandlerOutcome> {
    // A writer stamps `occurredAt` before its write commits (a feed chunk's bulk write can take
    // seconds); the send time comes after the commit, so a recompute begun later has seen it.
    const sentAt = context.publishedAt?.getTime() ?? Date.now();
    return this.summaries.refresh({
      productId: event.payload.offer.productId,
      changedAt: new Date(Math.max(Date.parse(event.occurredAt), sentAt)),
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
  }
}

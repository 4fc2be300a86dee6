import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { HandlerOutcome, OnEvent } from '@app/platform';
import { RatingSummaryService } from './rating-summary.service';

type ReviewEvent = EventEnvelope<
  'ReviewSubmitted' | 'ReviewPublished' | 'ReviewUpdated' | 'ReviewWithdrawn' | 'ReviewModerated'
>;

/**
 * The summary builder's group reads the service's own review events (docs/architecture.md,
 * "Summaries from the owner's own data").
 */
@Controller()
export class RatingSummaryConsumer {
  constructor(private readonly summaries: RatingSummaryService) {}

  @OnEvent(ConsumerGroup.ReviewsSummaryBuilder, 'ReviewSubmitted')
  onSubmitted(@Payload() event: EventEnvelope<'ReviewSubmitted'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.ReviewsSummaryBuilder, 'ReviewPublished')
  onPublished(@Payload() event: EventEnvelope<'ReviewPublished'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.ReviewsSummaryBuilder, 'ReviewUpdated')
  onUpdated(@Payload() event: EventEnvelope<'ReviewUpdated'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.ReviewsSummaryBuilder, 'ReviewWithdrawn')
  onWithdrawn(@Payload() event: EventEnvelope<'ReviewWithdrawn'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  @OnEvent(ConsumerGroup.ReviewsSummaryBuilder, 'ReviewModerated')
  onModerated(@Payload() event: EventEnvelope<'ReviewModerated'>): Promise<HandlerOutcome> {
    return this.refresh(event);
  }

  private refresh(event: ReviewEvent): Promise<HandlerOutcome> {
    return this.summaries.refresh({
      productId: event.payload.review.productId,
      changedAt: new Date(event.occurredAt),
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
  }
}

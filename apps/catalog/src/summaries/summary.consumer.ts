import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { HandlerOutcome, OnEvent } from '@app/platform';
import { SummaryService } from './summary.service';

/** Summary events in: validated by the transport, applied with a version guard. */
@Controller()
export class SummaryConsumer {
  constructor(private readonly summaries: SummaryService) {}

  @OnEvent(ConsumerGroup.Catalog, 'OfferSummaryChanged')
  onOfferSummary(@Payload() event: EventEnvelope<'OfferSummaryChanged'>): Promise<HandlerOutcome> {
    return this.summaries.applyOfferSummary(event);
  }

  @OnEvent(ConsumerGroup.Catalog, 'RatingSummaryChanged')
  onRatingSummary(@Payload() event: EventEnvelope<'RatingSummaryChanged'>): Promise<HandlerOutcome> {
    return this.summaries.applyRatingSummary(event);
  }
}

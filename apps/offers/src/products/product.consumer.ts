import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { HandlerOutcome, OnEvent, ProductProjectionRepository } from '@app/platform';
import { OfferSummaryService } from '../summary/offer-summary.service';

type ProductEvent = EventEnvelope<'ProductCreated' | 'ProductUpdated' | 'ProductModerated'>;

/**
 * Keeps the local product projection from catalog.product.v1. Visibility decides whether a
 * product's offers count, so a projected change also recomputes the product's offer summary.
 */
@Controller()
export class ProductConsumer {
  constructor(
    private readonly products: ProductProjectionRepository,
    private readonly summaries: OfferSummaryService,
  ) {}

  @OnEvent(ConsumerGroup.Offers, 'ProductCreated')
  onCreated(@Payload() event: EventEnvelope<'ProductCreated'>): Promise<HandlerOutcome> {
    return this.project(event);
  }

  @OnEvent(ConsumerGroup.Offers, 'ProductUpdated')
  onUpdated(@Payload() event: EventEnvelope<'ProductUpdated'>): Promise<HandlerOutcome> {
    return this.project(event);
  }

  @OnEvent(ConsumerGroup.Offers, 'ProductModerated')
  onModerated(@Payload() event: EventEnvelope<'ProductModerated'>): Promise<HandlerOutcome> {
    return this.project(event);
  }

  private async project(event: ProductEvent): Promise<HandlerOutcome> {
    const outcome = await this.products.project(event.payload.product);
    // Recompute also on a replay (skipped-stale): a crash may have come between the two writes.
    await this.summaries.refresh({
      productId: event.payload.product.productId,
      changedAt: new Date(),
      correlationId: event.correlationId,
      causationId: event.eventId,
    });
    return outcome;
  }
}

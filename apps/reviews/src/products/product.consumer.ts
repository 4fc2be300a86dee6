import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope } from '@app/contracts';
import { HandlerOutcome, OnEvent, ProductProjectionRepository } from '@app/platform';

/** Keeps the local product projection from catalog.product.v1 (existence and visibility). */
@Controller()
export class ProductConsumer {
  constructor(private readonly products: ProductProjectionRepository) {}

  @OnEvent(ConsumerGroup.Reviews, 'ProductCreated')
  onCreated(@Payload() event: EventEnvelope<'ProductCreated'>): Promise<HandlerOutcome> {
    return this.products.project(event.payload.product);
  }

  @OnEvent(ConsumerGroup.Reviews, 'ProductUpdated')
  onUpdated(@Payload() event: EventEnvelope<'ProductUpdated'>): Promise<HandlerOutcome> {
    return this.products.project(event.payload.product);
  }

  @OnEvent(ConsumerGroup.Reviews, 'ProductModerated')
  onModerated(@Payload() event: EventEnvelope<'ProductModerated'>): Promise<HandlerOutcome> {
    return this.products.project(event.payload.product);
  }
}

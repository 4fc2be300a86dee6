import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope, ModerationTargetType } from '@app/contracts';
import { HandlerOutcome, OnEvent, toModerationAction } from '@app/platform';
import { ProductModerationService } from './product-moderation.service';

/** Moderation actions in; those about offers, reviews and pen names are their owners' business. */
@Controller()
export class ProductModerationConsumer {
  constructor(private readonly moderation: ProductModerationService) {}

  @OnEvent(ConsumerGroup.Catalog, 'HoldPlaced')
  onHold(@Payload() event: EventEnvelope<'HoldPlaced'>): Promise<HandlerOutcome> {
    return this.dispatch(event);
  }

  @OnEvent(ConsumerGroup.Catalog, 'DecisionMade')
  onDecision(@Payload() event: EventEnvelope<'DecisionMade'>): Promise<HandlerOutcome> {
    return this.dispatch(event);
  }

  private dispatch(event: EventEnvelope<'HoldPlaced' | 'DecisionMade'>): Promise<HandlerOutcome> {
    if (event.payload.target.type !== ModerationTargetType.Product)
      return Promise.resolve('skipped-irrelevant');
    return this.moderation.apply(toModerationAction(event));
  }
}

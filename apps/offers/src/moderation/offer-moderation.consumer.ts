import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope, ModerationTargetType } from '@app/contracts';
import { HandlerOutcome, ModerationAction, OnEvent, toModerationAction } from '@app/platform';
import { OfferModerationService } from './offer-moderation.service';

/** Holds and decisions from moderation.action.v1 about offers (other targets are skipped). */
@Controller()
export class OfferModerationConsumer {
  constructor(private readonly offers: OfferModerationService) {}

  @OnEvent(ConsumerGroup.Offers, 'HoldPlaced')
  onHold(@Payload() event: EventEnvelope<'HoldPlaced'>): Promise<HandlerOutcome> {
    return this.dispatch(toModerationAction(event));
  }

  @OnEvent(ConsumerGroup.Offers, 'DecisionMade')
  onDecision(@Payload() event: EventEnvelope<'DecisionMade'>): Promise<HandlerOutcome> {
    return this.dispatch(toModerationAction(event));
  }

  private dispatch(action: ModerationAction): Promise<HandlerOutcome> {
    if (action.target.type !== ModerationTargetType.Offer) return Promise.resolve('skipped-irrelevant');
    return this.offers.apply(action);
  }
}

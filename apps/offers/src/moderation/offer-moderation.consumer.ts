import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope, ModerationTargetType } from '@app/contracts';
import { HandlerOutcome, OnEvent, Public } from '@app/platform';
import { ModerationAction, OfferModerationService } from './offer-moderation.service';

function toAction(event: EventEnvelope<'HoldPlaced' | 'DecisionMade'>): ModerationAction {
  const payload = event.payload;
  return {
    eventId: event.eventId,
    correlationId: event.correlationId,
    caseId: payload.caseId,
    target: payload.target,
    action: 'decision' in payload ? payload.decision : 'hold',
    reasonCode: payload.reasonCode,
  };
}

/** Holds and decisions from moderation.action.v1 about offers (other targets are skipped). */
@Public()
@Controller()
export class OfferModerationConsumer {
  constructor(private readonly offers: OfferModerationService) {}

  @OnEvent(ConsumerGroup.Offers, 'HoldPlaced')
  onHold(@Payload() event: EventEnvelope<'HoldPlaced'>): Promise<HandlerOutcome> {
    return this.dispatch(toAction(event));
  }

  @OnEvent(ConsumerGroup.Offers, 'DecisionMade')
  onDecision(@Payload() event: EventEnvelope<'DecisionMade'>): Promise<HandlerOutcome> {
    return this.dispatch(toAction(event));
  }

  private dispatch(action: ModerationAction): Promise<HandlerOutcome> {
    if (action.target.type !== ModerationTargetType.Offer) return Promise.resolve('skipped-irrelevant');
    return this.offers.apply(action);
  }
}

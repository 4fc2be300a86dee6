import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConsumerGroup, EventEnvelope, ModerationTargetType } from '@app/contracts';
import { HandlerOutcome, ModerationAction, OnEvent, toModerationAction } from '@app/platform';

import { PenNameModerationService } from './pen-name-moderation.service';
import { ReviewModerationService } from './review-moderation.service';

/** Holds and decisions from moderation.action.v1 about reviews and pen names (others are skipped). */
@Controller()
export class ModerationConsumer {
  constructor(
    private readonly reviews: ReviewModerationService,
    private readonly penNames: PenNameModerationService,
  ) {}

  @OnEvent(ConsumerGroup.Reviews, 'HoldPlaced')
  onHold(@Payload() event: EventEnvelope<'HoldPlaced'>): Promise<HandlerOutcome> {
    return this.dispatch(toModerationAction(event));
  }

  @OnEvent(ConsumerGroup.Reviews, 'DecisionMade')
  onDecision(@Payload() event: EventEnvelope<'DecisionMade'>): Promise<HandlerOutcome> {
    return this.dispatch(toModerationAction(event));
  }

  private dispatch(action: ModerationAction): Promise<HandlerOutcome> {
    switch (action.target.type) {
      case ModerationTargetType.Review:
        return this.reviews.apply(action);
      case ModerationTargetType.PenName:
        return this.penNames.apply(action);
      default:
        return Promise.resolve('skipped-irrelevant');
    }
  }
}

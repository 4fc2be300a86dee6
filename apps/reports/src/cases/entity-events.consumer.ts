import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  ConsumerGroup,
  EventEnvelope,
  ModerationOutcome,
  OfferState,
  PenNameState,
  ProductState,
  ReviewState,
  ServiceName,
} from '@app/contracts';
import { HandlerOutcome, OnEvent } from '@app/platform';
import { TargetRepository, TargetSnapshot } from '../targets/target.repository';
import { accountAuthor, sellerAuthor } from '../targets/target.schema';
import { ActionAnswerService } from './action-answer.service';
import { CaseIntakeService } from './case-intake.service';

const product = (p: ProductState): TargetSnapshot => ({
  type: 'product',
  id: p.productId,
  status: p.visibility,
  authorKey: null,
  version: p.version,
});
const offer = (o: OfferState): TargetSnapshot => ({
  type: 'offer',
  id: o.offerId,
  status: o.status,
  authorKey: sellerAuthor(o.sellerId),
  version: o.version,
});
const review = (r: ReviewState): TargetSnapshot => ({
  type: 'review',
  id: r.reviewId,
  status: r.status,
  authorKey: accountAuthor(r.accountId),
  version: r.version,
});
const penName = (n: PenNameState): TargetSnapshot => ({
  type: 'pen_name',
  id: n.penNameId,
  status: n.status,
  authorKey: accountAuthor(n.accountId),
  version: n.version,
});

/**
 * The owners' entity topics in: the projections reports checks targets against, pre-moderation
 * cases for reviews that become pending, and the owners' answers to moderation actions.
 */
@Controller()
export class EntityEventsConsumer {
  constructor(
    private readonly targets: TargetRepository,
    private readonly intake: CaseIntakeService,
    private readonly answers: ActionAnswerService,
  ) {}

  @OnEvent(ConsumerGroup.Reports, 'ProductCreated')
  onProductCreated(@Payload() event: EventEnvelope<'ProductCreated'>): Promise<HandlerOutcome> {
    return this.targets.project(product(event.payload.product));
  }

  @OnEvent(ConsumerGroup.Reports, 'ProductUpdated')
  onProductUpdated(@Payload() event: EventEnvelope<'ProductUpdated'>): Promise<HandlerOutcome> {
    return this.targets.project(product(event.payload.product));
  }

  @OnEvent(ConsumerGroup.Reports, 'ProductModerated')
  onProductModerated(@Payload() event: EventEnvelope<'ProductModerated'>): Promise<HandlerOutcome> {
    return this.answered(product(event.payload.product), event.payload.moderation, event.producer);
  }

  @OnEvent(ConsumerGroup.Reports, 'OfferListed')
  onOfferListed(@Payload() event: EventEnvelope<'OfferListed'>): Promise<HandlerOutcome> {
    return this.targets.project(offer(event.payload.offer));
  }

  @OnEvent(ConsumerGroup.Reports, 'OfferUpdated')
  onOfferUpdated(@Payload() event: EventEnvelope<'OfferUpdated'>): Promise<HandlerOutcome> {
    return this.targets.project(offer(event.payload.offer));
  }

  @OnEvent(ConsumerGroup.Reports, 'OfferWithdrawn')
  onOfferWithdrawn(@Payload() event: EventEnvelope<'OfferWithdrawn'>): Promise<HandlerOutcome> {
    return this.targets.project(offer(event.payload.offer));
  }

  @OnEvent(ConsumerGroup.Reports, 'OfferModerated')
  onOfferModerated(@Payload() event: EventEnvelope<'OfferModerated'>): Promise<HandlerOutcome> {
    return this.answered(offer(event.payload.offer), event.payload.moderation, event.producer);
  }

  @OnEvent(ConsumerGroup.Reports, 'ReviewSubmitted')
  onReviewSubmitted(@Payload() event: EventEnvelope<'ReviewSubmitted'>): Promise<HandlerOutcome> {
    return this.onReview(event.payload.review);
  }

  @OnEvent(ConsumerGroup.Reports, 'ReviewPublished')
  onReviewPublished(@Payload() event: EventEnvelope<'ReviewPublished'>): Promise<HandlerOutcome> {
    return this.onReview(event.payload.review);
  }

  @OnEvent(ConsumerGroup.Reports, 'ReviewUpdated')
  onReviewUpdated(@Payload() event: EventEnvelope<'ReviewUpdated'>): Promise<HandlerOutcome> {
    return this.onReview(event.payload.review);
  }

  @OnEvent(ConsumerGroup.Reports, 'ReviewWithdrawn')
  onReviewWithdrawn(@Payload() event: EventEnvelope<'ReviewWithdrawn'>): Promise<HandlerOutcome> {
    return this.onReview(event.payload.review);
  }

  @OnEvent(ConsumerGroup.Reports, 'ReviewModerated')
  onReviewModerated(@Payload() event: EventEnvelope<'ReviewModerated'>): Promise<HandlerOutcome> {
    return this.answered(review(event.payload.review), event.payload.moderation, event.producer);
  }

  @OnEvent(ConsumerGroup.Reports, 'PenNameCreated')
  onPenNameCreated(@Payload() event: EventEnvelope<'PenNameCreated'>): Promise<HandlerOutcome> {
    return this.targets.project(penName(event.payload.penName));
  }

  @OnEvent(ConsumerGroup.Reports, 'PenNameModerated')
  onPenNameModerated(@Payload() event: EventEnvelope<'PenNameModerated'>): Promise<HandlerOutcome> {
    return this.answered(penName(event.payload.penName), event.payload.moderation, event.producer);
  }

  /**
   * A review that becomes pending (submitted so, or edited back to pending) opens a pre-moderation
   * case. Decided from the projection as it was before this event, and the case is opened before
   * the projection moves on: a crash in between redelivers the event, which decides the same and
   * finds the case already open; a replay of an old event is older than the projection: no case.
   */
  private async onReview(state: ReviewState): Promise<HandlerOutcome> {
    const known = await this.targets.find('review', state.reviewId);
    const newer = !known || known.version < state.version;
    if (newer && state.status === 'pending' && known?.status !== 'pending') {
      await this.intake.openPreModeration(state);
    }
    return this.targets.project(review(state));
  }

  /** The owner's answer: the projection takes the new state, the case marks its action answered. */
  private async answered(
    target: TargetSnapshot,
    moderation: ModerationOutcome,
    owner: ServiceName,
  ): Promise<HandlerOutcome> {
    const projected = await this.targets.project(target);
    const answered = await this.answers.record({ moderation, owner, targetStatus: target.status });
    return answered === 'applied' ? 'applied' : projected;
  }
}

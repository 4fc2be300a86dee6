import { EventPattern } from '@nestjs/microservices';
import type { ConsumerGroup, EventType } from '@app/contracts';

export function handlerPattern(group: ConsumerGroup, type: EventType): string {
  return `${group}:${type}`;
}

/**
 * Declares a handler for one event type in one consumer group:
 * `@OnEvent(ConsumerGroup.Offers, 'ProductUpdated') onProduct(event: EventEnvelope<'ProductUpdated'>)`.
 * The Kafka transport validates the event before the handler sees it.
 */
export function OnEvent(group: ConsumerGroup, type: EventType): MethodDecorator {
  return EventPattern(handlerPattern(group, type));
}

import type { AnyEventEnvelope, ConsumerGroup, EventType, EventEnvelope } from '@app/contracts';

/**
 * Our own small messaging interface. Services depend on these types only; the Kafka client behind
 * them (kafkajs today) can be replaced without touching a service.
 */
export abstract class EventPublisher {
  /** Publishes events in order; resolves once the broker has acknowledged all of them. */
  abstract publish(events: readonly AnyEventEnvelope[]): Promise<void>;
}

/** What a handler did with an event, logged with its correlation id and counted in metrics. */
export type HandlerOutcome = 'applied' | 'skipped-duplicate' | 'skipped-stale' | 'skipped-irrelevant';

export interface EventContext {
  readonly group: ConsumerGroup;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
}

export type EventHandler<T extends EventType> = (
  event: EventEnvelope<T>,
  context: EventContext,
) => Promise<HandlerOutcome>;

/**
 * An event the handler can never process, however often it is retried (a broken invariant, a
 * reference that cannot exist). It goes to the dead-letter topic at once.
 */
export class PermanentEventError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentEventError';
  }
}

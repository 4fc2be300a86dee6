import type { ConsumerGroup } from '@app/contracts';
import type { OutboundMessage } from './outbound-message';

/**
 * Our own small messaging interface. Services depend on these types only; the Kafka client behind
 * them (kafkajs today) can be replaced without touching a service.
 */
export abstract class EventPublisher {
  /**
   * Publishes messages in order (per key); resolves once the broker has acknowledged all of them.
   * Services do not call this directly: they append events to their aggregate's outbox and the
   * outbox relay publishes them.
   */
  abstract publish(messages: readonly OutboundMessage[]): Promise<void>;
}

/** What a handler did with an event, logged with its correlation id and counted in metrics. */
export type HandlerOutcome = 'applied' | 'skipped-duplicate' | 'skipped-stale' | 'skipped-irrelevant';

export interface EventContext {
  readonly group: ConsumerGroup;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly attempt: number;
  /**
   * When the producer sent the message (its Kafka timestamp): later than the commit of the write
   * that caused the event, unlike `occurredAt`, which a writer sets before writing.
   */
  readonly publishedAt?: Date;
}

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

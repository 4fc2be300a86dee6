import { AnyEventEnvelope, eventRoute, Topic } from '@app/contracts';
import { eventHeaders } from './kafka-headers';

/**
 * An event ready for the wire: its logical topic, key, serialized value and headers. This is also
 * the shape kept in an aggregate's outbox, so the relay publishes exactly the bytes the write
 * committed.
 */
export interface OutboundMessage {
  readonly eventId: string;
  readonly topic: Topic;
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

export function toOutboundMessage(event: AnyEventEnvelope): OutboundMessage {
  const { topic, key } = eventRoute(event);
  return { eventId: event.eventId, topic, key, value: JSON.stringify(event), headers: eventHeaders(event) };
}

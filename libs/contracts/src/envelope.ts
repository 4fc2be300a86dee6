import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { idSchema, timestampSchema } from './events/common.schema';
import {
  EVENT_DEFINITIONS,
  EventPayloadInputMap,
  EventPayloadMap,
  EventType,
  isEventType,
} from './events/event-types';
import { SERVICE_NAMES } from './services';
import { Topic } from './topics';

/** The envelope every event travels in (docs/architecture.md, "Event catalog"). */
export const envelopeSchema = z.object({
  eventId: z.uuid(),
  type: z.string().min(1),
  schemaVersion: z.int().positive(),
  occurredAt: timestampSchema,
  producer: z.enum(SERVICE_NAMES),
  aggregateType: z.string().min(1),
  aggregateId: idSchema,
  aggregateVersion: z.int().positive(),
  correlationId: z.string().min(1).max(128),
  causationId: z.string().min(1).max(128).nullable(),
  payload: z.unknown(),
});

export interface EventEnvelope<T extends EventType = EventType> {
  eventId: string;
  type: T;
  schemaVersion: number;
  occurredAt: string;
  producer: (typeof SERVICE_NAMES)[number];
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  correlationId: string;
  causationId: string | null;
  payload: EventPayloadMap[T];
}

/** Any event, narrowed by its `type`. */
export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

export interface BuildEventInput<T extends EventType> {
  aggregateId: string;
  aggregateVersion: number;
  payload: EventPayloadInputMap[T];
  correlationId: string;
  causationId?: string | null;
  occurredAt?: Date;
  eventId?: string;
}

/**
 * Builds a validated envelope. An invalid payload here is a programming error in the producer, so
 * it throws instead of publishing something every consumer would dead-letter.
 */
export function buildEvent<T extends EventType>(type: T, input: BuildEventInput<T>): EventEnvelope<T> {
  const definition = EVENT_DEFINITIONS[type];
  const payload = definition.payload.parse(input.payload) as EventPayloadMap[T];
  return {
    eventId: input.eventId ?? uuidv7(),
    type,
    schemaVersion: definition.schemaVersion,
    occurredAt: (input.occurredAt ?? new Date()).toISOString(),
    producer: definition.producer,
    aggregateType: definition.aggregateType,
    aggregateId: input.aggregateId,
    aggregateVersion: input.aggregateVersion,
    correlationId: input.correlationId,
    causationId: input.causationId ?? null,
    payload,
  };
}

export type ParseEventResult =
  | { ok: true; event: AnyEventEnvelope }
  | {
      ok: false;
      reason: 'invalid-envelope' | 'unknown-type' | 'wrong-topic' | 'invalid-payload';
      error: string;
    };

function describeIssues(error: z.ZodError, prefix: string): string {
  return error.issues
    .map((issue) => `${[prefix, ...issue.path.map(String)].filter(Boolean).join('.')}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates an event read off the wire. Unknown fields are stripped (tolerated), missing or invalid
 * required fields are refused with a message naming each field.
 */
export function parseEvent(raw: unknown, expectedTopic?: Topic): ParseEventResult {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) {
    return { ok: false, reason: 'invalid-envelope', error: describeIssues(envelope.error, '') };
  }
  const { type } = envelope.data;
  if (!isEventType(type)) {
    return { ok: false, reason: 'unknown-type', error: `type: unknown event type "${type}"` };
  }
  const definition = EVENT_DEFINITIONS[type];
  if (expectedTopic && definition.topic !== expectedTopic) {
    return {
      ok: false,
      reason: 'wrong-topic',
      error: `type: ${type} belongs on ${definition.topic}, not ${expectedTopic}`,
    };
  }
  const payload = definition.payload.safeParse(envelope.data.payload);
  if (!payload.success) {
    return { ok: false, reason: 'invalid-payload', error: describeIssues(payload.error, 'payload') };
  }
  return { ok: true, event: { ...envelope.data, type, payload: payload.data } as AnyEventEnvelope };
}

/** Where an event goes: its topic and message key (per-key ordering). */
export function eventRoute(event: AnyEventEnvelope): { topic: Topic; key: string } {
  const definition = EVENT_DEFINITIONS[event.type] as {
    topic: Topic;
    partitionKey?: (payload: unknown) => string;
  };
  return {
    topic: definition.topic,
    key: definition.partitionKey ? definition.partitionKey(event.payload) : event.aggregateId,
  };
}

import type { AnyEventEnvelope } from '@app/contracts';
import type { IHeaders } from 'kafkajs';

/** Headers let tools and brokers route and trace without parsing the value. */
export function eventHeaders(event: AnyEventEnvelope): Record<string, string> {
  return {
    'event-type': event.type,
    'event-id': event.eventId,
    'correlation-id': event.correlationId,
    'schema-version': String(event.schemaVersion),
  };
}

export function headerString(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

export function copyHeaders(headers: IHeaders | undefined): Record<string, string> {
  const copy: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const value = headerString(headers, name);
    if (value !== undefined) copy[name] = value;
  }
  return copy;
}

import { SAMPLE_PAYLOADS } from '@app/testing';
import { buildEvent, eventRoute, parseEvent } from './envelope';
import { EVENT_DEFINITIONS, EVENT_TYPES, EventType } from './events/event-types';
import { Topic } from './topics';

function wire(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function sample<T extends EventType>(type: T) {
  return buildEvent(type, {
    aggregateId: 'agg-1',
    aggregateVersion: 1,
    payload: SAMPLE_PAYLOADS[type],
    correlationId: 'corr-12345678',
  });
}

describe('event envelope', () => {
  it.each(EVENT_TYPES)('round-trips %s through its schema', (type) => {
    const event = sample(type);
    const parsed = parseEvent(wire(event), EVENT_DEFINITIONS[type].topic);
    expect(parsed).toEqual({ ok: true, event });
  });

  it('fills envelope fields from the event definition', () => {
    const event = sample('OfferSummaryChanged');
    expect(event).toMatchObject({
      type: 'OfferSummaryChanged',
      producer: 'offers',
      aggregateType: 'offer-summary',
      schemaVersion: 1,
      causationId: null,
    });
    expect(event.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
  });

  it('refuses an event whose payload misses a required field, naming the field', () => {
    const event = wire(sample('ProductUpdated')) as { payload: { product: Record<string, unknown> } };
    delete event.payload.product.isbn13;
    const parsed = parseEvent(event);
    expect(parsed).toMatchObject({ ok: false, reason: 'invalid-payload' });
    expect(!parsed.ok && parsed.error).toContain('payload.product.isbn13');
  });

  it('refuses an envelope without an eventId', () => {
    const event = wire(sample('HoldPlaced')) as Record<string, unknown>;
    delete event.eventId;
    expect(parseEvent(event)).toMatchObject({ ok: false, reason: 'invalid-envelope' });
  });

  it('accepts an extra optional field and strips it', () => {
    const event = wire(sample('RatingSummaryChanged')) as { payload: Record<string, unknown> };
    event.payload.medianRating = 4;
    const parsed = parseEvent(event);
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.event.payload).not.toHaveProperty('medianRating');
  });

  it('refuses an unknown event type and an event on the wrong topic', () => {
    const event = wire(sample('OfferListed')) as Record<string, unknown>;
    expect(parseEvent(event, Topic.CatalogProduct)).toMatchObject({ ok: false, reason: 'wrong-topic' });
    expect(parseEvent({ ...event, type: 'OfferTeleported' })).toMatchObject({
      ok: false,
      reason: 'unknown-type',
    });
  });

  it('refuses to build an event with an invalid payload', () => {
    expect(() =>
      buildEvent('RatingSummaryChanged', {
        aggregateId: 'p-1',
        aggregateVersion: 1,
        payload: { ...SAMPLE_PAYLOADS.RatingSummaryChanged, count: -1 },
        correlationId: 'corr-12345678',
      }),
    ).toThrow();
  });

  it('keys entity events by aggregate id and moderation actions by target id', () => {
    expect(eventRoute(sample('OfferListed'))).toEqual({ topic: Topic.OffersOffer, key: 'agg-1' });
    expect(eventRoute(sample('DecisionMade'))).toEqual({
      topic: Topic.ModerationAction,
      key: SAMPLE_PAYLOADS.DecisionMade.target.id,
    });
  });
});

import { buildEvent, Topic } from '@app/contracts';
import { FakeOutboxBatches, SAMPLE_PAYLOADS } from '@app/testing';
import type { AppConfig } from '../config/app-config';
import type { EventPublisher } from '../messaging/event-bus';
import type { OutboundMessage } from '../messaging/outbound-message';
import { MetricsService } from '../metrics/metrics.service';
import { insertAggregate, updateAggregate } from './aggregate-writes';
import { OutboxRelay } from './outbox-relay';

const SAMPLE_EVENT = buildEvent('OfferWithdrawn', {
  aggregateId: 'o-1',
  aggregateVersion: 1,
  correlationId: 'c-1',
  payload: SAMPLE_PAYLOADS.OfferWithdrawn,
});

function message(eventId: string): OutboundMessage {
  return { eventId, topic: Topic.OffersOffer, key: 'o-1', value: `{"id":"${eventId}"}`, headers: {} };
}

/**
 * A collection that records the calls the relay makes. `afterUpdate` is what findOneAndUpdate
 * returns (the aggregate after the write); `stored` is what findOne reads.
 */
function fakeModel(state: { afterUpdate?: Record<string, unknown>; stored?: Record<string, unknown> }) {
  const calls: string[] = [];
  const collection = {
    collectionName: 'items',
    insertOne: () => (calls.push('insertOne'), Promise.resolve({})),
    findOneAndUpdate: () => (calls.push('findOneAndUpdate'), Promise.resolve(state.afterUpdate ?? null)),
    findOne: () => (calls.push('findOne'), Promise.resolve(state.stored ?? null)),
    updateOne: () => (calls.push('updateOne'), Promise.resolve({ matchedCount: 1 })),
  };
  return { model: { collection } as never, calls };
}

function relayWith(published: string[][], batches = new FakeOutboxBatches()): OutboxRelay {
  const publisher = {
    publish: (messages: readonly OutboundMessage[]) => {
      published.push(messages.map((m) => m.eventId));
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const config = { outbox: { sweepIntervalMs: 1_000 } } as AppConfig;
  return new OutboxRelay(publisher, new MetricsService(), config, batches.asBatches());
}

describe('OutboxRelay after a write', () => {
  it('publishes the outbox insertAggregate returned without reading the aggregate again', async () => {
    const { model, calls } = fakeModel({});
    const published: string[][] = [];
    const relay = relayWith(published);
    const events = [{ ...SAMPLE_EVENT, eventId: 'e1' }];
    const messages = await insertAggregate(model, { _id: 'o-1' }, events as never);
    relay.afterWrite(model, 'o-1', messages);
    await relay.drain();
    expect(calls).toEqual(['insertOne', 'updateOne']);
    expect(published).toEqual([['e1']]);
  });

  it('reads the outbox when handed a list no write returned, so older pending events go first', async () => {
    const { model, calls } = fakeModel({
      stored: { _id: 'o-1', version: 2, outbox: [message('e0'), message('e1')] },
    });
    const published: string[][] = [];
    const relay = relayWith(published);
    relay.afterWrite(model, 'o-1', [message('e1')]);
    await relay.drain();
    expect(calls).toEqual(['findOne', 'updateOne']);
    expect(published).toEqual([['e0', 'e1']]);
  });

  it('publishes what updateAggregate returned, older pending events first, each once per chain', async () => {
    const pending = { _id: 'o-1', version: 3, outbox: [message('e1'), message('e2')] };
    const { model, calls } = fakeModel({ afterUpdate: pending });
    const published: string[][] = [];
    const relay = relayWith(published);
    const change = { id: 'o-1', expectedVersion: 2, set: {}, events: [] };
    const first = await updateAggregate(model, change);
    relay.afterWrite(model, 'o-1', first!);
    // The next write still lists e1 and e2 (their removal has not happened yet) and adds e3.
    pending.outbox = [message('e1'), message('e2'), message('e3')];
    pending.version = 4;
    const second = await updateAggregate(model, { ...change, expectedVersion: 3 });
    relay.afterWrite(model, 'o-1', second!);
    await relay.drain();
    expect(published).toEqual([['e1', 'e2'], ['e3']]);
    expect(calls.filter((call) => call === 'findOne')).toEqual([]);
  });

  it('returns undefined (and hands nothing over) when the version guard refuses the write', async () => {
    const { model } = fakeModel({ afterUpdate: undefined });
    expect(
      await updateAggregate(model, { id: 'o-1', expectedVersion: 2, set: {}, events: [] }),
    ).toBeUndefined();
  });
});

describe('OutboxRelay batches', () => {
  const later = (version: number, outbox: OutboundMessage[], outboxBatch?: string) =>
    fakeModel({ afterUpdate: { _id: 'o-1', version, outbox, outboxBatch } }).model;

  async function writeAfter(relay: OutboxRelay, model: never): Promise<void> {
    const written = await updateAggregate(model, { id: 'o-1', expectedVersion: 2, set: {}, events: [] });
    relay.afterWrite(model, 'o-1', written!);
    await relay.drain();
  }

  it('publishes a batch and closes it; a later write then publishes only its own events', async () => {
    const batches = new FakeOutboxBatches();
    const published: string[][] = [];
    const relay = relayWith(published, batches);
    const { model } = fakeModel({});
    const batchId = await relay.openBatch(
      model,
      [{ aggregateId: 'o-1', messages: [message('e1')] }],
      new Date(Date.now() + 60_000),
    );
    await relay.publishBatch(batchId, [message('e1')]);
    expect(batches.stored.size).toBe(0);
    await writeAfter(relay, later(3, [message('e2')], batchId));
    expect(published).toEqual([['e1'], ['e2']]);
  });

  it('publishes what an open batch holds for the aggregate ahead of a later write, so it stays in order', async () => {
    const batches = new FakeOutboxBatches();
    batches.add({
      _id: 'b-open',
      sweepAfter: new Date(Date.now() + 60_000),
      entries: [
        { aggregateId: 'o-1', messages: [message('e1')] },
        { aggregateId: 'o-2', messages: [message('x1')] },
      ],
    });
    const published: string[][] = [];
    const relay = relayWith(published, batches);
    await writeAfter(relay, later(3, [message('e2')], 'b-open'));
    expect(published).toEqual([['e1', 'e2']]);
  });
});

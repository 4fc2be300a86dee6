import type { AppConfig } from '../config/app-config';
import type { EventPublisher } from '../messaging/event-bus';
import type { OutboundMessage } from '../messaging/outbound-message';
import { MetricsService } from '../metrics/metrics.service';
import { FakeOutboxBatches } from '@app/testing';
import { OutboxRelay } from './outbox-relay';

/** A collection that records the sweep's filter and the relay's updates. */
function fakeCollection(
  name: string,
  pending: { _id: string; outbox: OutboundMessage[]; version: number; outboxBatch?: string }[],
) {
  const filters: Record<string, unknown>[] = [];
  const updates: Record<string, unknown>[] = [];
  const collection = {
    collectionName: name,
    find: (filter: Record<string, unknown>) => {
      filters.push(filter);
      const cursor = {
        sort: () => cursor,
        limit: () => cursor,
        toArray: () => Promise.resolve(pending.map(({ _id }) => ({ _id }))),
      };
      return cursor;
    },
    findOne: (filter: { _id: string }) =>
      Promise.resolve(pending.find((doc) => doc._id === filter._id) ?? null),
    updateOne: (_filter: unknown, update: Record<string, unknown>) => {
      updates.push(update);
      return Promise.resolve({ matchedCount: 1 });
    },
    countDocuments: (filter: Record<string, unknown>) => {
      filters.push(filter);
      return Promise.resolve(pending.length);
    },
  };
  return { model: { collection } as never, filters, updates };
}

function relay(published: string[], batches = new FakeOutboxBatches()): OutboxRelay {
  const publisher = {
    publish: (messages: readonly OutboundMessage[]) => {
      published.push(...messages.map((m) => m.eventId));
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const config = { outbox: { sweepIntervalMs: 1_000 } } as AppConfig;
  return new OutboxRelay(publisher, new MetricsService(), config, batches.asBatches());
}

const message = {
  eventId: 'e1',
  topic: 'catalog.product.v1',
  key: 'p-1',
  value: '{}',
  headers: {},
} as OutboundMessage;

describe('OutboxRelay sweep', () => {
  it('sweeps by the pending flag (an indexed equality) and clears it with the rest', async () => {
    const published: string[] = [];
    const outbox = relay(published);
    const flagged = fakeCollection('products', [{ _id: 'p-1', outbox: [message as never], version: 2 }]);
    outbox.register(flagged.model);
    await outbox.sweepOnce();
    expect(flagged.filters[0]).toEqual({
      outboxPending: true,
      outboxPendingSince: { $lte: expect.any(Date) },
    });
    expect(published).toEqual(['e1']);
    expect(flagged.updates[0]).toMatchObject({ $unset: { outboxPendingSince: '', outboxPending: '' } });
    expect(await outbox.backlog()).toEqual({ products: 1, outbox_batches: 0 });
    expect(flagged.filters[1]).toEqual({ outboxPending: true });
  });
});

describe('OutboxRelay sweep of batches', () => {
  it('publishes the events a batch its writer left open holds, behind none and ahead of later ones, then closes it', async () => {
    const batches = new FakeOutboxBatches();
    const held = (aggregateId: string, eventId: string) => ({
      aggregateId,
      messages: [{ ...message, eventId, key: aggregateId }],
    });
    batches.add({
      _id: 'b-1',
      collection: 'offers',
      entries: [held('o-1', 'e1'), held('o-2', 'e2'), held('o-missing', 'e3'), held('o-lost', 'e4')],
    });
    const published: string[] = [];
    const outbox = relay(published, batches);
    const offers = fakeCollection('offers', []);
    const docs = [
      { _id: 'o-1', outbox: [], version: 1, outboxBatch: 'b-1' },
      // A later write appended e5 while the batch was open: it goes out behind the batch's e2.
      { _id: 'o-2', outbox: [{ ...message, eventId: 'e5' }], version: 5, outboxBatch: 'b-1' },
      // Its write in the batch did not happen (another writer got there first): nothing to send.
      { _id: 'o-lost', outbox: [], version: 2, outboxBatch: 'b-older' },
    ];
    (offers.model as { collection: Record<string, unknown> }).collection.findOne = (filter: {
      _id: string;
    }) => Promise.resolve(docs.find((doc) => doc._id === filter._id) ?? null);
    outbox.register(offers.model);
    await outbox.sweepOnce();
    expect(published).toEqual(['e1', 'e2', 'e5']);
    expect(batches.stored.size).toBe(0);
    expect(await outbox.backlog()).toEqual({ offers: 0, outbox_batches: 0 });
  });

  it('leaves a batch open while the broker refuses its events, and leaves a batch not yet due', async () => {
    const batches = new FakeOutboxBatches();
    batches.add({ _id: 'b-1', collection: 'offers', entries: [{ aggregateId: 'o-1', messages: [message] }] });
    batches.add({
      _id: 'b-2',
      collection: 'offers',
      entries: [{ aggregateId: 'o-2', messages: [{ ...message, eventId: 'e2' }] }],
      sweepAfter: new Date(Date.now() + 60_000),
    });
    const publisher = {
      publish: () => Promise.reject(new Error('broker down')),
    } as unknown as EventPublisher;
    const config = { outbox: { sweepIntervalMs: 1_000 } } as AppConfig;
    const outbox = new OutboxRelay(publisher, new MetricsService(), config, batches.asBatches());
    const offers = fakeCollection('offers', [{ _id: 'o-1', outbox: [], version: 1, outboxBatch: 'b-1' }]);
    outbox.register(offers.model);
    await outbox.sweepOnce();
    expect([...batches.stored.keys()]).toEqual(['b-1', 'b-2']);
  });
});

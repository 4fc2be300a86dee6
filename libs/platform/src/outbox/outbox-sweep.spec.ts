import type { AppConfig } from '../config/app-config';
import type { EventPublisher } from '../messaging/event-bus';
import type { OutboundMessage } from '../messaging/outbound-message';
import { MetricsService } from '../metrics/metrics.service';
import { FakeOutboxBatches } from './outbox-batches.fake';
import { OutboxRelay } from './outbox-relay';

/** A collection that records the sweep's filter and the relay's updates. */
function fakeCollection(
  name: string,
  pending: { _id: string; outbox: OutboundMessage[]; version: number }[],
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
  const config = { outbox: { publishAfterWrite: true, sweepIntervalMs: 1_000 } } as AppConfig;
  return new OutboxRelay(publisher, new MetricsService(), config, batches.asBatches());
}

const message = { eventId: 'e1', topic: 'catalog.product.v1', key: 'p-1', value: '{}', headers: {} };

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
  const tagged = (eventId: string, batchId: string) => ({ ...message, eventId, batchId }) as never;

  it('publishes the aggregates of a batch its writer left open, then closes it', async () => {
    const batches = new FakeOutboxBatches();
    batches.add({ _id: 'b-1', collection: 'offers', aggregateIds: ['o-1', 'o-2', 'o-missing'] });
    const published: string[] = [];
    const outbox = relay(published, batches);
    const offers = fakeCollection('offers', []);
    const docs = [
      { _id: 'o-1', outbox: [tagged('e1', 'b-1')], version: 1 },
      { _id: 'o-2', outbox: [tagged('e2', 'b-1')], version: 4 },
    ];
    (offers.model as { collection: Record<string, unknown> }).collection.findOne = (filter: {
      _id: string;
    }) => Promise.resolve(docs.find((doc) => doc._id === filter._id) ?? null);
    outbox.register(offers.model);
    await outbox.sweepOnce();
    expect(published).toEqual(['e1', 'e2']);
    expect(batches.stored.size).toBe(0);
    expect(await outbox.backlog()).toEqual({ offers: 0, outbox_batches: 0 });
  });

  it('leaves a batch open while the broker refuses its events, and leaves a batch not yet due', async () => {
    const batches = new FakeOutboxBatches();
    batches.add({ _id: 'b-1', collection: 'offers', aggregateIds: ['o-1'] });
    batches.add({
      _id: 'b-2',
      collection: 'offers',
      aggregateIds: ['o-2'],
      sweepAfter: new Date(Date.now() + 60_000),
    });
    const publisher = {
      publish: () => Promise.reject(new Error('broker down')),
    } as unknown as EventPublisher;
    const config = { outbox: { publishAfterWrite: true, sweepIntervalMs: 1_000 } } as AppConfig;
    const outbox = new OutboxRelay(publisher, new MetricsService(), config, batches.asBatches());
    const offers = fakeCollection('offers', [{ _id: 'o-1', outbox: [tagged('e1', 'b-1')], version: 1 }]);
    outbox.register(offers.model);
    await outbox.sweepOnce();
    expect([...batches.stored.keys()]).toEqual(['b-1', 'b-2']);
  });
});

import type { AppConfig } from '../config/app-config';
import type { EventPublisher } from '../messaging/event-bus';
import type { OutboundMessage } from '../messaging/outbound-message';
import { MetricsService } from '../metrics/metrics.service';
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

function relay(published: string[]): OutboxRelay {
  const publisher = {
    publish: (messages: readonly OutboundMessage[]) => {
      published.push(...messages.map((m) => m.eventId));
      return Promise.resolve();
    },
  } as unknown as EventPublisher;
  const config = { outbox: { publishAfterWrite: true, sweepIntervalMs: 1_000 } } as AppConfig;
  return new OutboxRelay(publisher, new MetricsService(), config);
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
    expect(await outbox.backlog()).toEqual({ products: 1 });
    expect(flagged.filters[1]).toEqual({ outboxPending: true });
  });
});

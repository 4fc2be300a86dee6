import type { BatchEntry, OutboundMessage, OutboxBatchDoc, OutboxBatches } from '@app/platform';

type FakeBatch = Omit<OutboxBatchDoc, 'events'> & { events: Map<string, OutboundMessage[]> };

/** Open batches held in a map, for the relay's unit tests (the real ones are stored). */
export class FakeOutboxBatches {
  readonly stored = new Map<string, FakeBatch>();
  private next = 1;

  asBatches(): OutboxBatches {
    return this as unknown as OutboxBatches;
  }

  add(batch: Partial<Omit<FakeBatch, 'events'>> & { _id: string; entries?: readonly BatchEntry[] }): void {
    const { entries = [], ...doc } = batch;
    this.stored.set(batch._id, {
      collection: 'items',
      aggregateIds: entries.map((entry) => entry.aggregateId),
      sweepAfter: new Date(0),
      ...doc,
      events: new Map(entries.map((entry) => [entry.aggregateId, [...entry.messages]])),
    });
  }

  // The OutboxBatches surface the relay uses.
  readonly open = (collection: string, entries: readonly BatchEntry[], sweepAfter: Date) => {
    const _id = `b-${this.next++}`;
    this.add({ _id, collection, entries, sweepAfter });
    return Promise.resolve(_id);
  };
  readonly close = (batchId: string) => (this.stored.delete(batchId), Promise.resolve());
  readonly stillOpen = (ids: Iterable<string>) =>
    Promise.resolve(new Set([...ids].filter((id) => this.stored.has(id))));
  readonly events = (batchId: string) => Promise.resolve(this.stored.get(batchId)?.events);
  readonly due = (now: Date) =>
    Promise.resolve([...this.stored.values()].filter((batch) => batch.sweepAfter <= now));
  readonly count = () => Promise.resolve(this.stored.size);
}

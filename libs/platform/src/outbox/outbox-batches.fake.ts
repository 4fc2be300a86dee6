import type { OutboxBatchDoc, OutboxBatches } from './outbox-batches';

/** Open batches held in a map, for the relay's unit tests (the real ones are stored). */
export class FakeOutboxBatches {
  readonly stored = new Map<string, OutboxBatchDoc>();
  private next = 1;

  asBatches(): OutboxBatches {
    return this as unknown as OutboxBatches;
  }

  add(batch: Partial<OutboxBatchDoc> & { _id: string }): void {
    this.stored.set(batch._id, {
      collection: 'items',
      aggregateIds: [],
      sweepAfter: new Date(0),
      ...batch,
    });
  }

  // The OutboxBatches surface the relay uses.
  readonly open = (collection: string, aggregateIds: readonly string[], sweepAfter: Date) => {
    const _id = `b-${this.next++}`;
    this.add({ _id, collection, aggregateIds: [...aggregateIds], sweepAfter });
    return Promise.resolve(_id);
  };
  readonly close = (batchId: string) => (this.stored.delete(batchId), Promise.resolve());
  readonly stillOpen = (ids: Iterable<string>) =>
    Promise.resolve(new Set([...ids].filter((id) => this.stored.has(id))));
  readonly due = (now: Date) =>
    Promise.resolve([...this.stored.values()].filter((batch) => batch.sweepAfter <= now));
  readonly count = () => Promise.resolve(this.stored.size);
}

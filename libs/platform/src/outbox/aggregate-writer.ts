import type { Model } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import { isDuplicateKey } from '../database/mongo-errors';
import { AggregateChange, insertAggregate, OutboxFields, updateAggregate } from './aggregate-writes';
import { OutboxRelay } from './outbox-relay';

/**
 * The write half of an event-producing repository: each write is one atomic insert or
 * version-guarded update with its events in the outbox, handed to the relay right after. A lost
 * race is `false`, for the caller to re-read and decide again.
 */
export class AggregateWriter<TDoc extends OutboxFields> {
  constructor(
    private readonly model: Model<TDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  /** Inserts at version 1; false when its id (or another unique key) is taken already. */
  async insert(
    doc: Omit<TDoc, keyof OutboxFields> & { _id: string },
    events: readonly AnyEventEnvelope[],
  ): Promise<boolean> {
    try {
      const messages = await insertAggregate(this.model, doc, events);
      this.relay.afterWrite(this.model, doc._id, messages);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Applies the change if the aggregate is still at `expectedVersion` (and in scope). */
  async update(change: AggregateChange<TDoc>): Promise<boolean> {
    const messages = await updateAggregate(this.model, change);
    if (!messages) return false;
    this.relay.afterWrite(this.model, change.id, messages);
    return true;
  }
}

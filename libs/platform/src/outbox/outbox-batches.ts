import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Collection, Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import { RecentIds } from './recent-ids';

/**
 * One open outbox batch: aggregates of `collection` written together (a feed chunk) whose events
 * go out together. It is stored before the writes and deleted once their events are published, so
 * while it exists its events may still be unpublished; after that, they certainly were.
 */
export interface OutboxBatchDoc {
  _id: string;
  collection: string;
  aggregateIds: string[];
  /** Until then the writer publishes the batch itself; after it, the relay's sweep does. */
  sweepAfter: Date;
}

/** How many closed batch ids a process remembers, so its own recent batches need no lookup. */
const CLOSED_MEMORY = 10_000;

/** The `outbox_batches` collection: which batches are still open. Used by the relay only. */
@Injectable()
export class OutboxBatches {
  private readonly closed = new RecentIds(CLOSED_MEMORY);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get batches(): Collection<OutboxBatchDoc> {
    return this.connection.collection<OutboxBatchDoc>('outbox_batches');
  }

  async open(collection: string, aggregateIds: readonly string[], sweepAfter: Date): Promise<string> {
    const _id = uuidv7();
    await this.batches.insertOne({ _id, collection, aggregateIds: [...aggregateIds], sweepAfter });
    return _id;
  }

  async close(batchId: string): Promise<void> {
    await this.batches.deleteOne({ _id: batchId });
    this.closed.add(batchId);
  }

  /** Those of `batchIds` still open: their events may not all be published yet. */
  async stillOpen(batchIds: Iterable<string>): Promise<Set<string>> {
    const unknown = [...new Set(batchIds)].filter((id) => !this.closed.has(id));
    if (unknown.length === 0) return new Set();
    const open = await this.batches.find({ _id: { $in: unknown } }, { projection: { _id: 1 } }).toArray();
    const openIds = new Set(open.map((batch) => batch._id));
    for (const id of unknown) if (!openIds.has(id)) this.closed.add(id);
    return openIds;
  }

  /**
   * Open batches whose writer's time is up (it died, or the broker was down). Only open batches
   * are stored, a handful at most, so reading them all is cheap even where a range query scans.
   */
  async due(now: Date, limit: number): Promise<OutboxBatchDoc[]> {
    return this.batches
      .find({ sweepAfter: { $lte: now } })
      .limit(limit)
      .toArray();
  }

  count(): Promise<number> {
    return this.batches.countDocuments({});
  }
}

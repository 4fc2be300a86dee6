import { promisify } from 'node:util';
import { deflate, inflate } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { mongo, type Collection, type Connection } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { OutboundMessage } from '../messaging/outbound-message';
import { RecentIds } from './recent-ids';

/** One aggregate's events in a batch, in the order they go out. */
export interface BatchEntry {
  readonly aggregateId: string;
  readonly messages: readonly OutboundMessage[];
}

/**
 * One open outbox batch: aggregates of `collection` written together (a feed chunk) whose events
 * go out together. It is stored before the writes and deleted once their events are published, so
 * while it exists its events may still be unpublished; after that, they certainly were.
 *
 * The batch holds its events itself, once, as one compressed JSON value (`events`): the
 * aggregates' documents carry none, so a 2,000-offer chunk writes 2,000 plain documents plus one
 * opaque value of about 200 KB (2.6 MB as plain JSON; compressing it takes a few milliseconds)
 * instead of 2,000 documents each twice its size.
 */
export interface OutboxBatchDoc {
  _id: string;
  collection: string;
  aggregateIds: string[];
  /** Until then the writer publishes the batch itself; after it, the relay's sweep does. */
  sweepAfter: Date;
  /** Deflated JSON of `[aggregateId, OutboundMessage[]][]`. */
  events: mongo.Binary;
}

const deflated = promisify(deflate);
const inflated = promisify(inflate);

/** How many closed batch ids a process remembers, so its own recent batches need no lookup. */
const CLOSED_MEMORY = 10_000;

/** The `outbox_batches` collection: which batches are still open, and their events. Used by the relay only. */
@Injectable()
export class OutboxBatches {
  private readonly closed = new RecentIds(CLOSED_MEMORY);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  private get batches(): Collection<OutboxBatchDoc> {
    return this.connection.collection<OutboxBatchDoc>('outbox_batches');
  }

  async open(collection: string, entries: readonly BatchEntry[], sweepAfter: Date): Promise<string> {
    const _id = uuidv7();
    const events = JSON.stringify(entries.map((entry) => [entry.aggregateId, entry.messages]));
    await this.batches.insertOne({
      _id,
      collection,
      aggregateIds: entries.map((entry) => entry.aggregateId),
      sweepAfter,
      // Level 1: a tenth of the size for a few milliseconds; the best level is not worth its time.
      events: new mongo.Binary(await deflated(events, { level: 1 })),
    });
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

  /** The events an open batch holds, by aggregate; undefined once it is closed. */
  async events(batchId: string): Promise<Map<string, OutboundMessage[]> | undefined> {
    if (this.closed.has(batchId)) return undefined;
    const batch = await this.batches.findOne({ _id: batchId }, { projection: { events: 1 } });
    if (!batch) {
      this.closed.add(batchId);
      return undefined;
    }
    const json = await inflated(Buffer.from(batch.events.buffer));
    return new Map(JSON.parse(json.toString('utf8')) as [string, OutboundMessage[]][]);
  }

  /**
   * Open batches whose writer's time is up (it died, or the broker was down), without their events.
   * Only open batches are stored, a handful at most, so reading them all is cheap even where a
   * range query scans.
   */
  async due(now: Date, limit: number): Promise<OutboxBatchDoc[]> {
    return this.batches
      .find({ sweepAfter: { $lte: now } }, { projection: { events: 0 } })
      .limit(limit)
      .toArray();
  }

  count(): Promise<number> {
    return this.batches.countDocuments({});
  }
}

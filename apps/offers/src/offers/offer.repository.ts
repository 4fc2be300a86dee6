import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo, PipelineStage } from 'mongoose';
import type { AnyEventEnvelope, OfferCondition, OfferStatus } from '@app/contracts';
import {
  AggregateChange,
  insertAggregate,
  OutboundMessage,
  OUTBOX_PENDING,
  OutboxRelay,
  toOutboundMessage,
  updateAggregate,
} from '@app/platform';
import { OFFER, Offer, skuKeyOf } from './offer.schema';

export type NewOffer = Omit<
  Offer,
  'version' | 'outbox' | 'outboxPendingSince' | 'outboxPending' | 'outboxBatch'
>;
export type StoredOffer = Omit<Offer, 'outbox' | 'outboxPendingSince' | 'outboxPending' | 'outboxBatch'>;

/** Order of the shopper listing: lowest price first, or fastest handling (then price). */
export type ListingSort = 'price' | 'handling';
export interface ListingPosition {
  price: number;
  handling: number;
  id: string;
}

/** One offer write of a feed chunk: the new state (version included) and the event it causes. */
export interface FeedOfferWrite {
  readonly kind: 'insert' | 'update';
  readonly offer: StoredOffer;
  readonly expectedVersion: number;
  readonly event: AnyEventEnvelope;
  /**
   * The offer's outbox held nothing unpublished when it was read (a new offer's neither): the write
   * replaces it and its event goes out in the chunk's outbox batch. Otherwise the event is appended
   * behind the older ones and the relay publishes them all in order.
   */
  readonly outboxClear: boolean;
}

/** A feed chunk's offer as read before deciding its row, with whether its outbox is clear. */
export interface FeedTarget {
  readonly offer: StoredOffer;
  readonly outboxClear: boolean;
}

/**
 * A feed chunk's writes made ready: each event serialized once (for its outbox and its publish),
 * and the outbox batch holding the events of the writes with a clear outbox opened.
 */
export interface PreparedWrites {
  readonly writes: readonly FeedOfferWrite[];
  readonly messages: ReadonlyMap<FeedOfferWrite, OutboundMessage>;
  readonly batchId?: string;
  /** When the relay's sweep may publish the batch (and the other writes' events) in the writer's stead. */
  readonly sweepAfter: Date;
}

/**
 * A prepared batch is written only while the sweep leaves it to its writer for at least this long
 * still; otherwise the writes get a fresh batch (a worker stalled after preparing).
 */
const MIN_BATCH_LEFT_MS = 10_000;

/** What a chunk's bulk write did: the writes that did not happen, and how to publish the rest. */
export interface WrittenChunk {
  readonly missed: FeedOfferWrite[];
  readonly written: FeedOfferWrite[];
  readonly batchId?: string;
  /** Each write's event as stored in its batch or outbox (serialized once, published as is). */
  readonly messages: ReadonlyMap<FeedOfferWrite, OutboundMessage>;
}

const STORED_FIELDS_PROJECTION = {
  outbox: 0,
  outboxPendingSince: 0,
  outboxPending: 0,
  outboxBatch: 0,
} as const;

@Injectable()
export class OfferRepository implements OnModuleInit {
  private readonly log = new Logger(OfferRepository.name);
  constructor(
    @InjectModel(OFFER) private readonly offers: Model<Offer>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.offers.createIndexes();
    this.relay.register(this.offers);
  }

  /** Throws E11000 when the seller already has an offer with this SKU. */
  async insert(offer: NewOffer, events: AnyEventEnvelope[]): Promise<void> {
    const messages = await insertAggregate(this.offers, offer, events);
    this.relay.afterWrite(this.offers, offer._id, messages);
  }

  /** The seller's own offer; another seller's is simply not found. */
  findOwn(sellerId: string, offerId: string): Promise<StoredOffer | null> {
    return this.offers
      .findOne({ _id: offerId, sellerId }, STORED_FIELDS_PROJECTION)
      .lean<StoredOffer>()
      .exec();
  }

  findOwnBySku(sellerId: string, sku: string): Promise<StoredOffer | null> {
    return this.offers
      .findOne({ skuKey: skuKeyOf(sellerId, sku) }, STORED_FIELDS_PROJECTION)
      .lean<StoredOffer>()
      .exec();
  }

  /** Moderation acts on an offer whoever sells it. */
  findById(offerId: string): Promise<StoredOffer | null> {
    return this.offers.findById(offerId, STORED_FIELDS_PROJECTION).lean<StoredOffer>().exec();
  }

  /** Optimistic seller change, scoped to the seller: false when another writer got there first. */
  updateOwn(sellerId: string, change: AggregateChange<Offer>): Promise<boolean> {
    return this.update({ ...change, scope: { ...change.scope, sellerId } });
  }

  /** Optimistic moderation change (moderators act on any seller's offer). */
  updateModerated(change: AggregateChange<Offer>): Promise<boolean> {
    return this.update(change);
  }

  /** The seller's offers by id (UUIDv7, so creation order), one more than `limit` to detect a next page. */
  listOwn(input: {
    sellerId: string;
    status?: OfferStatus;
    afterId?: string;
    limit: number;
  }): Promise<StoredOffer[]> {
    // First stage is exactly the `{sellerId}` index; the rest runs on the seller's own offers.
    const pipeline: PipelineStage[] = [{ $match: { sellerId: input.sellerId } }];
    const narrowing: Record<string, unknown> = {};
    if (input.status) narrowing.status = input.status;
    if (input.afterId) narrowing._id = { $gt: input.afterId };
    if (Object.keys(narrowing).length > 0) pipeline.push({ $match: narrowing });
    pipeline.push({ $sort: { _id: 1 } }, { $limit: input.limit + 1 }, { $project: STORED_FIELDS_PROJECTION });
    return this.offers.aggregate<StoredOffer>(pipeline).exec();
  }

  /** Active offers of a product in listing order, one more than `limit` to detect a next page. */
  listActive(input: {
    productId: string;
    conditions?: readonly OfferCondition[];
    sort: ListingSort;
    after?: ListingPosition;
    limit: number;
  }): Promise<StoredOffer[]> {
    // The first $match is equality on exactly the `{productId, status}` index; condition and
    // cursor narrow in a second stage so they never turn the first into a scan.
    const pipeline: PipelineStage[] = [{ $match: { productId: input.productId, status: 'active' } }];
    const narrowing: Record<string, unknown>[] = [{ quantity: { $gt: 0 } }];
    if (input.conditions) narrowing.push({ condition: { $in: input.conditions } });
    if (input.after) narrowing.push(afterPosition(input.sort, input.after));
    pipeline.push({ $match: { $and: narrowing } });
    pipeline.push({
      $sort:
        input.sort === 'price'
          ? { 'price.amountMinor': 1, 'handlingDays.max': 1, _id: 1 }
          : { 'handlingDays.max': 1, 'price.amountMinor': 1, _id: 1 },
    });
    pipeline.push({ $limit: input.limit + 1 }, { $project: STORED_FIELDS_PROJECTION });
    return this.offers.aggregate<StoredOffer>(pipeline).exec();
  }

  /** What the summary is computed from: the product's active offers' class, price and handling. */
  activeTerms(
    productId: string,
  ): Promise<Pick<Offer, 'condition' | 'price' | 'handlingDays' | 'quantity'>[]> {
    return this.offers
      .find({ productId, status: 'active' }, { condition: 1, price: 1, handlingDays: 1, quantity: 1, _id: 0 })
      .lean<Pick<Offer, 'condition' | 'price' | 'handlingDays' | 'quantity'>[]>()
      .exec();
  }

  /** A feed chunk's existing offers, by seller-scoped SKU key. */
  findBySkuKeys(sellerId: string, skuKeys: readonly string[]): Promise<StoredOffer[]> {
    return this.findOwnBySkuKeys<StoredOffer>(sellerId, skuKeys, STORED_FIELDS_PROJECTION);
  }

  private async findOwnBySkuKeys<T extends { sellerId: string }>(
    sellerId: string,
    skuKeys: readonly string[],
    projection: Record<string, 0>,
  ): Promise<T[]> {
    if (skuKeys.length === 0) return [];
    const offers = await this.offers
      .find({ skuKey: { $in: skuKeys } }, projection)
      .lean<T[]>()
      .exec();
    // The key embeds the seller; the check restates the scope (an `$in` plus `sellerId` would scan).
    return offers.filter((offer) => offer.sellerId === sellerId);
  }

  /**
   * A feed chunk's existing offers, with whether each outbox is clear: no pending flag and no
   * events of a batch still open (those are published by their own batch or the sweep, first).
   */
  async findFeedTargets(sellerId: string, skuKeys: readonly string[]): Promise<FeedTarget[]> {
    const found = await this.findOwnBySkuKeys<StoredOffer & Pick<Offer, 'outboxPending' | 'outboxBatch'>>(
      sellerId,
      skuKeys,
      { outbox: 0, outboxPendingSince: 0 },
    );
    const open = await this.relay.stillOpenBatches(
      found.flatMap((offer) => (offer.outboxBatch ? [offer.outboxBatch] : [])),
    );
    return found.map(({ outboxPending, outboxBatch, ...offer }) => ({
      offer,
      outboxClear: !outboxPending && !(outboxBatch && open.has(outboxBatch)),
    }));
  }

  /**
   * Serializes a chunk's events and opens the outbox batch that holds those of the writes with a
   * clear outbox, ahead of `bulkApply` (while the previous chunk is still being written). A batch
   * only holds events: an offer's event counts once the offer's write names the batch. A write that
   * never happens (the worker died first, another writer won) names nothing, and the sweep
   * publishes nothing for it.
   */
  async prepareWrites(writes: readonly FeedOfferWrite[], sweepAfter: Date): Promise<PreparedWrites> {
    const messages = new Map(writes.map((write) => [write, toOutboundMessage(write.event)]));
    return { writes, messages, sweepAfter, batchId: await this.openBatch(writes, messages, sweepAfter) };
  }

  private async openBatch(
    writes: readonly FeedOfferWrite[],
    messages: ReadonlyMap<FeedOfferWrite, OutboundMessage>,
    sweepAfter: Date,
  ): Promise<string | undefined> {
    const batched = writes.filter((write) => write.outboxClear);
    if (batched.length === 0) return undefined;
    return this.relay.openBatch(
      this.offers,
      batched.map((write) => ({ aggregateId: write.offer._id, messages: [messages.get(write)!] })),
      sweepAfter,
    );
  }

  /**
   * Writes a prepared feed chunk as one unordered bulk write. Each write is still a single-document
   * atomic change (inserts new, updates guarded by version), its event held durably before it.
   * Returns the writes that did not happen (an API write raced the feed): the caller re-reads and
   * retries them. Writes with a clear outbox name the chunk's batch, which holds their events: the
   * documents carry no copy of them and raise no pending flag, so nothing is rewritten after the
   * publish (two thousand document rewrites less per chunk), and each stays its own size. The
   * others append behind their older events with the pending flag, as any write does.
   * `sweepAfter` (the feed's lease) is when the relay's sweep takes over if the worker died.
   */
  async bulkApply(input: { sellerId: string; prepared: PreparedWrites }): Promise<WrittenChunk> {
    const { sellerId } = input;
    const { writes, messages } = input.prepared;
    if (writes.length === 0) return { missed: [], written: [], messages: new Map() };
    let { batchId, sweepAfter } = input.prepared;
    if (batchId && sweepAfter.getTime() - Date.now() < MIN_BATCH_LEFT_MS) {
      sweepAfter = new Date(Date.now() + MIN_BATCH_LEFT_MS * 2);
      batchId = await this.openBatch(writes, messages, sweepAfter);
    }
    const operations: mongo.AnyBulkWriteOperation<Offer>[] = writes.map((write) => {
      if (write.outboxClear) {
        // The event is in the batch; the outbox held nothing unpublished (older events are gone).
        const outbox: Offer['outbox'] = [];
        if (write.kind === 'insert')
          return { insertOne: { document: { ...write.offer, outbox, outboxBatch: batchId } as Offer } };
        const { _id, version, ...state } = write.offer;
        return {
          updateOne: {
            filter: { _id, sellerId, version: write.expectedVersion },
            update: { $set: { ...state, version, outbox, outboxBatch: batchId } },
          },
        } as mongo.AnyBulkWriteOperation<Offer>;
      }
      const { _id, version, ...state } = write.offer;
      return {
        updateOne: {
          filter: { _id, sellerId, version: write.expectedVersion },
          update: {
            $set: { ...state, version, ...OUTBOX_PENDING },
            $push: { outbox: { $each: [messages.get(write)!] } },
            $min: { outboxPendingSince: sweepAfter },
          },
        },
      } as mongo.AnyBulkWriteOperation<Offer>;
    });
    const failedInserts = new Set<number>();
    let matchedUpdates = 0;
    try {
      const result = await this.offers.collection.bulkWrite(operations as never[], { ordered: false });
      matchedUpdates = result.matchedCount;
    } catch (error) {
      const bulk = error as {
        writeErrors?: { index: number }[] | { index: number };
        result?: { matchedCount?: number };
      };
      if (!bulk.writeErrors) throw error;
      const errors = Array.isArray(bulk.writeErrors) ? bulk.writeErrors : [bulk.writeErrors];
      for (const writeError of errors) failedInserts.add(writeError.index);
      matchedUpdates = bulk.result?.matchedCount ?? 0;
    }
    const updates = writes.filter((write) => write.kind === 'update');
    const missed = writes.filter((write, index) => write.kind === 'insert' && failedInserts.has(index));
    if (matchedUpdates < updates.length) missed.push(...(await this.unmatchedUpdates(sellerId, updates)));
    const written = writes.filter((write) => !missed.includes(write));
    return { missed, written, batchId, messages };
  }

  /**
   * Publishes a written chunk's events: the batch's in one go (then closes it), the others through
   * the relay behind their aggregates' older events. A crash or a broker outage leaves them to the
   * relay's sweep: at-least-once, never lost, and a broker outage never fails a feed.
   */
  async publishChunk(chunk: WrittenChunk): Promise<void> {
    for (const write of chunk.written) {
      if (!write.outboxClear)
        this.relay.afterWrite(this.offers, write.offer._id, [chunk.messages.get(write)!]);
    }
    if (!chunk.batchId) return;
    const batched = chunk.written.filter((write) => write.outboxClear);
    try {
      await this.relay.publishBatch(
        chunk.batchId,
        batched.map((write) => chunk.messages.get(write)!),
      );
    } catch (error) {
      this.log.warn({ err: error, events: batched.length }, 'feed chunk events left to the outbox sweep');
    }
  }

  private async unmatchedUpdates(
    sellerId: string,
    updates: readonly FeedOfferWrite[],
  ): Promise<FeedOfferWrite[]> {
    const now = await this.findBySkuKeys(
      sellerId,
      updates.map((write) => write.offer.skuKey),
    );
    const written = new Set(
      now
        .filter((offer) => offer.lastFeedRow !== undefined)
        .map((offer) => `${offer._id}@${offer.version}@${offer.lastFeedRow}`),
    );
    return updates.filter(
      (write) => !written.has(`${write.offer._id}@${write.offer.version}@${write.offer.lastFeedRow}`),
    );
  }

  private async update(change: AggregateChange<Offer>): Promise<boolean> {
    const messages: OutboundMessage[] | undefined = await updateAggregate(this.offers, change);
    if (!messages) return false;
    this.relay.afterWrite(this.offers, change.id, messages);
    return true;
  }
}

function afterPosition(sort: ListingSort, after: ListingPosition): Record<string, unknown> {
  const [first, second] =
    sort === 'price'
      ? (['price.amountMinor', 'handlingDays.max'] as const)
      : (['handlingDays.max', 'price.amountMinor'] as const);
  const [firstValue, secondValue] =
    sort === 'price' ? [after.price, after.handling] : [after.handling, after.price];
  return {
    $or: [
      { [first]: { $gt: firstValue } },
      { [first]: firstValue, [second]: { $gt: secondValue } },
      { [first]: firstValue, [second]: secondValue, _id: { $gt: after.id } },
    ],
  };
}

import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { Gauge } from 'prom-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { EventPublisher } from '../messaging/event-bus';
import { OutboundMessage } from '../messaging/outbound-message';
import { MetricsService } from '../metrics/metrics.service';
import { OUTBOX_PENDING, OutboxFields, writtenOutbox } from './aggregate-writes';
import { BatchEntry, OutboxBatches } from './outbox-batches';
import { RecentIds } from './recent-ids';

export interface OutboxRelayOptions {
  /** How often the sweep looks for events a crash or an outage left behind. */
  readonly sweepIntervalMs: number;
  /** Only events older than this are swept, so the sweep does not race the publish after a write. */
  readonly sweepMinAgeMs: number;
  readonly sweepBatchSize: number;
}

export const DEFAULT_OUTBOX_RELAY_OPTIONS: OutboxRelayOptions = {
  sweepIntervalMs: 1_000,
  sweepMinAgeMs: 2_000,
  sweepBatchSize: 200,
};

type OutboxModel = Model<OutboxFields>;
type OutboxDoc = OutboxFields & { _id: string };

/**
 * Publishes the events held in aggregates' outboxes, in order per aggregate, and removes them once
 * the broker has acknowledged them. Right after a write the writer hands the new messages over
 * (low latency); a periodic sweep re-publishes whatever a crash or a Kafka outage left behind.
 * At-least-once: a message may be published twice (crash between publish and removal), never lost.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly models = new Map<string, OutboxModel>();
  /** Per-aggregate chains keep this process's publishes of one aggregate in order. */
  private readonly chains = new Map<string, Chain>();
  /**
   * Event ids this process published lately. A write's returned outbox can still list events whose
   * removal was under way when it was read; outliving the chains, this keeps them from going out
   * twice (and out of order behind newer ones).
   */
  private readonly recentlyPublished = new RecentIds(RECENTLY_PUBLISHED_CAPACITY);
  private readonly options: OutboxRelayOptions;
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly publisher: EventPublisher,
    metrics: MetricsService,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly batches: OutboxBatches,
  ) {
    this.options = { ...DEFAULT_OUTBOX_RELAY_OPTIONS, ...config.outbox };
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client binds `this` to the gauge in collect()
    const relay = this;
    new Gauge({
      name: 'outbox_backlog_aggregates',
      help: 'Aggregates with events not yet published, by collection',
      labelNames: ['collection'] as const,
      registers: [metrics.registry],
      async collect() {
        for (const [collection, pending] of Object.entries(await relay.backlog())) {
          this.set({ collection }, pending);
        }
      },
    });
  }

  /** Aggregates with unpublished events, per registered collection. */
  async backlog(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, model] of this.models) {
      counts[name] = await model.collection.countDocuments(OUTBOX_PENDING);
    }
    counts.outbox_batches = await this.batches.count();
    return counts;
  }

  /** Registers a collection whose documents carry `OutboxFields`. */
  register(model: Pick<Model<unknown>, 'collection'>): void {
    this.models.set(model.collection.collectionName, model as OutboxModel);
  }

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweepOnce(), this.options.sweepIntervalMs);
    this.timer.unref();
  }

  /** Runs before the consumers and the Kafka connection close, so in-flight publishes can finish. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.sweeping;
    await this.settleChains();
  }

  /**
   * Publishes what a write just committed. Never throws and is not awaited by the writer: a Kafka
   * outage leaves the events in the outbox for the sweep, and the write has already succeeded.
   */
  afterWrite(
    model: Pick<Model<unknown>, 'collection'>,
    aggregateId: string,
    messages: readonly OutboundMessage[],
  ): void {
    if (messages.length === 0 || this.stopped) return;
    const outboxModel = model as OutboxModel;
    const written = writtenOutbox(messages);
    void this.inOrder(outboxModel, aggregateId, (chain) =>
      written === undefined
        ? this.publishPending(outboxModel, aggregateId)
        : this.publishWritten(outboxModel, aggregateId, { ...written, outbox: [...messages] }, chain),
    );
  }

  /**
   * Opens a batch for a bulk write (a feed chunk), holding the writes' events: call it before the
   * writes. Each write then sets its document's `outboxBatch` to the batch id, raises no pending
   * flag and puts nothing in its outbox; `publishBatch` publishes the events together and closes
   * the batch, so no document is rewritten afterwards. Until the batch is closed, any publish of
   * one of its aggregates (a later write's, the sweep's) sends the batch's events for it first. If
   * the writer dies, the sweep publishes the batch once `sweepAfter` has passed.
   */
  openBatch(model: Pick<Model<unknown>, 'collection'>, entries: readonly BatchEntry[], sweepAfter: Date) {
    return this.batches.open(model.collection.collectionName, entries, sweepAfter);
  }

  /**
   * Publishes the events a batch's writes committed (those writes only: a write that did not happen
   * has no event to publish), then closes it. A failure leaves the batch open for the sweep.
   */
  async publishBatch(batchId: string, messages: readonly OutboundMessage[]): Promise<void> {
    const unpublished = messages.filter((message) => !this.recentlyPublished.has(message.eventId));
    if (unpublished.length > 0) await this.publisher.publish(unpublished);
    await this.batches.close(batchId);
  }

  /**
   * An aggregate's events held by the open batch of its last bulk write, which go out before its
   * outbox; none once the batch is closed (published). `preloaded` is that batch's events, when the
   * caller has them already.
   */
  private async heldByBatch(
    batchId: string | undefined,
    aggregateId: string,
    preloaded?: { batchId: string; events: Map<string, OutboundMessage[]> },
  ): Promise<OutboundMessage[]> {
    if (!batchId) return [];
    const events = preloaded?.batchId === batchId ? preloaded.events : await this.batches.events(batchId);
    return events?.get(aggregateId) ?? [];
  }

  /** Those of `batchIds` whose events may still be unpublished (for writers deciding how to write). */
  stillOpenBatches(batchIds: Iterable<string>): Promise<Set<string>> {
    return this.batches.stillOpen(batchIds);
  }

  /** Waits until everything handed over so far has been published or has failed (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.chains.size > 0) await this.settleChains();
  }

  async sweepOnce(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping;
    this.sweeping = (async () => {
      const cutoff = new Date(Date.now() - this.options.sweepMinAgeMs);
      for (const model of this.models.values()) {
        const stale = await model.collection
          .find({ ...OUTBOX_PENDING, outboxPendingSince: { $lte: cutoff } }, { projection: { _id: 1 } })
          .sort({ outboxPendingSince: 1 })
          .limit(this.options.sweepBatchSize)
          .toArray();
        for (const { _id } of stale) {
          if (this.stopped) return;
          await this.inOrder(model, String(_id), () => this.publishPending(model, String(_id)));
        }
      }
      await this.sweepBatches();
    })()
      .catch((error: unknown) => this.logger.warn({ err: error }, 'outbox sweep failed; will retry'))
      .finally(() => (this.sweeping = undefined));
    return this.sweeping;
  }

  /** Publishes what open batches whose writer's time is up left, aggregate by aggregate. */
  private async sweepBatches(): Promise<void> {
    for (const batch of await this.batches.due(new Date(), this.options.sweepBatchSize)) {
      const model = this.models.get(batch.collection);
      if (!model) continue;
      const events = await this.batches.events(batch._id);
      if (!events) continue;
      let failed = false;
      for (const aggregateId of batch.aggregateIds) {
        if (this.stopped) return;
        await this.inOrder(model, aggregateId, () =>
          this.publishPending(model, aggregateId, { batchId: batch._id, events }).catch((error: unknown) => {
            failed = true;
            throw error;
          }),
        );
      }
      // Closed only once every aggregate's events are out; otherwise the next sweep goes again.
      if (!failed) await this.batches.close(batch._id);
    }
  }

  /** The messages of an outbox still to publish: those this process has not published lately. */
  private unpublished(messages: readonly OutboundMessage[]): OutboundMessage[] {
    return messages.filter((message) => !this.recentlyPublished.has(message.eventId));
  }

  private inOrder(
    model: OutboxModel,
    aggregateId: string,
    work: (chain: Chain) => Promise<void>,
  ): Promise<void> {
    const key = `${model.collection.collectionName}/${aggregateId}`;
    const chain = this.chains.get(key) ?? new Chain(() => this.chains.delete(key));
    this.chains.set(key, chain);
    return chain.then(() =>
      work(chain).catch((error: unknown) => {
        this.logger.warn({ err: error, aggregate: key }, 'outbox publish failed; the sweep will retry');
      }),
    );
  }

  private async settleChains(): Promise<void> {
    await Promise.allSettled([...this.chains.values()].map((chain) => chain.settled()));
  }

  /**
   * Reads the aggregate's current outbox, publishes it in order (behind what an open batch holds
   * for it), then removes what was published.
   */
  private async publishPending(
    model: OutboxModel,
    aggregateId: string,
    preloaded?: { batchId: string; events: Map<string, OutboundMessage[]> },
  ): Promise<void> {
    const doc = await model.collection.findOne<OutboxDoc>({ _id: aggregateId } as never, {
      projection: { outbox: 1, version: 1, outboxBatch: 1 },
    });
    if (!doc) return;
    const outbox = doc.outbox ?? [];
    const held = await this.heldByBatch(doc.outboxBatch, aggregateId, preloaded);
    if (held.length === 0 && outbox.length === 0) return;
    const unpublished = this.unpublished([...held, ...outbox]);
    if (unpublished.length > 0) await this.publisher.publish(unpublished);
    for (const { eventId } of held) this.recentlyPublished.add(eventId);
    if (outbox.length > 0) await this.removePublished(model, aggregateId, outbox, doc.version);
  }

  /**
   * Publishes the outbox a write returned (no re-read), leaving out what this process published
   * lately: a write that raced an unfinished removal still lists those events. The removal runs
   * beside the chain, so the aggregate's next publish does not wait for it.
   */
  private async publishWritten(
    model: OutboxModel,
    aggregateId: string,
    written: { outbox: OutboundMessage[]; version: number; batch?: string },
    chain: Chain,
  ): Promise<void> {
    const held = await this.heldByBatch(written.batch, aggregateId);
    const unpublished = this.unpublished([...held, ...written.outbox]);
    if (unpublished.length > 0) await this.publisher.publish(unpublished);
    for (const { eventId } of unpublished) this.recentlyPublished.add(eventId);
    chain.beside(() =>
      this.removePublished(model, aggregateId, written.outbox, written.version).catch((error: unknown) => {
        // The events stay in the outbox; the sweep publishes them again (at-least-once).
        this.logger.warn({ err: error, aggregateId }, 'outbox removal failed; the sweep will retry');
      }),
    );
  }

  /** Takes published messages, seen in the outbox at `version`, off the aggregate's outbox. */
  private async removePublished(
    model: OutboxModel,
    aggregateId: string,
    messages: readonly OutboundMessage[],
    version: number,
  ): Promise<void> {
    // Nothing was written since: empty the outbox and leave the sweep index. Otherwise remove just
    // what was published; the newer events stay pending for the next publish.
    const emptied = await model.collection.updateOne({ _id: aggregateId, version } as never, {
      $set: { outbox: [] },
      $unset: { outboxPending: '', outboxPendingSince: '' },
    });
    if (emptied.matchedCount === 0) {
      const eventIds = messages.map((message) => message.eventId);
      await model.collection.updateOne(
        { _id: aggregateId } as never,
        { $pull: { outbox: { eventId: { $in: eventIds } } } } as never,
      );
    }
  }
}

/** How many published event ids the relay remembers; far more than one round trip's worth. */
const RECENTLY_PUBLISHED_CAPACITY = 20_000;

/**
 * One aggregate's publishes in this process: run in order, plus removals running beside them; it
 * forgets itself once all of its work is done.
 */
class Chain {
  private tail: Promise<void> = Promise.resolve();
  private readonly running = new Set<Promise<void>>();

  constructor(private readonly onIdle: () => void) {}

  /** Runs `work` after everything queued before it. */
  then(work: () => Promise<void>): Promise<void> {
    const next = this.tail.then(work);
    this.tail = next;
    this.track(next);
    return next;
  }

  /** Runs `work` now, outside the order; the chain lives until it is done. */
  beside(work: () => Promise<void>): void {
    this.track(work());
  }

  settled(): Promise<unknown> {
    return Promise.allSettled([...this.running]);
  }

  private track(promise: Promise<void>): void {
    this.running.add(promise);
    void promise.finally(() => {
      this.running.delete(promise);
      if (this.running.size === 0) this.onIdle();
    });
  }
}

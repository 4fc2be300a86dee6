import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import { AggregateChange, AggregateWriter, OutboxRelay } from '@app/platform';
import { RATING_SUMMARY, RatingSummaryDoc } from './rating-summary.schema';

@Injectable()
export class RatingSummaryRepository implements OnModuleInit {
  private readonly writer: AggregateWriter<RatingSummaryDoc>;

  constructor(
    @InjectModel(RATING_SUMMARY) private readonly summaries: Model<RatingSummaryDoc>,
    private readonly relay: OutboxRelay,
  ) {
    this.writer = new AggregateWriter(summaries, relay);
  }

  async onModuleInit(): Promise<void> {
    await this.summaries.createIndexes();
    this.relay.register(this.summaries);
  }

  findByProduct(productId: string): Promise<RatingSummaryDoc | null> {
    return this.summaries.findById(productId).lean<RatingSummaryDoc>().exec();
  }

  /** False when another builder created it first (the caller recomputes). */
  insert(
    summary: Omit<RatingSummaryDoc, 'version' | 'outbox' | 'outboxPendingSince'>,
    events: AnyEventEnvelope[],
  ): Promise<boolean> {
    return this.writer.insert(summary, events);
  }

  /** Version-guarded: false when another builder wrote in between (the caller recomputes). */
  update(productId: string, change: Omit<AggregateChange<RatingSummaryDoc>, 'id'>): Promise<boolean> {
    return this.writer.update({ ...change, id: productId });
  }

  /** Records that a recompute found nothing new, so older events in a burst can be skipped. */
  async touch(productId: string, version: number, computedAt: Date): Promise<void> {
    await this.summaries.updateOne({ _id: productId, version }, { $max: { computedAt } }).exec();
  }
}

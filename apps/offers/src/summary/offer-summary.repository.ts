import { isDuplicateKey } from '@app/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import { AggregateChange, insertAggregate, OutboxRelay, updateAggregate } from '@app/platform';
import { OFFER_SUMMARY, OfferSummaryDoc } from './offer-summary.schema';

@Injectable()
export class OfferSummaryRepository implements OnModuleInit {
  constructor(
    @InjectModel(OFFER_SUMMARY) private readonly summaries: Model<OfferSummaryDoc>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.summaries.createIndexes();
    this.relay.register(this.summaries);
  }

  findByProduct(productId: string): Promise<OfferSummaryDoc | null> {
    return this.summaries.findById(productId, { outbox: 0 }).lean<OfferSummaryDoc>().exec();
  }

  /** False when another builder created it first (the caller recomputes). */
  async insert(
    summary: Omit<OfferSummaryDoc, 'version' | 'outbox' | 'outboxPendingSince'>,
    events: AnyEventEnvelope[],
  ): Promise<boolean> {
    try {
      const messages = await insertAggregate(this.summaries, summary, events);
      this.relay.afterWrite(this.summaries, summary._id, messages);
      return true;
    } catch (error) {
      if (isDuplicateKey(error)) return false;
      throw error;
    }
  }

  /** Version-guarded: false when another builder wrote in between (the caller recomputes). */
  async update(productId: string, change: Omit<AggregateChange<OfferSummaryDoc>, 'id'>): Promise<boolean> {
    const messages = await updateAggregate(this.summaries, { ...change, id: productId });
    if (!messages) return false;
    this.relay.afterWrite(this.summaries, productId, messages);
    return true;
  }

  /** Records that a recompute found nothing new, so older events of a burst can be skipped. */
  async touch(productId: string, version: number, computedAt: Date): Promise<void> {
    await this.summaries.updateOne({ _id: productId, version }, { $max: { computedAt } }).exec();
  }
}

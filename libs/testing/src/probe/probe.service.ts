import { Inject, Injectable } from '@nestjs/common';
import { buildEvent, EventEnvelope } from '@app/contracts';
import {
  applyIfNewer,
  applyOnce,
  currentCorrelationId,
  HandlerOutcome,
  insertAggregate,
  OutboxRelay,
  updateAggregate,
} from '@app/platform';
import { SAMPLE_PAYLOADS } from '../factories/event-payloads.factory';
import { ProbeStore } from './probe.store';

const NOW = () => new Date().toISOString();

/**
 * What the probe's handler stores per event: `full` (the tests: a delivery log, an applied-once
 * counter and a version-guarded projection) or `projection` (the bench: the one version-guarded
 * write a real projection handler such as the catalog's summary consumer makes).
 */
export type ProbeEffects = 'full' | 'projection';

/** What a fault test changes in the probe. */
export interface ProbeOptions {
  /**
   * Simulates a process that dies between its write and the relay's publish: writes are not
   * handed to the relay, so only the sweep (of this or another process) can publish their events.
   */
  readonly skipPublishAfterWrite?: boolean;
}

export const PROBE_OPTIONS = Symbol('PROBE_OPTIONS');

/** The probe's write side (one aggregate per id) and read side (its consumer's effects). */
@Injectable()
export class ProbeService {
  effects: ProbeEffects = 'full';

  constructor(
    private readonly store: ProbeStore,
    private readonly relay: OutboxRelay,
    @Inject(PROBE_OPTIONS) private readonly options: ProbeOptions,
  ) {}

  /** One change of item `id`: listed at version 1, then each call bumps quantity and version. */
  async write(id: string, sku = 'PROBE'): Promise<number> {
    for (;;) {
      const current = await this.store.items.collection.findOne({ _id: id } as never);
      const version = (current?.version as number | undefined) ?? 0;
      const quantity = ((current?.quantity as number | undefined) ?? 0) + 1;
      const type = version === 0 ? 'OfferListed' : 'OfferUpdated';
      const event = buildEvent(type, {
        aggregateId: id,
        aggregateVersion: version + 1,
        correlationId: currentCorrelationId() ?? `probe-${id}`,
        payload: {
          offer: {
            ...SAMPLE_PAYLOADS.OfferListed.offer,
            offerId: id,
            sku,
            quantity,
            version: version + 1,
            updatedAt: NOW(),
          },
          changedFields: version === 0 ? [] : ['quantity'],
        },
      });
      const messages =
        version === 0
          ? await insertAggregate(this.store.items, { _id: id, quantity, sku }, [event]).catch(
              (error: { code?: number }) => {
                if (error.code === 11000) return undefined;
                throw error;
              },
            )
          : await updateAggregate(this.store.items, {
              id,
              expectedVersion: version,
              set: { quantity },
              events: [event],
            });
      if (!messages) continue;
      if (!this.options.skipPublishAfterWrite) this.relay.afterWrite(this.store.items, id, messages);
      return version + 1;
    }
  }

  async setPoisonBroken(broken: boolean): Promise<void> {
    await this.store.settings.collection.updateOne(
      { _id: 'poison' } as never,
      { $set: { broken } },
      { upsert: true },
    );
  }

  async handle(event: EventEnvelope<'OfferListed' | 'OfferUpdated'>): Promise<HandlerOutcome> {
    const { offer } = event.payload;
    if (offer.sku.startsWith('POISON')) {
      const settings = await this.store.settings.collection.findOne({ _id: 'poison' } as never);
      if (settings?.broken !== false) throw new Error(`probe handler cannot process ${offer.sku}`);
    }
    if (this.effects === 'full') await this.recordDelivery(event);
    return applyIfNewer(this.store.projection, {
      id: offer.offerId,
      version: event.aggregateVersion,
      set: { quantity: offer.quantity, sku: offer.sku },
    });
  }

  private async recordDelivery(event: EventEnvelope<'OfferListed' | 'OfferUpdated'>): Promise<void> {
    const { offer } = event.payload;
    await this.store.arrivals.collection.insertOne({
      offerId: offer.offerId,
      version: event.aggregateVersion,
      eventId: event.eventId,
      at: new Date(),
    } as never);
    await applyOnce(this.store.effects, {
      id: offer.offerId,
      eventId: event.eventId,
      update: { $inc: { applied: 1 } },
      upsert: true,
    });
  }
}

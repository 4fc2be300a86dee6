import { Inject, Injectable } from '@nestjs/common';
import pLimit from 'p-limit';
import { buildEvent } from '@app/contracts';
import { HandlerOutcome, LOST_RACE, retryOnConflict } from '@app/platform';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { OfferRepository } from '../offers/offer.repository';
import { ProductService } from '../products/product.service';
import { NO_OFFERS, sameFigures, SummaryFigures, summaryFigures } from './offer-summary';
import { OfferSummaryRepository } from './offer-summary.repository';
import { OfferSummaryDoc } from './offer-summary.schema';

/**
 * A recompute that started this long after an offer change certainly saw it (the change committed
 * before its event was even published); the margin absorbs clock differences between replicas.
 */
const COALESCE_MARGIN_MS = 1_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Products whose last recompute by this process we remember, to skip a burst without a read. */
const RECENT_MEMORY = 10_000;

export interface RefreshInput {
  productId: string;
  /** When the change that asks for the refresh happened (its event's `occurredAt`). */
  changedAt: Date;
  correlationId: string;
  causationId: string;
}

/**
 * The summary builder: on any offer event it recomputes the product's summary from this
 * service's own database (never from deltas, which a replay would double-count) and publishes it
 * only when the figures changed, with a version that only increases. A 50,000-row feed coalesces:
 * one recompute covers every change committed before it started.
 */
@Injectable()
export class OfferSummaryService {
  private readonly recentlyComputed = new Map<string, number>();
  private readonly running = new Map<string, Promise<HandlerOutcome>>();
  /** At most `summaryConcurrentRecomputes` recomputes at once, the others wait in arrival order. */
  private readonly slots: pLimit.Limit;

  constructor(
    private readonly summaries: OfferSummaryRepository,
    private readonly offers: OfferRepository,
    private readonly products: ProductService,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
  ) {
    this.slots = pLimit(settings.summaryConcurrentRecomputes);
  }

  async refresh(input: RefreshInput): Promise<HandlerOutcome> {
    const seenAfter = input.changedAt.getTime() + COALESCE_MARGIN_MS;
    // In this process, a recompute begun after the event arrived has seen its change (no clock
    // between them); the margin is for recomputes of other replicas, known by their computedAt.
    const coveredAfter = Math.min(seenAfter, Date.now());
    for (;;) {
      if ((this.recentlyComputed.get(input.productId) ?? 0) > coveredAfter) return 'skipped-duplicate';
      const running = this.running.get(input.productId);
      if (!running) break;
      // One recompute per product at a time: the events that arrive meanwhile share the next one.
      await running.catch(() => undefined);
    }
    // Right after a recompute of the product, the next one waits a little: a burst of changes
    // (a feed's chunks) then shares it instead of recomputing once per chunk.
    const wait =
      (this.recentlyComputed.get(input.productId) ?? 0) + this.settings.summaryRecomputeGapMs - Date.now();
    const run = sleep(Math.max(wait, 0)).then(() =>
      this.slots(() => this.recompute(input, seenAfter, coveredAfter)),
    );
    this.running.set(input.productId, run);
    try {
      return await run;
    } finally {
      if (this.running.get(input.productId) === run) this.running.delete(input.productId);
    }
  }

  private async recompute(
    input: RefreshInput,
    seenAfter: number,
    coveredAfter: number,
  ): Promise<HandlerOutcome> {
    const exhausted = () => new Error(`offer summary of ${input.productId}: too many concurrent writes`);
    return retryOnConflict({ exhausted }, async (attempt) => {
      const current = await this.summaries.findByProduct(input.productId);
      const threshold = attempt > 1 ? coveredAfter : seenAfter;
      if (current && current.computedAt.getTime() > threshold) return 'skipped-duplicate';
      const computedAt = new Date();
      const figures = await this.compute(input.productId);
      if (!current && figures.totalOffers === 0) return 'skipped-irrelevant';
      if (current && sameFigures(current, figures)) {
        await this.summaries.touch(input.productId, current.version, computedAt);
        this.remember(input.productId, computedAt);
        return 'skipped-stale';
      }
      if (!(await this.write(current, figures, computedAt, input))) return LOST_RACE;
      this.remember(input.productId, computedAt);
      return 'applied';
    });
  }

  /** The summary as last published (version 0: none yet). */
  async view(productId: string) {
    const current = await this.summaries.findByProduct(productId);
    const figures: SummaryFigures = current ?? NO_OFFERS;
    return {
      productId,
      version: current?.version ?? 0,
      totalOffers: figures.totalOffers,
      byConditionClass: figures.byConditionClass,
      lowestPrice: figures.lowestPrice ?? null,
      bestHandlingDays: figures.bestHandlingDays ?? null,
    };
  }

  /** Only active offers of a visible product count: a hidden product's summary is empty. */
  private async compute(productId: string): Promise<SummaryFigures> {
    if (!(await this.products.isVisible(productId))) return NO_OFFERS;
    return summaryFigures((await this.offers.activeTerms(productId)).filter((offer) => offer.quantity > 0));
  }

  private remember(productId: string, computedAt: Date): void {
    this.recentlyComputed.delete(productId);
    this.recentlyComputed.set(productId, computedAt.getTime());
    if (this.recentlyComputed.size > RECENT_MEMORY) {
      const oldest = this.recentlyComputed.keys().next().value;
      if (oldest !== undefined) this.recentlyComputed.delete(oldest);
    }
  }

  private write(
    current: OfferSummaryDoc | null,
    figures: SummaryFigures,
    computedAt: Date,
    input: RefreshInput,
  ): Promise<boolean> {
    const version = (current?.version ?? 0) + 1;
    const event = buildEvent('OfferSummaryChanged', {
      aggregateId: input.productId,
      aggregateVersion: version,
      correlationId: input.correlationId,
      causationId: input.causationId,
      payload: { productId: input.productId, version, ...figures },
    });
    const state = { ...figures, computedAt };
    if (!current) return this.summaries.insert({ _id: input.productId, ...state }, [event]);
    return this.summaries.update(input.productId, {
      expectedVersion: current.version,
      set: state,
      events: [event],
    });
  }
}

import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { buildEvent, ratingSummaryChangedPayloadSchema } from '@app/contracts';
import { HandlerOutcome, LOST_RACE, retryOnConflict } from '@app/platform';
import { ReviewRepository } from '../reviews/review.repository';
import { RatingFigures, ratingFigures, sameFigures } from './rating-summary';
import { RatingSummaryRepository } from './rating-summary.repository';
import { RatingSummaryDoc } from './rating-summary.schema';

/**
 * A recompute that started this long after a review change certainly saw it (the change committed
 * before its event was even published); the margin absorbs clock differences between replicas.
 */
const COALESCE_MARGIN_MS = 1_000;

/** The summary as GET answers it: version 0 and zero counts before the first review. */
export const ratingSummaryViewSchema = ratingSummaryChangedPayloadSchema.extend({
  version: z.int().nonnegative(),
  average: z.number().min(0).max(5),
});
export type RatingSummaryView = z.output<typeof ratingSummaryViewSchema>;

/**
 * The summary builder: on any event of a review it recomputes the product's summary from this
 * service's own database (never from event deltas, which would double-count a replay) and
 * publishes it when it changed, with a version that only increases.
 */
@Injectable()
export class RatingSummaryService {
  constructor(
    private readonly summaries: RatingSummaryRepository,
    private readonly reviews: ReviewRepository,
  ) {}

  async refresh(input: {
    productId: string;
    changedAt: Date;
    correlationId: string;
    causationId: string;
  }): Promise<HandlerOutcome> {
    // The change committed before its event reached us: a recompute that began after this moment
    // (another partition's handler in this process won the race) has already counted it.
    const receivedAt = Date.now();
    const exhausted = () => new Error(`rating summary of ${input.productId}: too many concurrent writes`);
    return retryOnConflict({ exhausted }, async (attempt) => {
      const current = await this.summaries.findByProduct(input.productId);
      // Bursts coalesce: a recompute that began after this change already counted it.
      const seenAfter = Math.min(
        input.changedAt.getTime() + COALESCE_MARGIN_MS,
        attempt > 1 ? receivedAt : Infinity,
      );
      if (current && current.computedAt.getTime() > seenAfter) return 'skipped-duplicate';
      const computedAt = new Date();
      const figures = ratingFigures(await this.reviews.publishedStarCounts(input.productId));
      if (!current && figures.count === 0) return 'skipped-irrelevant';
      if (current && sameFigures(current, figures)) {
        await this.summaries.touch(input.productId, current.version, computedAt);
        return 'skipped-stale';
      }
      return (await this.write(current, figures, computedAt, input)) ? 'applied' : LOST_RACE;
    });
  }

  async view(productId: string): Promise<RatingSummaryView> {
    const current = await this.summaries.findByProduct(productId);
    const figures = current
      ? ratingFigures({
          1: current.distribution['1'],
          2: current.distribution['2'],
          3: current.distribution['3'],
          4: current.distribution['4'],
          5: current.distribution['5'],
        })
      : ratingFigures({});
    return { productId, version: current?.version ?? 0, ...figures };
  }

  private write(
    current: RatingSummaryDoc | null,
    figures: RatingFigures,
    computedAt: Date,
    input: { productId: string; correlationId: string; causationId: string },
  ): Promise<boolean> {
    const version = (current?.version ?? 0) + 1;
    const event = buildEvent('RatingSummaryChanged', {
      aggregateId: input.productId,
      aggregateVersion: version,
      correlationId: input.correlationId,
      causationId: input.causationId,
      payload: { productId: input.productId, version, ...figures },
    });
    const state = {
      count: figures.count,
      ratingSum: figures.ratingSum,
      distribution: figures.distribution,
      computedAt,
    };
    if (!current) return this.summaries.insert({ _id: input.productId, ...state }, [event]);
    return this.summaries.update(input.productId, {
      expectedVersion: current.version,
      set: state,
      events: [event],
    });
  }
}

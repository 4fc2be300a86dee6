import { Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@app/contracts';
import type { HandlerOutcome } from '@app/platform';
import { ProductRepository } from '../products/product.repository';
import { storedOfferSummary, storedRatingSummary } from './summary-rules';
import type { SummaryWriteOutcome } from './summary-writes';

/** Applies the summaries other services publish to the product page read model. */
@Injectable()
export class SummaryService {
  private readonly logger = new Logger(SummaryService.name);

  constructor(private readonly products: ProductRepository) {}

  async applyOfferSummary(event: EventEnvelope<'OfferSummaryChanged'>): Promise<HandlerOutcome> {
    const { productId } = event.payload;
    return this.outcome(
      productId,
      await this.products.applyOfferSummary(productId, storedOfferSummary(event.payload, event.occurredAt)),
    );
  }

  async applyRatingSummary(event: EventEnvelope<'RatingSummaryChanged'>): Promise<HandlerOutcome> {
    const { productId } = event.payload;
    return this.outcome(
      productId,
      await this.products.applyRatingSummary(productId, storedRatingSummary(event.payload, event.occurredAt)),
    );
  }

  private outcome(productId: string, written: SummaryWriteOutcome): HandlerOutcome {
    // Offers and reviews only summarize products they learned from us, so an unknown id is
    // another environment's data: nothing to project, and retrying would not change that.
    if (written === 'unknown-product') {
      this.logger.warn({ productId }, 'summary for a product the catalog does not have; skipped');
      return 'skipped-irrelevant';
    }
    return written;
  }
}

import { Controller, Get, Param } from '@nestjs/common';
import { Public } from '@app/platform';
import { RatingSummaryService, RatingSummaryView } from './rating-summary.service';

@Controller()
export class RatingSummaryController {
  constructor(private readonly summaries: RatingSummaryService) {}

  /** The summary as last published on reviews.rating-summary.v1 (version 0: none yet). */
  @Public()
  @Get('products/:productId/rating-summary')
  view(@Param('productId') productId: string): Promise<RatingSummaryView> {
    return this.summaries.view(productId);
  }
}

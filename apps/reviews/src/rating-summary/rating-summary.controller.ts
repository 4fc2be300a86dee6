import { Controller, Get, Param } from '@nestjs/common';
import { ApiRoute, Public } from '@app/platform';
import { RatingSummaryService, RatingSummaryView, ratingSummaryViewSchema } from './rating-summary.service';

@Controller()
export class RatingSummaryController {
  constructor(private readonly summaries: RatingSummaryService) {}

  /** The summary as last published on reviews.rating-summary.v1 (version 0: none yet). */
  @Public()
  @Get('products/:productId/rating-summary')
  @ApiRoute({
    summary: "A product's rating summary as last published (version 0: no reviews yet).",
    responses: { 200: { description: 'The summary.', schema: ratingSummaryViewSchema } },
  })
  view(@Param('productId') productId: string): Promise<RatingSummaryView> {
    return this.summaries.view(productId);
  }
}

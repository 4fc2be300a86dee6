import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule, ServiceSettingsModule } from '@app/platform';
import { REVIEWS_SETTINGS, ReviewsSettings } from './common/reviews-settings';
import { ModerationModule } from './moderation/moderation.module';
import { PenNameModule } from './pen-names/pen-name.module';
import { ProductModule } from './products/product.module';
import { RatingSummaryModule } from './rating-summary/rating-summary.module';
import { ReviewModule } from './reviews/review.module';

/** The reviews service: pen names, reviews and their rules, moderation, the rating summary. */
@Module({})
export class ReviewsModule {
  static register(config: AppConfig, settings: Partial<ReviewsSettings> = {}): DynamicModule {
    return {
      module: ReviewsModule,
      imports: [
        PlatformModule.forRoot(config),
        ServiceSettingsModule.forRoot(REVIEWS_SETTINGS, settings),
        ProductModule,
        PenNameModule,
        ReviewModule,
        ModerationModule,
        RatingSummaryModule,
      ],
    };
  }
}

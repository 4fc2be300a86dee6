import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { RateLimitModule } from '@app/platform';
import { ContentRuleEngine } from '../content-rules/content-rule-engine';
import { PenNameModule } from '../pen-names/pen-name.module';
import { ProductModule } from '../products/product.module';
import { HelpfulVoteService } from './helpful-vote.service';
import { ReviewController } from './review.controller';
import { ReviewReadingService } from './review-reading.service';
import { ReviewRepository } from './review.repository';
import { HELPFUL_VOTE, HelpfulVoteSchema, REVIEW, ReviewSchema } from './review.schema';
import { ReviewWritingService } from './review-writing.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: REVIEW, schema: ReviewSchema },
      { name: HELPFUL_VOTE, schema: HelpfulVoteSchema },
    ]),
    RateLimitModule,
    ProductModule,
    PenNameModule,
  ],
  controllers: [ReviewController],
  providers: [
    { provide: ContentRuleEngine, useValue: new ContentRuleEngine() },
    ReviewRepository,
    ReviewWritingService,
    ReviewReadingService,
    HelpfulVoteService,
  ],
  exports: [ReviewRepository],
})
export class ReviewModule {}

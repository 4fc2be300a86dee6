import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReviewModule } from '../reviews/review.module';
import { RatingSummaryConsumer } from './rating-summary.consumer';
import { RatingSummaryController } from './rating-summary.controller';
import { RatingSummaryRepository } from './rating-summary.repository';
import { RATING_SUMMARY, RatingSummarySchema } from './rating-summary.schema';
import { RatingSummaryService } from './rating-summary.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: RATING_SUMMARY, schema: RatingSummarySchema }]), ReviewModule],
  controllers: [RatingSummaryConsumer, RatingSummaryController],
  providers: [RatingSummaryRepository, RatingSummaryService],
})
export class RatingSummaryModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OfferModule } from '../offers/offer.module';
import { ProductModule } from '../products/product.module';
import { FeedBodyParser } from './feed-body.parser';
import { FeedChunkApplier } from './feed-chunk.applier';
import { FeedFailureSettler } from './feed-failure.settler';
import { FeedController } from './feed.controller';
import { FeedProcessor } from './feed.processor';
import { FeedRepository } from './feed.repository';
import {
  FEED,
  FEED_CHUNK,
  FEED_REPORT,
  FEED_SEQUENCE,
  FeedChunkSchema,
  FeedReportSchema,
  FeedSchema,
  FeedSequenceSchema,
} from './feed.schema';
import { FeedService } from './feed.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: FEED, schema: FeedSchema },
      { name: FEED_CHUNK, schema: FeedChunkSchema },
      { name: FEED_REPORT, schema: FeedReportSchema },
      { name: FEED_SEQUENCE, schema: FeedSequenceSchema },
    ]),
    OfferModule,
    ProductModule,
  ],
  controllers: [FeedController],
  providers: [
    FeedRepository,
    FeedService,
    FeedProcessor,
    FeedChunkApplier,
    FeedFailureSettler,
    FeedBodyParser,
  ],
})
export class FeedModule {}

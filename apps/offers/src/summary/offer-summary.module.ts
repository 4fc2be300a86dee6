import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OfferModule } from '../offers/offer.module';
import { ProductModule } from '../products/product.module';
import { OfferSummaryConsumer } from './offer-summary.consumer';
import { OfferSummaryRepository } from './offer-summary.repository';
import { OFFER_SUMMARY, OfferSummarySchema } from './offer-summary.schema';
import { OfferSummaryService } from './offer-summary.service';
import { ProductConsumer } from '../products/product.consumer';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: OFFER_SUMMARY, schema: OfferSummarySchema }]),
    OfferModule,
    ProductModule,
  ],
  // The product consumer lives with the projection (products/), but it recomputes summaries:
  // registered here, since ProductModule importing this module would make a cycle.
  controllers: [OfferSummaryConsumer, ProductConsumer],
  providers: [OfferSummaryRepository, OfferSummaryService],
})
export class OfferSummaryModule {}

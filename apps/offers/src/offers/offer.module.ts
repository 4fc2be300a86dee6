import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ProductModule } from '../products/product.module';
import { SellerProfileModule } from '../sellers/seller-profile.module';
import { OfferController, OfferListingController } from './offer.controller';
import { OfferListingService } from './offer-listing.service';
import { OfferRepository } from './offer.repository';
import { OFFER, OfferSchema } from './offer.schema';
import { OfferWritingService } from './offer-writing.service';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: OFFER, schema: OfferSchema }]),
    ProductModule,
    SellerProfileModule,
  ],
  controllers: [OfferController, OfferListingController],
  providers: [OfferRepository, OfferWritingService, OfferListingService],
  exports: [OfferRepository, OfferWritingService],
})
export class OfferModule {}

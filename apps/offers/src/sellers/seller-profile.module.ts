import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { SellerProfileController } from './seller-profile.controller';
import { SellerProfileRepository } from './seller-profile.repository';
import { SELLER_PROFILE, SellerProfileSchema } from './seller-profile.schema';
import { SellerProfileService } from './seller-profile.service';

@Module({
  imports: [MongooseModule.forFeature([{ name: SELLER_PROFILE, schema: SellerProfileSchema }])],
  controllers: [SellerProfileController],
  providers: [SellerProfileRepository, SellerProfileService],
  exports: [SellerProfileService],
})
export class SellerProfileModule {}

import { Module } from '@nestjs/common';
import { OfferModule } from '../offers/offer.module';
import { OfferModerationConsumer } from './offer-moderation.consumer';
import { OfferModerationService } from './offer-moderation.service';

@Module({
  imports: [OfferModule],
  controllers: [OfferModerationConsumer],
  providers: [OfferModerationService],
})
export class ModerationModule {}

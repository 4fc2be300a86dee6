import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule, ServiceSettingsModule } from '@app/platform';
import { OFFERS_SETTINGS, OffersSettings } from './common/offers-settings';
import { FeedModule } from './feeds/feed.module';
import { ModerationModule } from './moderation/moderation.module';
import { OfferModule } from './offers/offer.module';
import { SellerProfileModule } from './sellers/seller-profile.module';
import { OfferSummaryModule } from './summary/offer-summary.module';

/** The offers service: seller profiles, offers, inventory feeds, moderation, the offer summary. */
@Module({})
export class OffersModule {
  static register(config: AppConfig, settings: Partial<OffersSettings> = {}): DynamicModule {
    return {
      module: OffersModule,
      imports: [
        PlatformModule.forRoot(config),
        ServiceSettingsModule.forRoot(OFFERS_SETTINGS, settings),
        SellerProfileModule,
        OfferModule,
        ModerationModule,
        OfferSummaryModule,
        FeedModule,
      ],
    };
  }
}

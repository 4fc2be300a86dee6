import { DynamicModule, Global, Module } from '@nestjs/common';
import { OFFERS_SETTINGS, OffersSettings } from './offers-settings';

/** Makes the offers settings injectable everywhere in the service. */
@Global()
@Module({})
export class OffersCommonModule {
  static forRoot(settings: OffersSettings): DynamicModule {
    return {
      module: OffersCommonModule,
      providers: [{ provide: OFFERS_SETTINGS, useValue: settings }],
      exports: [OFFERS_SETTINGS],
    };
  }
}

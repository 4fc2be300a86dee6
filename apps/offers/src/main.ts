import 'reflect-metadata';
import { loadSettingsOrExit, runService } from '@app/platform';
import { OFFERS_SETTINGS } from './common/offers-settings';
import { OffersModule } from './offers.module';

runService('offers', (config) =>
  OffersModule.register(config, loadSettingsOrExit('offers', OFFERS_SETTINGS)),
);

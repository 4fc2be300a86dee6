import 'reflect-metadata';
import { runService } from '@app/platform';
import { OffersModule } from './offers.module';

runService('offers', (config) => OffersModule.register(config));

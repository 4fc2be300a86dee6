import { describeServiceBasics } from '@app/testing';
import { OffersModule } from '../src/offers.module';

describeServiceBasics('offers', (config) => OffersModule.register(config));

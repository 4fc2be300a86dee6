import { describeServiceBasics } from '@app/testing';
import { CatalogModule } from '../src/catalog.module';

describeServiceBasics('catalog', (config) => CatalogModule.register(config));

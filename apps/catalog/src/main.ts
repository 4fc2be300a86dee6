import 'reflect-metadata';
import { runService } from '@app/platform';
import { CatalogModule } from './catalog.module';

runService('catalog', (config) => CatalogModule.register(config));

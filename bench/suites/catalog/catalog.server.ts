import { CatalogModule } from '../../../apps/catalog/src/catalog.module';
import { serveBenchService } from '../../lib/service-server';

// The catalog service as it runs in production, for the product page and search loads.
serveBenchService('catalog', (config) => CatalogModule.register(config));

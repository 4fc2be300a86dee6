import type { DynamicModule } from '@nestjs/common';
import { SERVICE_NAMES, ServiceName } from '@app/contracts';
import type { AppConfig } from '@app/platform';
import { CatalogModule } from '../../../apps/catalog/src/catalog.module';
import { OffersModule } from '../../../apps/offers/src/offers.module';
import { ReportsModule } from '../../../apps/reports/src/reports.module';
import { ReviewsModule } from '../../../apps/reviews/src/reviews.module';
import { exitWithError } from '../../lib/bare-server';
import { serveBenchService } from '../../lib/service-server';

/** One of the four services as it runs in production (BENCH_SERVICE names it), for the storefront. */
const MODULES: Record<ServiceName, (config: AppConfig) => DynamicModule> = {
  catalog: (config) => CatalogModule.register(config),
  offers: (config) => OffersModule.register(config),
  reviews: (config) => ReviewsModule.register(config),
  reports: (config) => ReportsModule.register(config),
};

const service = SERVICE_NAMES.find((name) => name === process.env.BENCH_SERVICE);
if (!service) exitWithError(new Error(`BENCH_SERVICE must be one of ${SERVICE_NAMES.join(', ')}`));
else serveBenchService(service, MODULES[service]);

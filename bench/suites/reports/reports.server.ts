import { REPORTS_SETTINGS } from '../../../apps/reports/src/common/reports-settings';
import { ReportsModule } from '../../../apps/reports/src/reports.module';
import { serveBenchService } from '../../lib/service-server';

// The reports service as it runs in production, with a rate limit the load cannot reach.
serveBenchService('reports', (config) =>
  ReportsModule.register(config, REPORTS_SETTINGS.load({ REPORTS_PER_HOUR: '10000' })),
);

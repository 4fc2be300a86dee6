import 'reflect-metadata';
import { loadSettingsOrExit, runService } from '@app/platform';
import { REPORTS_SETTINGS } from './common/reports-settings';
import { ReportsModule } from './reports.module';

runService('reports', (config) =>
  ReportsModule.register(config, loadSettingsOrExit('reports', REPORTS_SETTINGS)),
);

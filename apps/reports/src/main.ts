import 'reflect-metadata';
import { runService } from '@app/platform';
import { loadReportsSettingsOrExit } from './common/reports-settings';
import { ReportsModule } from './reports.module';

const settings = loadReportsSettingsOrExit();
runService('reports', (config) => ReportsModule.register(config, settings));

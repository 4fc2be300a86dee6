import 'reflect-metadata';
import { runService } from '@app/platform';
import { ReportsModule } from './reports.module';

runService('reports', (config) => ReportsModule.register(config));

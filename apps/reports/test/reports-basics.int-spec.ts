import { describeServiceBasics } from '@app/testing';
import { ReportsModule } from '../src/reports.module';

describeServiceBasics('reports', (config) => ReportsModule.register(config));

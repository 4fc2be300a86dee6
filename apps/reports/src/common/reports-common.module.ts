import { DynamicModule, Global, Module } from '@nestjs/common';
import { REPORTS_SETTINGS, ReportsSettings } from './reports-settings';

/** Makes the reports settings injectable everywhere in the service. */
@Global()
@Module({})
export class ReportsCommonModule {
  static forRoot(settings: ReportsSettings): DynamicModule {
    return {
      module: ReportsCommonModule,
      providers: [{ provide: REPORTS_SETTINGS, useValue: settings }],
      exports: [REPORTS_SETTINGS],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule, ServiceSettingsModule } from '@app/platform';
import { AuthorModule } from './authors/author.module';
import { CaseModule } from './cases/case.module';
import { REPORTS_SETTINGS, ReportsSettings } from './common/reports-settings';
import { ReportModule } from './reports/report.module';

/** The reports service: abuse reports, moderation cases and their queue, decisions, appeals. */
@Module({})
export class ReportsModule {
  static register(config: AppConfig, settings: Partial<ReportsSettings> = {}): DynamicModule {
    return {
      module: ReportsModule,
      imports: [
        PlatformModule.forRoot(config),
        ServiceSettingsModule.forRoot(REPORTS_SETTINGS, settings),
        CaseModule,
        ReportModule,
        AuthorModule,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig, PlatformModule, ServiceSettingsModule } from '@app/platform';
import { AuthorsModule } from './authors/authors.module';
import { CasesModule } from './cases/cases.module';
import { REPORTS_SETTINGS, ReportsSettings } from './common/reports-settings';
import { ReportsFeatureModule } from './reports/reports-feature.module';

/** The reports service: abuse reports, moderation cases and their queue, decisions, appeals. */
@Module({})
export class ReportsModule {
  static register(config: AppConfig, settings: Partial<ReportsSettings> = {}): DynamicModule {
    return {
      module: ReportsModule,
      imports: [
        PlatformModule.forRoot(config),
        ServiceSettingsModule.forRoot(REPORTS_SETTINGS, settings),
        CasesModule,
        ReportsFeatureModule,
        AuthorsModule,
      ],
    };
  }
}

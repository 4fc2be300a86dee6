import { Module } from '@nestjs/common';
import { RateLimitModule } from '@app/platform';
import { CasesModule } from '../cases/cases.module';
import { TargetsModule } from '../targets/targets.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStoreModule } from './report-store.module';

@Module({
  imports: [ReportStoreModule, TargetsModule, CasesModule, RateLimitModule],
  controllers: [ReportController],
  providers: [ReportService],
})
export class ReportsFeatureModule {}

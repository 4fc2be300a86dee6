import { Module } from '@nestjs/common';
import { RateLimitModule } from '@app/platform';
import { CaseModule } from '../cases/case.module';
import { TargetModule } from '../targets/target.module';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';
import { ReportStoreModule } from './report-store.module';

@Module({
  imports: [ReportStoreModule, TargetModule, CaseModule, RateLimitModule],
  controllers: [ReportController],
  providers: [ReportService],
})
export class ReportModule {}

import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReportRepository } from './report.repository';
import { REPORT, REPORTER, ReporterSchema, ReportSchema } from './report.schema';

/** Reports and reporters' records, shared by the report intake and the case settlement. */
@Module({
  imports: [
    MongooseModule.forFeature([
      { name: REPORT, schema: ReportSchema },
      { name: REPORTER, schema: ReporterSchema },
    ]),
  ],
  providers: [ReportRepository],
  exports: [ReportRepository],
})
export class ReportStoreModule {}

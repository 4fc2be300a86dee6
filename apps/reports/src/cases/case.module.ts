import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ReportStoreModule } from '../reports/report-store.module';
import { TargetModule } from '../targets/target.module';
import { ActionAnswerService } from './action-answer.service';
import { CaseAppealService } from './case-appeal.service';
import { CaseDecisionService } from './case-decision.service';
import { CaseIntakeService } from './case-intake.service';
import { CaseMaintenanceService } from './case-maintenance.service';
import { CaseQueueService } from './case-queue.service';
import { CaseReadingService } from './case-reading.service';
import { CaseRepository } from './case.repository';
import {
  COUNTER,
  CounterSchema,
  MODERATION_CASE,
  ModerationCaseSchema,
  QUEUE_PRIORITY,
  QueuePrioritySchema,
} from './case.schema';
import { CaseSettlementService } from './case-settlement.service';
import { EntityEventsConsumer } from './entity-events.consumer';
import { ModerationController } from './moderation.controller';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: MODERATION_CASE, schema: ModerationCaseSchema },
      { name: QUEUE_PRIORITY, schema: QueuePrioritySchema },
      { name: COUNTER, schema: CounterSchema },
    ]),
    TargetModule,
    ReportStoreModule,
  ],
  controllers: [ModerationController, EntityEventsConsumer],
  providers: [
    CaseRepository,
    CaseIntakeService,
    CaseDecisionService,
    CaseSettlementService,
    CaseAppealService,
    CaseQueueService,
    CaseReadingService,
    ActionAnswerService,
    CaseMaintenanceService,
  ],
  exports: [CaseRepository, CaseIntakeService, CaseAppealService, CaseMaintenanceService],
})
export class CaseModule {}

import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { CurrentPrincipal, Page, Principal, Roles, ValidBody, ValidQuery } from '@app/platform';
import { CaseDecisionService } from './case-decision.service';
import { CaseQueueService } from './case-queue.service';
import { CaseReadingService } from './case-reading.service';
import {
  AuditEntryView,
  CaseView,
  DecideDto,
  decideSchema,
  QueueItemView,
  QueueQuery,
  queueQuerySchema,
} from './dto/case.dto';

/** The moderators' queue and their work on cases; every route needs the `moderator` role. */
@Roles('moderator')
@Controller('moderation/cases')
export class ModerationController {
  constructor(
    private readonly queue: CaseQueueService,
    private readonly reading: CaseReadingService,
    private readonly decisions: CaseDecisionService,
  ) {}

  @Get()
  list(@ValidQuery(queueQuerySchema) query: QueueQuery): Promise<Page<QueueItemView>> {
    return this.queue.page(query);
  }

  @Get(':caseId')
  get(@Param('caseId') caseId: string): Promise<CaseView> {
    return this.reading.view(caseId);
  }

  @Get(':caseId/audit')
  audit(@Param('caseId') caseId: string): Promise<{ caseId: string; entries: AuditEntryView[] }> {
    return this.reading.audit(caseId);
  }

  @Post(':caseId/claim')
  @HttpCode(200)
  async claim(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<CaseView> {
    return this.reading.view(await this.decisions.claim(principal.accountId, caseId));
  }

  @Delete(':caseId/claim')
  @HttpCode(204)
  async release(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<void> {
    await this.decisions.release(principal.accountId, caseId);
  }

  @Post(':caseId/decision')
  @HttpCode(200)
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @ValidBody(decideSchema) body: DecideDto,
  ): Promise<CaseView> {
    return this.reading.view(await this.decisions.decide(principal.accountId, caseId, body));
  }
}

import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiRoute, CurrentPrincipal, Page, Principal, Roles, ValidBody, ValidQuery } from '@app/platform';
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
import { caseAuditViewSchema, caseViewSchema, queuePageSchema } from './dto/case-views';

const NOT_FOUND = { 404: ['CASE_NOT_FOUND'] };
const caseAnswer = (description: string) => ({ description, schema: caseViewSchema });

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
  @ApiRoute({
    summary: 'The moderation queue: open and appealed cases, most urgent first.',
    responses: { 200: { description: 'A page of cases.', schema: queuePageSchema } },
  })
  list(@ValidQuery(queueQuerySchema) query: QueueQuery): Promise<Page<QueueItemView>> {
    return this.queue.page(query);
  }

  @Get(':caseId')
  @ApiRoute({ summary: 'One case in full.', responses: { 200: caseAnswer('The case.') }, errors: NOT_FOUND })
  get(@Param('caseId') caseId: string): Promise<CaseView> {
    return this.reading.view(caseId);
  }

  @Get(':caseId/audit')
  @ApiRoute({
    summary: "A case's audit trail.",
    responses: { 200: { description: 'The audit entries, oldest first.', schema: caseAuditViewSchema } },
    errors: NOT_FOUND,
  })
  audit(@Param('caseId') caseId: string): Promise<{ caseId: string; entries: AuditEntryView[] }> {
    return this.reading.audit(caseId);
  }

  @Post(':caseId/claim')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Claim a case (or renew the claim) for a lease; others cannot decide it meanwhile.',
    responses: { 200: caseAnswer('The claimed case.') },
    errors: { ...NOT_FOUND, 409: ['CASE_NOT_CLAIMABLE', 'CASE_CLAIMED', 'APPEAL_NEEDS_ANOTHER_MODERATOR'] },
  })
  async claim(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<CaseView> {
    return this.reading.view(await this.decisions.claim(principal.accountId, caseId));
  }

  @Delete(':caseId/claim')
  @HttpCode(204)
  @ApiRoute({
    summary: "Release the caller's claim on a case.",
    responses: { 204: { description: 'Released.' } },
    errors: { ...NOT_FOUND, 409: ['CLAIM_REQUIRED'] },
  })
  async release(@CurrentPrincipal() principal: Principal, @Param('caseId') caseId: string): Promise<void> {
    await this.decisions.release(principal.accountId, caseId);
  }

  @Post(':caseId/decision')
  @HttpCode(200)
  @ApiRoute({
    summary: 'Decide a claimed case; the decision goes to the content owner as an action.',
    responses: { 200: caseAnswer('The decided case.') },
    errors: {
      ...NOT_FOUND,
      409: ['CLAIM_REQUIRED', 'CASE_CLAIMED', 'DECISION_NOT_ALLOWED', 'APPEAL_NEEDS_ANOTHER_MODERATOR'],
    },
  })
  async decide(
    @CurrentPrincipal() principal: Principal,
    @Param('caseId') caseId: string,
    @ValidBody(decideSchema) body: DecideDto,
  ): Promise<CaseView> {
    return this.reading.view(await this.decisions.decide(principal.accountId, caseId, body));
  }
}

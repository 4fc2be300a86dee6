import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import { v7 as uuidv7 } from 'uuid';
import {
  decodeCursor,
  encodeCursor,
  isDuplicateKey,
  Page,
  Principal,
  RateLimit,
  RateLimiter,
  ValidationError,
} from '@app/platform';
import { REASON_SEVERITY } from '../common/reason-codes';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import { CaseIntakeService } from '../cases/case-intake.service';
import { reportContribution, reporterWeight } from '../cases/case-rules';
import { TargetService } from '../targets/target.service';
import { CreateReportDto, MyReportsQuery, ReportView, toReportView } from './dto/report.dto';
import { ReportRepository } from './report.repository';
import { openReportKey, Report } from './report.schema';

const cursorSchema = z.strictObject({ id: z.string().max(64) });

@Injectable()
export class ReportService {
  private readonly limit: RateLimit;

  constructor(
    private readonly reports: ReportRepository,
    private readonly targets: TargetService,
    private readonly intake: CaseIntakeService,
    private readonly limiter: RateLimiter,
    @Inject(REPORTS_SETTINGS.token) settings: ReportsSettings,
  ) {
    this.limit = { action: 'report.create', limit: settings.reportsPerHour, windowSeconds: 3600 };
  }

  /**
   * Files a report: one open report per reporter per target (a repeat answers the existing one and
   * adds nothing to the score). `created` is false for such a repeat.
   */
  async report(
    principal: Principal,
    dto: CreateReportDto,
  ): Promise<{ created: boolean; report: ReportView }> {
    if (dto.reasonCode === 'other' && !dto.comment) {
      throw new ValidationError([
        {
          field: 'body.comment',
          rule: 'required',
          message: 'body.comment is required when reasonCode is "other"',
        },
      ]);
    }
    const reporterId = principal.accountId;
    const openKey = openReportKey(reporterId, dto.target.type, dto.target.id);
    const existing = await this.reports.findOpen(openKey);
    if (existing) return { created: false, report: toReportView(existing) };
    const target = await this.targets.requireReportable(dto.target.type, dto.target.id);
    await this.limiter.consume(this.limit, reporterId);
    const weight = reporterWeight(await this.reports.reporterRecord(reporterId));
    const openCase = await this.intake.openCaseFor(target);
    const report: Report = {
      _id: uuidv7(),
      reporterId,
      target: { type: dto.target.type, id: dto.target.id },
      reasonCode: dto.reasonCode,
      ...(dto.comment ? { comment: dto.comment } : {}),
      caseId: openCase._id,
      severity: REASON_SEVERITY[dto.reasonCode],
      weight,
      contribution: reportContribution(dto.reasonCode, weight),
      status: 'open',
      openKey,
      counted: false,
      createdAt: new Date(),
    };
    try {
      await this.reports.insert(report);
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.reports.findOpen(openKey);
      if (!winner) throw error;
      return { created: false, report: toReportView(winner) };
    }
    await this.intake.addReport(report, openCase);
    return { created: true, report: toReportView(report) };
  }

  async listMine(principal: Principal, query: MyReportsQuery): Promise<Page<ReportView>> {
    const position = decodeCursor(query.cursor, cursorSchema);
    const rows = await this.reports.listOwn({
      reporterId: principal.accountId,
      beforeId: position?.id,
      limit: query.limit,
    });
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toReportView),
      ...(rows.length > query.limit ? { nextCursor: encodeCursor({ id: page.at(-1)!._id }) } : {}),
    };
  }
}

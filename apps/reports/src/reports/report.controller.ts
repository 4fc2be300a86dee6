import { Controller, Get, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Page, Principal, ValidBody, ValidQuery } from '@app/platform';
import {
  CreateReportDto,
  createReportSchema,
  MyReportsQuery,
  myReportsQuerySchema,
  ReportView,
} from './dto/report.dto';
import { ReportService } from './report.service';

/** Anyone signed in reports content and follows their own reports. */
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** 201 for a new report; 200 with the existing one when the reporter already reported the target. */
  @Post('reports')
  async create(
    @CurrentPrincipal() principal: Principal,
    @ValidBody(createReportSchema) body: CreateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportView> {
    const { created, report } = await this.reports.report(principal, body);
    void reply.status(created ? 201 : 200);
    return report;
  }

  @Get('me/reports')
  mine(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myReportsQuerySchema) query: MyReportsQuery,
  ): Promise<Page<ReportView>> {
    return this.reports.listMine(principal, query);
  }
}

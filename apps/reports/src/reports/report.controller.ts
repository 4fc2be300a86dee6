import { Controller, Get, Post, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiRoute, CurrentPrincipal, Page, Principal, ValidBody, ValidQuery } from '@app/platform';
import {
  CreateReportDto,
  createReportSchema,
  MyReportsQuery,
  myReportsPageSchema,
  myReportsQuerySchema,
  ReportView,
  reportViewSchema,
} from './dto/report.dto';
import { ReportService } from './report.service';

/** Anyone signed in reports content and follows their own reports. */
@Controller()
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  /** 201 for a new report; 200 with the existing one when the reporter already reported the target. */
  @Post('reports')
  @ApiRoute({
    summary: 'Report content (a product, offer, review or pen name) to the moderators.',
    responses: {
      201: { description: 'The new report.', schema: reportViewSchema },
      200: {
        description: 'The caller already reported this target: the open report.',
        schema: reportViewSchema,
      },
    },
    errors: { 404: ['TARGET_NOT_FOUND'], 409: ['REFERENCE_NOT_YET_KNOWN'], 429: ['RATE_LIMITED'] },
  })
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
  @ApiRoute({
    summary: "The caller's reports and their outcomes.",
    responses: { 200: { description: 'A page of reports.', schema: myReportsPageSchema } },
  })
  mine(
    @CurrentPrincipal() principal: Principal,
    @ValidQuery(myReportsQuerySchema) query: MyReportsQuery,
  ): Promise<Page<ReportView>> {
    return this.reports.listMine(principal, query);
  }
}

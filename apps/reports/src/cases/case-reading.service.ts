import { Inject, Injectable } from '@nestjs/common';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import { ReportRepository } from '../reports/report.repository';
import { CaseNotFoundError } from './case.errors';
import { CaseRepository } from './case.repository';
import type { ModerationCase } from './case.schema';
import { AuditEntryView, CaseView, toAuditView, toCaseView } from './dto/case.dto';

@Injectable()
export class CaseReadingService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly reports: ReportRepository,
    @Inject(REPORTS_SETTINGS.token) private readonly settings: ReportsSettings,
  ) {}

  async view(caseOrId: string | ModerationCase): Promise<CaseView> {
    const current = typeof caseOrId === 'string' ? await this.require(caseOrId) : caseOrId;
    const reports = await this.reports.listByCase(current._id);
    return toCaseView(current, reports, Date.now(), this.settings.actionAnswerTimeoutSeconds);
  }

  async audit(caseId: string): Promise<{ caseId: string; entries: AuditEntryView[] }> {
    const current = await this.require(caseId);
    return { caseId, entries: current.audit.map(toAuditView) };
  }

  private async require(caseId: string): Promise<ModerationCase> {
    const current = await this.cases.findById(caseId);
    if (!current) throw new CaseNotFoundError(caseId);
    return current;
  }
}

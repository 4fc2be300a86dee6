import { Injectable } from '@nestjs/common';
import { ReportRepository } from '../reports/report.repository';
import { CaseRepository } from './case.repository';

/**
 * After a report case's first decision: each counted report becomes upheld (remove) or dismissed
 * (keep), and its reporter's record, which weighs their next reports, counts it. Every step is
 * idempotent (the record remembers the report id; a settled report is left alone), so a retry
 * after a crash or a second sweep changes nothing already done.
 */
@Injectable()
export class CaseSettlementService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly reports: ReportRepository,
  ) {}

  async settle(caseId: string): Promise<void> {
    const current = await this.cases.findById(caseId);
    const first = current?.decisions[0];
    if (!current?.settlementPending || !first) return;
    const upheld = first.decision === 'remove';
    const counted = new Set(current.reportIds);
    for (const report of await this.reports.listByCase(caseId)) {
      if (report.status !== 'open' || !counted.has(report._id)) continue;
      // The record first: a crash before the report is settled repeats both, and the record's
      // memory of the report id keeps it from counting twice.
      await this.reports.countOutcome(report.reporterId, report._id, upheld);
      await this.reports.settle(report._id, first.decision, new Date(first.decidedAt), upheld);
    }
    await this.cases.clearSettlement(caseId);
  }
}

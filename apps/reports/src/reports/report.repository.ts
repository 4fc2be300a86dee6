import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { applyOnce } from '@app/platform';
import type { ReporterRecord } from '../cases/case-rules';
import type { Decision } from '../cases/case.schema';
import { Report, REPORT, Reporter, REPORTER } from './report.schema';

@Injectable()
export class ReportRepository implements OnModuleInit {
  constructor(
    @InjectModel(REPORT) private readonly reports: Model<Report>,
    @InjectModel(REPORTER) private readonly reporters: Model<Reporter>,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reports.createIndexes();
    await this.reporters.createIndexes();
  }

  /** Throws E11000 when the reporter already has an open report on the target. */
  async insert(report: Report): Promise<void> {
    await this.reports.collection.insertOne(report as never);
  }

  findOpen(openKey: string): Promise<Report | null> {
    return this.reports.findOne({ openKey }).lean<Report>().exec();
  }

  /** The reporter's own report; anyone else's is not found. */
  findOwn(reporterId: string, reportId: string): Promise<Report | null> {
    return this.reports.findOne({ _id: reportId, reporterId }).lean<Report>().exec();
  }

  /** Newest first; `find`, whose filter this store's indexes serve (an aggregation's would scan). */
  listOwn(input: { reporterId: string; beforeId?: string; limit: number }): Promise<Report[]> {
    return this.reports
      .find({ reporterId: input.reporterId, ...(input.beforeId ? { _id: { $lt: input.beforeId } } : {}) })
      .sort({ _id: -1 })
      .limit(input.limit + 1)
      .lean<Report[]>()
      .exec();
  }

  listByCase(caseId: string): Promise<Report[]> {
    return this.reports.find({ caseId }).sort({ _id: 1 }).lean<Report[]>().exec();
  }

  /** Reports not yet in their case's score, older than `before` (the writer had time to finish). */
  listUncounted(before: Date, limit: number): Promise<Report[]> {
    return this.reports
      .find({ counted: false, createdAt: { $lt: before } })
      .limit(limit)
      .lean<Report[]>()
      .exec();
  }

  /** Moves a report that raced a decision onto the target's new open case. */
  async moveToCase(reportId: string, fromCaseId: string, toCaseId: string): Promise<void> {
    await this.reports.updateOne(
      { _id: reportId, caseId: fromCaseId, counted: false },
      { $set: { caseId: toCaseId } },
    );
  }

  async markCounted(reportId: string): Promise<void> {
    await this.reports.updateOne({ _id: reportId }, { $set: { counted: true } });
  }

  /** Records the decision on an open report and frees its reporter to report the target again. */
  async settle(reportId: string, decision: Decision, decidedAt: Date, upheld: boolean): Promise<void> {
    await this.reports.updateOne(
      { _id: reportId, status: 'open' },
      {
        $set: {
          status: upheld ? 'upheld' : 'dismissed',
          outcome: { decision, decidedAt },
          openKey: `settled:${reportId}`,
        },
      },
    );
  }

  async reporterRecord(reporterId: string): Promise<ReporterRecord> {
    const reporter = await this.reporters.findById(reporterId).lean<Reporter>().exec();
    return { upheld: reporter?.upheld ?? 0, dismissed: reporter?.dismissed ?? 0 };
  }

  /** Counts one settled report in its reporter's record, once (keyed by the report id). */
  countOutcome(reporterId: string, reportId: string, upheld: boolean): Promise<unknown> {
    return applyOnce(this.reporters, {
      id: reporterId,
      eventId: `settled:${reportId}`,
      update: { $inc: { [upheld ? 'upheld' : 'dismissed']: 1 } },
      upsert: true,
    });
  }
}

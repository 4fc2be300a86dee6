import { Schema } from 'mongoose';
import type { ModerationTargetType } from '@app/contracts';
import type { ReasonCode } from '../common/reason-codes';
import type { CaseTarget, Decision } from '../cases/case.schema';

/** `open` until the case's first decision: `upheld` by a removal or rejection, `dismissed` by keep. */
export type ReportStatus = 'open' | 'upheld' | 'dismissed';

export interface Report {
  _id: string;
  reporterId: string;
  target: CaseTarget;
  reasonCode: ReasonCode;
  comment?: string;
  caseId: string;
  severity: number;
  /** The reporter's weight when they filed it, and what it added to the case's score. */
  weight: number;
  contribution: number;
  status: ReportStatus;
  outcome?: { decision: Decision; decidedAt: Date };
  /**
   * `<reporterId>:<type>:<targetId>` while open (one open report per reporter per target, also
   * under a race), `settled:<reportId>` once decided, so the reporter may report the target again.
   */
  openKey: string;
  /** False until the report's score is in its case; the sweep finishes what a crash interrupted. */
  counted: boolean;
  createdAt: Date;
}

export const REPORT = 'Report';

export const ReportSchema = new Schema<Report>(
  {
    _id: String,
    reporterId: { type: String, required: true },
    target: { type: Object, required: true },
    reasonCode: { type: String, required: true },
    comment: { type: String, required: false },
    caseId: { type: String, required: true },
    severity: { type: Number, required: true },
    weight: { type: Number, required: true },
    contribution: { type: Number, required: true },
    status: { type: String, required: true },
    outcome: { type: Object, required: false },
    openKey: { type: String, required: true },
    counted: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'reports' },
);
// One open report per reporter per target: `{ openKey }`.
ReportSchema.index({ openKey: 1 }, { unique: true });
// GET /me/reports: `{ reporterId }`.
ReportSchema.index({ reporterId: 1 });
// Settling a decided case's reports: `{ caseId }`.
ReportSchema.index({ caseId: 1 });
// The sweep of reports a crash left out of their case's score: `{ counted: false }`.
ReportSchema.index({ counted: 1 });

/** A reporter's track record, which sets the weight of their next reports. */
export interface Reporter {
  _id: string;
  upheld: number;
  dismissed: number;
  /** Reports already counted here (see `applyOnce`). */
  appliedEventIds: string[];
}

export const REPORTER = 'Reporter';

export const ReporterSchema = new Schema<Reporter>(
  {
    _id: String,
    upheld: { type: Number, default: 0 },
    dismissed: { type: Number, default: 0 },
    appliedEventIds: { type: [String], default: () => [] },
  },
  { versionKey: false, collection: 'reporters' },
);

export function openReportKey(reporterId: string, type: ModerationTargetType, targetId: string): string {
  return `${reporterId}:${type}:${targetId}`;
}

import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import type { ReviewState } from '@app/contracts';
import { HandlerOutcome, isDuplicateKey, LOST_RACE, retryOnConflict } from '@app/platform';
import { PRE_MODERATION_REASON } from '../common/reason-codes';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import { ReportRepository } from '../reports/report.repository';
import type { Report } from '../reports/report.schema';
import type { TargetProjection } from '../targets/target.schema';
import { accountAuthor } from '../targets/target.schema';
import { reportAddedAudit } from './case-audit';
import { addReport, queuePosition } from './case-rules';
import { holdPlaced } from './case.events';
import { CaseRepository, NewCase } from './case.repository';
import type { CaseTarget, ModerationCase } from './case.schema';

export function openCaseKey(target: CaseTarget): string {
  return `report:${target.type}:${target.id}`;
}

/** Opens cases and adds reports to them: the score, the threshold and the hold. */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly reports: ReportRepository,
    @Inject(REPORTS_SETTINGS.token) private readonly settings: ReportsSettings,
  ) {}

  /** The target's open report case, created on its first report (two first reports race safely). */
  async openCaseFor(
    target: Pick<TargetProjection, 'type' | 'targetId' | 'authorKey'>,
  ): Promise<ModerationCase> {
    const caseTarget = { type: target.type, id: target.targetId };
    const key = openCaseKey(caseTarget);
    const existing = await this.cases.findByKey(key);
    if (existing) return existing;
    const doc = await this.newCase({
      caseKey: key,
      kind: 'report',
      target: caseTarget,
      authorKey: target.authorKey,
      score: 0,
      reasonCode: 'other',
    });
    try {
      await this.cases.insert(doc, []);
      return { ...doc, version: 1, outbox: [] };
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      const winner = await this.cases.findByKey(key);
      if (!winner) throw error;
      return winner;
    }
  }

  /**
   * Adds a stored report to its case's score, once (the case remembers the report ids it counted),
   * and places a hold when the score reaches the threshold; the hold is sent in the same write.
   * A report that raced a decision moves to the target's new open case.
   */
  async addReport(stored: Report, known?: ModerationCase): Promise<ModerationCase> {
    let report = stored;
    const exhausted = () =>
      new Error(`case ${report.caseId}: too many concurrent writes while adding report ${report._id}`);
    return retryOnConflict({ exhausted }, async (attempt) => {
      // The case the caller just read saves a read on the first attempt; a stale copy only costs a retry.
      const current =
        attempt === 1 && known?._id === report.caseId ? known : await this.cases.findById(report.caseId);
      if (!current) throw new Error(`report ${report._id}: case ${report.caseId} does not exist`);
      if (current.reportIds.includes(report._id)) {
        await this.reports.markCounted(report._id);
        return current;
      }
      if (current.state !== 'open' || current.kind !== 'report') {
        const open = await this.openCaseFor({
          type: report.target.type,
          targetId: report.target.id,
          authorKey: current.authorKey,
        });
        await this.reports.moveToCase(report._id, current._id, open._id);
        report = { ...report, caseId: open._id };
        return LOST_RACE;
      }
      const written = await this.tryAdd(current, report);
      if (!written) return LOST_RACE;
      await this.reports.markCounted(report._id);
      return written;
    });
  }

  /**
   * A review submitted (or resubmitted) as pending opens a pre-moderation case. Keyed by the review
   * version that became pending, so a redelivered or replayed event finds the case already there.
   */
  async openPreModeration(review: ReviewState): Promise<HandlerOutcome> {
    const doc = await this.newCase({
      caseKey: `premod:${review.reviewId}:v${review.version}`,
      kind: 'pre_moderation',
      target: { type: 'review', id: review.reviewId },
      authorKey: accountAuthor(review.accountId),
      // Nobody reported it, but the author waits: it queues with the cases that reached a hold.
      score: this.settings.holdThreshold,
      reasonCode: PRE_MODERATION_REASON,
    });
    try {
      await this.cases.insert(doc, []);
      return 'applied';
    } catch (error) {
      if (isDuplicateKey(error)) return 'skipped-duplicate';
      throw error;
    }
  }

  private async tryAdd(current: ModerationCase, report: Report): Promise<ModerationCase | undefined> {
    const scored = addReport(
      current,
      { reason: report.reasonCode, contribution: report.contribution },
      this.settings.holdThreshold,
    );
    const now = new Date();
    const version = current.version + 1;
    const hold = scored.placeHold
      ? holdPlaced({
          caseId: current._id,
          caseVersion: version,
          target: current.target,
          reasonCode: scored.reasonCode,
        })
      : undefined;
    const next = { ...current, score: scored.score, held: current.held || scored.placeHold };
    const audit = reportAddedAudit({
      current,
      next,
      reportId: report._id,
      hold: hold && { actionEventId: hold.eventId, threshold: this.settings.holdThreshold },
      at: now,
    });
    const position = queuePosition(current.state, scored.score, current.seq);
    const set: Partial<ModerationCase> = {
      score: scored.score,
      reasonScores: scored.reasonScores,
      reasonCode: scored.reasonCode,
      reportCount: current.reportCount + 1,
      reportIds: [...current.reportIds, report._id],
      held: next.held,
      actions: hold
        ? [
            ...current.actions,
            { eventId: hold.eventId, action: 'hold', reasonCode: scored.reasonCode, sentAt: now },
          ]
        : current.actions,
      audit,
      updatedAt: now,
      ...position,
    };
    // The bucket is registered only when the case moves to another one (or its reason, which the
    // registry's filters list it by, changes): its own bucket is never dropped while it holds it.
    const moves =
      position && (position.priority !== current.priority || scored.reasonCode !== current.reasonCode)
        ? { ...position, targetType: current.targetType, reasonCode: scored.reasonCode }
        : undefined;
    const written = await this.cases.update(
      { id: current._id, expectedVersion: current.version, set, events: hold ? [hold] : [] },
      moves,
    );
    return written ? { ...current, ...set, version } : undefined;
  }

  private async newCase(input: {
    caseKey: string;
    kind: NewCase['kind'];
    target: CaseTarget;
    authorKey: string | null;
    score: number;
    reasonCode: string;
  }): Promise<NewCase> {
    const seq = await this.cases.nextSeq();
    const now = new Date();
    return {
      _id: uuidv7(),
      caseKey: input.caseKey,
      kind: input.kind,
      target: input.target,
      targetType: input.target.type,
      authorKey: input.authorKey,
      state: 'open',
      score: input.score,
      reportCount: 0,
      reportIds: [],
      reasonScores: {},
      reasonCode: input.reasonCode,
      held: false,
      decisions: [],
      actions: [],
      audit: [
        {
          at: now,
          actor: { kind: 'system' },
          what: input.kind === 'report' ? 'case_opened' : 'pre_moderation_opened',
          before: {},
          after: { state: 'open', score: input.score },
        },
      ],
      seq,
      ...queuePosition('open', input.score, seq),
      createdAt: now,
      updatedAt: now,
    };
  }
}

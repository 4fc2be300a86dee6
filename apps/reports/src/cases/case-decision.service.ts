import { Inject, Injectable, Logger } from '@nestjs/common';
import { LOST_RACE, retryOnConflict } from '@app/platform';
import type { AggregateChange } from '@app/platform';
import { REPORTS_SETTINGS, ReportsSettings } from '../common/reports-settings';
import { appendAudit, auditState } from './case-audit';
import { claimFor, liveClaim, requireOwnClaim, stateAfterDecision } from './case-rules';
import { decisionMade } from './case.events';
import { CaseNotFoundError, ClaimRequiredError } from './case.errors';
import { CaseRepository } from './case.repository';
import type { Decision, ModerationCase } from './case.schema';
import { CaseSettlementService } from './case-settlement.service';

const QUEUE_FIELDS = ['queueState', 'priority', 'queueBlock'] as const;

export interface DecisionInput {
  readonly decision: Decision;
  readonly reasonCode: string;
  readonly statement: string;
}

/** Moderators' work on one case: claim it (a lease), release it, decide it. */
@Injectable()
export class CaseDecisionService {
  private readonly log = new Logger(CaseDecisionService.name);

  constructor(
    private readonly cases: CaseRepository,
    private readonly settlement: CaseSettlementService,
    @Inject(REPORTS_SETTINGS.token) private readonly settings: ReportsSettings,
  ) {}

  /** Claims (or renews) a lease; of two moderators claiming at once, the version guard picks one. */
  claim(moderatorId: string, caseId: string): Promise<ModerationCase> {
    return this.change(caseId, (current, now) => {
      const claim = claimFor(current, moderatorId, {
        now: now.getTime(),
        leaseSeconds: this.settings.claimLeaseSeconds,
      });
      return {
        set: {
          claim,
          updatedAt: now,
          audit: appendAudit(current.audit, {
            at: now,
            actor: { kind: 'moderator', id: moderatorId },
            what: liveClaim(current.claim, now.getTime()) ? 'claim_renewed' : 'claimed',
            before: auditState({ ...current, claim: liveClaim(current.claim, now.getTime()) }),
            after: auditState({ ...current, claim }),
          }),
        },
      };
    });
  }

  release(moderatorId: string, caseId: string): Promise<ModerationCase> {
    return this.change(caseId, (current, now) => {
      const held = liveClaim(current.claim, now.getTime());
      if (!held || held.moderatorId !== moderatorId) throw new ClaimRequiredError();
      return {
        set: {
          updatedAt: now,
          audit: appendAudit(current.audit, {
            at: now,
            actor: { kind: 'moderator', id: moderatorId },
            what: 'released',
            before: auditState(current),
            after: auditState({ ...current, claim: undefined }),
          }),
        },
        unset: ['claim'],
      };
    });
  }

  /**
   * Decides a case the moderator has claimed: the new state, the decision, the action sent on
   * moderation.action.v1 and the audit entry are one atomic write. A first decision on a report
   * case also settles its reports (and their reporters' weights) right after.
   */
  async decide(moderatorId: string, caseId: string, input: DecisionInput): Promise<ModerationCase> {
    const decided = await this.change(caseId, (current, now) =>
      decisionChange(current, moderatorId, input, now),
    );
    if (decided.settlementPending) {
      // The decision stands whatever happens here; the sweep settles what this does not finish.
      await this.settlement.settle(caseId).catch((error: unknown) => {
        this.log.warn({ err: error, caseId }, 'settling reports failed; the sweep will retry');
      });
    }
    return decided;
  }

  /** Read, decide, write with the version guard; a lost race re-reads and decides again. */
  private async change(
    caseId: string,
    decide: (
      current: ModerationCase,
      now: Date,
    ) => Pick<AggregateChange<ModerationCase>, 'set' | 'unset'> & {
      events?: AggregateChange<ModerationCase>['events'];
    },
  ): Promise<ModerationCase> {
    const exhausted = () => new Error(`case ${caseId}: too many concurrent writes`);
    return retryOnConflict({ exhausted }, async () => {
      const current = await this.cases.findById(caseId);
      if (!current) throw new CaseNotFoundError(caseId);
      const change = decide(current, new Date());
      const written = await this.cases.update({
        id: caseId,
        expectedVersion: current.version,
        set: change.set,
        unset: change.unset,
        events: change.events ?? [],
      });
      if (!written) return LOST_RACE;
      const next: ModerationCase = { ...current, ...change.set, version: current.version + 1 };
      for (const field of change.unset ?? []) delete next[field];
      return next;
    });
  }
}

type CaseChange = Pick<AggregateChange<ModerationCase>, 'set' | 'unset' | 'events'>;

/** The write that decides a case: checks the claim and the transition, then state, action, audit. */
function decisionChange(
  current: ModerationCase,
  moderatorId: string,
  input: DecisionInput,
  now: Date,
): CaseChange {
  requireOwnClaim(current, moderatorId, now.getTime());
  const state = stateAfterDecision(current.kind, current.state, input.decision);
  const event = decisionMade({
    caseId: current._id,
    caseVersion: current.version + 1,
    target: current.target,
    decision: input.decision,
    reasonCode: input.reasonCode,
    statement: input.statement,
  });
  // A first decision on a report case frees its target's key (later reports open a new case) and
  // leaves its reports to settle.
  const settles = current.state === 'open' && current.kind === 'report';
  const decision = {
    ...input,
    moderatorId,
    decidedAt: now,
    actionEventId: event.eventId,
    onAppeal: current.state === 'appealed',
  };
  return {
    set: {
      state,
      held: false,
      ...(settles ? { caseKey: `decided:${current._id}`, settlementPending: true } : {}),
      decisions: [...current.decisions, decision],
      actions: [
        ...current.actions,
        { eventId: event.eventId, action: input.decision, reasonCode: input.reasonCode, sentAt: now },
      ],
      audit: appendAudit(current.audit, {
        at: now,
        actor: { kind: 'moderator', id: moderatorId },
        what: `decided_${input.decision}`,
        before: auditState(current),
        after: {
          ...auditState({ state, score: current.score, held: false }),
          reasonCode: input.reasonCode,
          actionEventId: event.eventId,
        },
      }),
      updatedAt: now,
    },
    unset: ['claim', ...QUEUE_FIELDS],
    events: [event],
  };
}

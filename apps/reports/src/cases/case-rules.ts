import { REASON_SEVERITY, ReasonCode } from '../common/reason-codes';
import {
  AppealNeedsAnotherModeratorError,
  AppealNotAllowedError,
  CaseClaimedError,
  CaseNotClaimableError,
  ClaimRequiredError,
  DecisionNotAllowedError,
} from './case.errors';
import type { CaseClaim, CaseKind, CaseState, Decision, ModerationCase, QueueState } from './case.schema';

// ---- reporter weights and scores ----

/** A reporter's track record: reports a decision upheld (remove) or dismissed (keep). */
export interface ReporterRecord {
  readonly upheld: number;
  readonly dismissed: number;
}

/** Weight of a reporter without a record; upheld and dismissed reports move it from here. */
export const WEIGHT_PRIOR = 4;
export const MIN_WEIGHT = 0.25;
export const MAX_WEIGHT = 2;

/**
 * (4 + upheld) / (4 + dismissed), kept within [0.25, 2]: a newcomer weighs 1, four upheld reports
 * double the weight, and a reporter whose reports keep being dismissed fades to a quarter but is
 * never silenced. Rounded to hundredths so scores stay readable and exact enough to compare.
 */
export function reporterWeight(record: ReporterRecord): number {
  const raw = (WEIGHT_PRIOR + record.upheld) / (WEIGHT_PRIOR + record.dismissed);
  return round2(Math.min(MAX_WEIGHT, Math.max(MIN_WEIGHT, raw)));
}

/** What one report adds to its case: the reason's severity times the reporter's weight. */
export function reportContribution(reason: ReasonCode, weight: number): number {
  return round2(REASON_SEVERITY[reason] * weight);
}

export interface ScoreState {
  readonly score: number;
  readonly reasonScores: Readonly<Record<string, number>>;
  readonly held: boolean;
}

export interface ScoredReport {
  readonly score: number;
  readonly reasonScores: Record<string, number>;
  readonly reasonCode: string;
  /** True when this report takes the score to the threshold and no hold is in place yet. */
  readonly placeHold: boolean;
}

export function addReport(
  current: ScoreState,
  report: { reason: ReasonCode; contribution: number },
  threshold: number,
): ScoredReport {
  const score = round2(current.score + report.contribution);
  const reasonScores = {
    ...current.reasonScores,
    [report.reason]: round2((current.reasonScores[report.reason] ?? 0) + report.contribution),
  };
  return {
    score,
    reasonScores,
    reasonCode: primaryReason(reasonScores),
    placeHold: !current.held && score >= threshold,
  };
}

/** The reason that contributes most; ties go to the more severe reason, then by name. */
export function primaryReason(reasonScores: Readonly<Record<string, number>>): string {
  const severity = (reason: string) => REASON_SEVERITY[reason as ReasonCode] ?? 0;
  const [best] = Object.entries(reasonScores).sort(
    ([a, x], [b, y]) => y - x || severity(b) - severity(a) || a.localeCompare(b),
  );
  return best?.[0] ?? 'other';
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

// ---- queue position ----

/** Scores above this share the top priority (their order is then by age). */
export const MAX_PRIORITY = 1_000;
/** Cases per queue block (by creation order) at the lowest priorities: bounds a bucket's size. */
export const QUEUE_BLOCK_SIZE = 1_000;
/** Every this many priorities up, blocks span twice as many cases. */
export const BLOCK_DOUBLING_PRIORITIES = 8;
const MAX_BLOCK_DOUBLINGS = 10;

/** The whole part of the score is the queue's priority. Within a priority, oldest first. */
export function priorityOf(score: number): number {
  return Math.min(MAX_PRIORITY, Math.max(0, Math.floor(score)));
}

/**
 * Higher scores are rarer (each takes more, or more severe, reports), so higher priorities get
 * wider blocks: buckets stay about as full, and a page of rare high-priority cases reads a few
 * buckets instead of one per thousand cases.
 */
export function queueBlockOf(seq: number, priority: number): number {
  const doublings = Math.min(MAX_BLOCK_DOUBLINGS, Math.floor(priority / BLOCK_DOUBLING_PRIORITIES));
  return Math.floor(seq / (QUEUE_BLOCK_SIZE * 2 ** doublings));
}

export interface QueuePosition {
  readonly queueState: QueueState;
  readonly priority: number;
  readonly queueBlock: number;
}

/** Where a case sits in the queue, or undefined when it waits for nobody. */
export function queuePosition(state: CaseState, score: number, seq: number): QueuePosition | undefined {
  if (state !== 'open' && state !== 'appealed') return undefined;
  const priority = priorityOf(score);
  return { queueState: state, priority, queueBlock: queueBlockOf(seq, priority) };
}

// ---- the case state machine ----

/**
 * Decisions each state allows, by kind of case:
 *   report case:          open --keep|remove--> decided
 *   pre-moderation case:  open --approve|reject--> decided
 *   decided (remove) --appeal by the author, once--> appealed
 *   appealed --restore|remove (upheld)--> closed
 * Decided cases that were not a removal, and closed cases, take nothing more.
 */
const DECISIONS: Record<CaseKind, Partial<Record<CaseState, readonly Decision[]>>> = {
  report: { open: ['keep', 'remove'], appealed: ['restore', 'remove'] },
  pre_moderation: { open: ['approve', 'reject'] },
};

export function allowedDecisions(kind: CaseKind, state: CaseState): readonly Decision[] {
  return DECISIONS[kind][state] ?? [];
}

/** The state a decision leads to; throws DECISION_NOT_ALLOWED for an illegal transition. */
export function stateAfterDecision(kind: CaseKind, state: CaseState, decision: Decision): CaseState {
  const allowed = allowedDecisions(kind, state);
  if (!allowed.includes(decision)) throw new DecisionNotAllowedError({ state, kind, decision, allowed });
  return state === 'appealed' ? 'closed' : 'decided';
}

type ClaimView = Pick<ModerationCase, 'state' | 'claim' | 'appeal'>;

/** The claim if its lease is still running: an expired lease is simply no claim. */
export function liveClaim(claim: CaseClaim | undefined, now: number): CaseClaim | undefined {
  return claim && new Date(claim.expiresAt).getTime() > now ? claim : undefined;
}

/** A new or renewed lease for `moderatorId`; throws when the case cannot be claimed by them now. */
export function claimFor(
  current: ClaimView,
  moderatorId: string,
  input: { now: number; leaseSeconds: number },
): CaseClaim {
  if (current.state !== 'open' && current.state !== 'appealed')
    throw new CaseNotClaimableError(current.state);
  if (current.state === 'appealed' && current.appeal?.excludedModeratorId === moderatorId) {
    throw new AppealNeedsAnotherModeratorError();
  }
  const held = liveClaim(current.claim, input.now);
  if (held && held.moderatorId !== moderatorId)
    throw new CaseClaimedError(new Date(held.expiresAt), input.now);
  return {
    moderatorId,
    claimedAt: held ? new Date(held.claimedAt) : new Date(input.now),
    expiresAt: new Date(input.now + input.leaseSeconds * 1000),
  };
}

/** A decision needs the decider's own live lease (and, on an appeal, a different moderator). */
export function requireOwnClaim(current: ClaimView, moderatorId: string, now: number): void {
  if (current.state === 'appealed' && current.appeal?.excludedModeratorId === moderatorId) {
    throw new AppealNeedsAnotherModeratorError();
  }
  const held = liveClaim(current.claim, now);
  if (!held) throw new ClaimRequiredError();
  if (held.moderatorId !== moderatorId) throw new CaseClaimedError(new Date(held.expiresAt), now);
}

/** The author may appeal a removal once: only a decided case whose decision was a removal. */
export function requireAppealable(current: Pick<ModerationCase, 'state' | 'decisions' | 'appeal'>): void {
  if (current.appeal || current.state === 'appealed' || current.state === 'closed') {
    throw new AppealNotAllowedError('This decision has already been appealed; an appeal is possible once.');
  }
  const last = current.decisions.at(-1);
  if (current.state !== 'decided' || last?.decision !== 'remove') {
    throw new AppealNotAllowedError('Only a removal can be appealed.');
  }
}

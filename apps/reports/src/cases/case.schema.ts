import { Schema } from 'mongoose';
import type { ModerationActionKind, ModerationTargetType } from '@app/contracts';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';

/** `report`: opened by reports. `pre_moderation`: opened by a review submitted as pending. */
export type CaseKind = 'report' | 'pre_moderation';
/** See `case-rules.ts` for the legal transitions. */
export type CaseState = 'open' | 'decided' | 'appealed' | 'closed';
export type Decision = Exclude<ModerationActionKind, 'hold'>;
/** The states a case is in the moderators' queue. */
export type QueueState = Extract<CaseState, 'open' | 'appealed'>;

export interface CaseTarget {
  type: ModerationTargetType;
  id: string;
}

export interface CaseClaim {
  moderatorId: string;
  claimedAt: Date;
  expiresAt: Date;
}

export interface CaseDecision {
  decision: Decision;
  reasonCode: string;
  statement: string;
  moderatorId: string;
  decidedAt: Date;
  actionEventId: string;
  /** True for the decision on an appeal. */
  onAppeal: boolean;
}

export interface CaseAppeal {
  message: string;
  appealedAt: Date;
  /** The moderator whose decision is appealed: someone else must decide the appeal. */
  excludedModeratorId: string;
}

/** An action sent on moderation.action.v1 and, once the owner answers it, what the owner said. */
export interface CaseAction {
  eventId: string;
  action: ModerationActionKind;
  reasonCode: string;
  sentAt: Date;
  answeredAt?: Date;
  applied?: boolean;
  targetStatus?: string;
}

export type AuditActor =
  | { kind: 'moderator' | 'author'; id: string }
  | { kind: 'system' | 'owner'; id?: string };

/** One audit entry: who, when, what, and the case's relevant fields before and after. Append only. */
export interface AuditEntry {
  at: Date;
  actor: AuditActor;
  what: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export interface ModerationCase extends OutboxFields {
  _id: string;
  /**
   * One open report case per target (`report:<type>:<id>`, freed as `decided:<caseId>` once
   * decided); one pre-moderation case per pending version of a review (`premod:<id>:v<version>`,
   * never freed, so a replayed submission cannot open a second one).
   */
  caseKey: string;
  kind: CaseKind;
  target: CaseTarget;
  /** Flat copy of `target.type`: the store's indexes serve top-level fields only. */
  targetType: ModerationTargetType;
  /** `account:<id>` or `seller:<id>`: whose content it is (null for products). Never shown to reporters. */
  authorKey: string | null;
  state: CaseState;
  score: number;
  reportCount: number;
  reportIds: string[];
  /** Score per reason; the largest names the case's reason. */
  reasonScores: Record<string, number>;
  reasonCode: string;
  held: boolean;
  claim?: CaseClaim;
  decisions: CaseDecision[];
  appeal?: CaseAppeal;
  actions: CaseAction[];
  audit: AuditEntry[];
  /** Set by a first decision until its reports and their reporters' weights are settled. */
  settlementPending?: boolean;
  /** Creation order (a counter): the queue's "age". */
  seq: number;
  /** Queue position, present while the case waits for a moderator (see `case-queue.ts`). */
  queueState?: QueueState;
  priority?: number;
  queueBlock?: number;
  createdAt: Date;
  updatedAt: Date;
}

export const MODERATION_CASE = 'ModerationCase';

export const ModerationCaseSchema = new Schema<ModerationCase>(
  {
    _id: String,
    caseKey: { type: String, required: true },
    kind: { type: String, required: true },
    target: { type: Object, required: true },
    targetType: { type: String, required: true },
    authorKey: { type: String, default: null },
    state: { type: String, required: true },
    score: { type: Number, required: true },
    reportCount: { type: Number, required: true },
    reportIds: { type: [String], default: () => [] },
    reasonScores: { type: Object, default: () => ({}) },
    reasonCode: { type: String, required: true },
    held: { type: Boolean, required: true },
    claim: { type: Object, required: false },
    decisions: { type: [Object], default: () => [] },
    appeal: { type: Object, required: false },
    actions: { type: [Object], default: () => [] },
    audit: { type: [Object], default: () => [] },
    settlementPending: { type: Boolean, required: false },
    seq: { type: Number, required: true },
    queueState: { type: String, required: false },
    priority: { type: Number, required: false },
    queueBlock: { type: Number, required: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'cases', minimize: false },
);
// The open case of a target, and one case per pending review version, also under a race: `{ caseKey }`.
ModerationCaseSchema.index({ caseKey: 1 }, { unique: true });
// The queue: one bucket is `{ queueState, priority, queueBlock }` (+ the filters below), all
// equality, so the store's index serves it whatever the queue's size (case-queue.ts).
ModerationCaseSchema.index({ queueState: 1, priority: 1, queueBlock: 1 });
ModerationCaseSchema.index({ queueState: 1, targetType: 1, priority: 1, queueBlock: 1 });
ModerationCaseSchema.index({ queueState: 1, reasonCode: 1, priority: 1, queueBlock: 1 });
ModerationCaseSchema.index({ queueState: 1, targetType: 1, reasonCode: 1, priority: 1, queueBlock: 1 });
// GET /me/moderation: `{ authorKey }`.
ModerationCaseSchema.index({ authorKey: 1 });
// The settlement sweep: `{ settlementPending: true }`.
ModerationCaseSchema.index({ settlementPending: 1 });
// The relay's sweep, by its pending flag (aggregate-writes.ts).
ModerationCaseSchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);

/**
 * The blocks of one (queue state, priority) that hold (or held) cases, each with the time a writer
 * last put a case there: a queue page reads these few documents to skip empty buckets.
 */
export interface QueuePriority {
  /** `<queueState>|<filter>|<priority>`. */
  _id: string;
  queueState: QueueState;
  /** Which cases it lists: `*` (all), `t:<type>`, `r:<reason>` or `t:<type>|r:<reason>`. */
  filter: string;
  priority: number;
  /** Block number → last touched. */
  blocks: Record<string, Date>;
}

export const QUEUE_PRIORITY = 'QueuePriority';

export const QueuePrioritySchema = new Schema<QueuePriority>(
  {
    _id: String,
    queueState: { type: String, required: true },
    filter: { type: String, required: true },
    priority: { type: Number, required: true },
    blocks: { type: Object, default: () => ({}) },
  },
  { versionKey: false, collection: 'queue_priorities', minimize: false },
);
// A queue page reads the priorities of its state(s) and filter: `{ queueState, filter }` (a few
// dozen documents).
QueuePrioritySchema.index({ queueState: 1, filter: 1 });

/** Counters (the case sequence). */
export interface Counter {
  _id: string;
  value: number;
}
export const COUNTER = 'Counter';
export const CounterSchema = new Schema<Counter>(
  { _id: String, value: { type: Number, required: true } },
  { versionKey: false, collection: 'counters' },
);

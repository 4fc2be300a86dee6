import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { AnyEventEnvelope } from '@app/contracts';
import { AggregateChange, insertAggregate, OutboxRelay, updateAggregate } from '@app/platform';
import type { QueuePosition } from './case-rules';
import { filterKeysOf, registryId } from './case-queue';
import {
  COUNTER,
  Counter,
  MODERATION_CASE,
  ModerationCase,
  QUEUE_PRIORITY,
  QueuePriority,
  QueueState,
} from './case.schema';

export type NewCase = Omit<ModerationCase, 'version' | 'outbox' | 'outboxPendingSince' | 'outboxPending'>;

/** What a queue page needs of a case (the audit log and report ids stay in the store). */
export type QueuedCase = Pick<
  ModerationCase,
  | '_id'
  | 'kind'
  | 'target'
  | 'state'
  | 'score'
  | 'priority'
  | 'queueBlock'
  | 'reportCount'
  | 'reasonCode'
  | 'held'
  | 'claim'
  | 'actions'
  | 'seq'
  | 'createdAt'
>;

const QUEUED_FIELDS = {
  kind: 1,
  target: 1,
  state: 1,
  score: 1,
  priority: 1,
  queueBlock: 1,
  reportCount: 1,
  reasonCode: 1,
  held: 1,
  claim: 1,
  actions: 1,
  seq: 1,
  createdAt: 1,
} as const;

const CASE_SEQUENCE = 'case-seq';
/** Well below EMPTY_BUCKET_AGE_MS of the queue: a bucket touched this recently cannot be dropped. */
const TOUCH_MEMORY_MS = 60_000;
const TOUCH_MEMORY_ENTRIES = 10_000;

function queueEntryOf(doc: NewCase): QueueEntry | undefined {
  if (!doc.queueState || doc.priority === undefined || doc.queueBlock === undefined) return undefined;
  return {
    queueState: doc.queueState,
    priority: doc.priority,
    queueBlock: doc.queueBlock,
    targetType: doc.targetType,
    reasonCode: doc.reasonCode,
  };
}

/** Where a case enters the queue, with what the registry's filters need to know of it. */
export type QueueEntry = QueuePosition & Pick<ModerationCase, 'targetType' | 'reasonCode'>;

@Injectable()
export class CaseRepository implements OnModuleInit {
  /** Buckets this process registered lately (`<registry id>#<block>` → when). */
  private readonly touched = new Map<string, number>();

  constructor(
    @InjectModel(MODERATION_CASE) private readonly cases: Model<ModerationCase>,
    @InjectModel(QUEUE_PRIORITY) private readonly priorities: Model<QueuePriority>,
    @InjectModel(COUNTER) private readonly counters: Model<Counter>,
    private readonly relay: OutboxRelay,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.cases.createIndexes();
    await this.priorities.createIndexes();
    this.relay.register(this.cases);
  }

  /** The next case number: creation order, which is the queue's age order. */
  async nextSeq(): Promise<number> {
    const counter = await this.counters
      .findOneAndUpdate({ _id: CASE_SEQUENCE }, { $inc: { value: 1 } }, { upsert: true, new: true })
      .lean<Counter>()
      .exec();
    return counter.value;
  }

  /** Throws E11000 when `caseKey` is taken (the target's open case exists already). */
  async insert(doc: NewCase, events: AnyEventEnvelope[]): Promise<void> {
    const entry = queueEntryOf(doc);
    if (entry) await this.touchBucket(entry);
    const messages = await insertAggregate(this.cases, doc, events);
    this.relay.afterWrite(this.cases, doc._id, messages);
  }

  /**
   * Optimistic change: false when another writer got there first (re-read and decide again).
   * `enters`: the queue bucket (and filters) the change moves the case into, registered first.
   */
  async update(change: AggregateChange<ModerationCase>, enters?: QueueEntry): Promise<boolean> {
    if (enters) await this.touchBucket(enters);
    const messages = await updateAggregate(this.cases, change);
    if (messages) this.relay.afterWrite(this.cases, change.id, messages);
    return messages !== undefined;
  }

  findById(caseId: string): Promise<ModerationCase | null> {
    return this.cases.findById(caseId).lean<ModerationCase>().exec();
  }

  findByKey(caseKey: string): Promise<ModerationCase | null> {
    return this.cases.findOne({ caseKey }).lean<ModerationCase>().exec();
  }

  /** The author's case; anyone else's is not found. */
  findForAuthor(authorKeys: readonly string[], caseId: string): Promise<ModerationCase | null> {
    return this.cases
      .findOne({ _id: caseId, authorKey: { $in: [...authorKeys] } })
      .lean<ModerationCase>()
      .exec();
  }

  /**
   * Cases about one author's content that carry a decision, newest first. `find`, not `aggregate`:
   * this store's indexes serve `find` filters only (an aggregation's `$match` scans).
   */
  listDecidedForAuthor(input: {
    authorKey: string;
    beforeId?: string;
    limit: number;
  }): Promise<ModerationCase[]> {
    return this.cases
      .find({
        authorKey: input.authorKey,
        state: { $in: ['decided', 'appealed', 'closed'] },
        ...(input.beforeId ? { _id: { $lt: input.beforeId } } : {}),
      })
      .sort({ _id: -1 })
      .limit(input.limit + 1)
      .lean<ModerationCase[]>()
      .exec();
  }

  listSettlementPending(limit: number): Promise<ModerationCase[]> {
    return this.cases.find({ settlementPending: true }).limit(limit).lean<ModerationCase[]>().exec();
  }

  async clearSettlement(caseId: string): Promise<void> {
    await this.cases.collection.updateOne({ _id: caseId } as never, { $unset: { settlementPending: '' } });
  }

  /** The registered priorities (and their blocks) of the given states for one filter key. */
  async listPriorities(states: readonly QueueState[], filter: string): Promise<QueuePriority[]> {
    const lists = await Promise.all(
      states.map((queueState) => this.priorities.find({ queueState, filter }).lean<QueuePriority[]>().exec()),
    );
    return lists.flat();
  }

  /**
   * One bucket's cases after `afterSeq`, oldest first: equality on an index's fields, so the store
   * reads that bucket's entries only (`find`: this store's indexes do not serve `aggregate`).
   */
  listBucket(input: {
    position: QueuePosition;
    filters: { targetType?: string; reasonCode?: string };
    afterSeq?: number;
    limit: number;
  }): Promise<QueuedCase[]> {
    return this.cases
      .find({
        ...input.position,
        ...input.filters,
        ...(input.afterSeq !== undefined ? { seq: { $gt: input.afterSeq } } : {}),
      })
      .sort({ seq: 1 })
      .limit(input.limit)
      .select(QUEUED_FIELDS)
      .lean<QueuedCase[]>()
      .exec();
  }

  /**
   * Forgets a bucket a page with this filter found empty, unless a writer touched it lately (it may
   * be about to put a case there: writers touch the bucket before the case write, so a fresh
   * bucket is never dropped).
   */
  async dropBucketIfStale(position: QueuePosition, filter: string, staleBefore: Date): Promise<void> {
    const block = `blocks.${position.queueBlock}`;
    await this.priorities.updateOne(
      { _id: registryId(position.queueState, filter, position.priority), [block]: { $lt: staleBefore } },
      { $unset: { [block]: '' } },
    );
  }

  /**
   * Registers the bucket a case is about to enter, under each filter it matches (one round trip).
   * A bucket this process registered within TOUCH_MEMORY_MS is not written again: it cannot have
   * been dropped since (only buckets untouched for far longer are), which keeps the hot path of a
   * report to the case's own write.
   */
  async touchBucket(entry: QueueEntry): Promise<void> {
    const now = Date.now();
    const keys = filterKeysOf(entry).map((filter) => ({
      filter,
      id: registryId(entry.queueState, filter, entry.priority),
    }));
    const stale = keys.filter(
      ({ id }) => (this.touched.get(`${id}#${entry.queueBlock}`) ?? 0) < now - TOUCH_MEMORY_MS,
    );
    if (stale.length === 0) return;
    const touchedAt = new Date(now);
    await this.priorities.bulkWrite(
      stale.map(({ filter, id }) => ({
        updateOne: {
          filter: { _id: id },
          update: {
            $set: { [`blocks.${entry.queueBlock}`]: touchedAt },
            $setOnInsert: { queueState: entry.queueState, filter, priority: entry.priority },
          },
          upsert: true,
        },
      })),
      { ordered: false },
    );
    if (this.touched.size > TOUCH_MEMORY_ENTRIES) this.touched.clear();
    for (const { id } of stale) this.touched.set(`${id}#${entry.queueBlock}`, now);
  }
}

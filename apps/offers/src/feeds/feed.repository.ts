import { isDuplicateKey } from '@app/platform';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, mongo } from 'mongoose';
import {
  FEED,
  FEED_CHUNK,
  FEED_REPORT,
  FEED_SEQUENCE,
  Feed,
  FeedChunk,
  FeedCounts,
  FeedReportPart,
  ReportEntry,
} from './feed.schema';

/**
 * A chunk's rows and a report part's entries are stored as one binary JSON value each, not as
 * arrays of subdocuments: only this service reads them, always whole, and the store then keeps one
 * opaque value instead of two thousand small documents (a feed writes and reads them 50,000 rows
 * at a time; on our development store that took two to three times as long).
 */
function packed(list: readonly unknown[]): mongo.Binary {
  return new mongo.Binary(Buffer.from(JSON.stringify(list)));
}

/** What `packed` stored; undefined for anything else (damage), which the caller's check refuses. */
function unpacked(stored: unknown): unknown {
  if (!(stored instanceof mongo.Binary)) return undefined;
  try {
    return JSON.parse(Buffer.from(stored.buffer).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

@Injectable()
export class FeedRepository implements OnModuleInit {
  constructor(
    @InjectModel(FEED) private readonly feeds: Model<Feed>,
    @InjectModel(FEED_CHUNK) private readonly chunks: Model<FeedChunk>,
    @InjectModel(FEED_REPORT) private readonly reports: Model<FeedReportPart>,
    @InjectModel(FEED_SEQUENCE) private readonly sequences: Model<{ _id: string; seq: number }>,
  ) {}

  async onModuleInit(): Promise<void> {
    await Promise.all([this.feeds, this.chunks, this.reports].map((model) => model.createIndexes()));
  }

  async nextSeq(sellerId: string): Promise<number> {
    const doc = await this.sequences
      .findOneAndUpdate({ _id: sellerId }, { $inc: { seq: 1 } }, { upsert: true, new: true })
      .lean<{ seq: number }>()
      .exec();
    return doc.seq;
  }

  /**
   * Stores the rows first and the feed document last: only a complete feed becomes claimable.
   * False when the idempotency scope is already taken (a repeat raced this submission).
   */
  async insert(feed: Feed, chunks: FeedChunk[], refused: FeedReportPart): Promise<boolean> {
    if (chunks.length > 0)
      await this.chunks.collection.insertMany(
        chunks.map((chunk) => ({ ...chunk, rows: packed(chunk.rows) })) as never[],
        { ordered: false },
      );
    await this.reports.collection.replaceOne(
      { _id: refused._id } as never,
      { ...refused, entries: packed(refused.entries) },
      { upsert: true },
    );
    try {
      await this.feeds.collection.insertOne(feed as never);
      return true;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      await this.chunks.collection.deleteMany({ feedId: feed._id });
      await this.reports.collection.deleteMany({ feedId: feed._id });
      return false;
    }
  }

  findByScope(idempotencyScope: string): Promise<Feed | null> {
    return this.feeds.findOne({ idempotencyScope }).lean<Feed>().exec();
  }

  findOwn(sellerId: string, feedId: string): Promise<Feed | null> {
    return this.feeds.findOne({ _id: feedId, sellerId }).lean<Feed>().exec();
  }

  /** A seller's feeds, oldest submission first. */
  async listOwn(sellerId: string): Promise<Feed[]> {
    const feeds = await this.feeds.find({ sellerId }).lean<Feed[]>().exec();
    return feeds.sort((a, b) => a.seq - b.seq);
  }

  /** Feeds a worker may take: queued ones and processing ones whose owner stopped renewing. */
  async claimCandidates(now: Date): Promise<Feed[]> {
    const [queued, processing] = await Promise.all([
      this.feeds.find({ status: 'queued' }).lean<Feed[]>().exec(),
      this.feeds.find({ status: 'processing' }).lean<Feed[]>().exec(),
    ]);
    const expired = processing.filter((feed) => !feed.leaseUntil || feed.leaseUntil < now);
    return [...expired, ...queued].sort((a, b) => a.submittedAt.getTime() - b.submittedAt.getTime());
  }

  /** True when the seller has an unfinished feed submitted before `seq`. */
  async hasEarlierOpenFeed(sellerId: string, seq: number): Promise<boolean> {
    const feeds = await this.feeds.find({ sellerId }, { seq: 1, status: 1 }).lean<Feed[]>().exec();
    return feeds.some((feed) => feed.seq < seq && (feed.status === 'queued' || feed.status === 'processing'));
  }

  /** Takes the lease if nobody else did in between (the feed is as `seen` was read). */
  async claim(seen: Feed, owner: string, leaseUntil: Date): Promise<Feed | null> {
    const filter: Record<string, unknown> = { _id: seen._id, status: seen.status };
    if (seen.status === 'processing') filter.leaseUntil = seen.leaseUntil;
    return this.feeds
      .findOneAndUpdate(
        filter,
        {
          $set: {
            status: 'processing',
            leaseOwner: owner,
            leaseUntil,
            startedAt: seen.startedAt ?? new Date(),
          },
          // A claim starts (or resumes) `nextChunk`: a chunk that crashes its worker counts too.
          $inc: { chunkAttempts: 1 },
        },
        { new: true },
      )
      .lean<Feed>()
      .exec();
  }

  /** The chunk as stored; rows that cannot be read come back undefined (the caller's check fails). */
  async findChunk(feedId: string, index: number): Promise<FeedChunk | null> {
    const chunk = await this.chunks.collection.findOne<Omit<FeedChunk, 'rows'> & { rows: unknown }>({
      _id: `${feedId}:${index}`,
    } as never);
    return chunk && ({ ...chunk, rows: unpacked(chunk.rows) } as FeedChunk);
  }

  /** Idempotent: a resumed chunk replaces its report part. */
  async saveReport(feedId: string, index: number, entries: ReportEntry[]): Promise<void> {
    await this.reports.collection.replaceOne(
      { _id: `${feedId}:${index}` } as never,
      { feedId, index, entries: packed(entries) },
      { upsert: true },
    );
  }

  /** Records a finished chunk and renews the lease; false when the lease is no longer ours. */
  async advance(input: {
    feedId: string;
    owner: string;
    chunk: number;
    add: Omit<FeedCounts, 'rows'>;
    leaseUntil: Date;
  }): Promise<boolean> {
    const result = await this.feeds.collection.updateOne(
      { _id: input.feedId, leaseOwner: input.owner, nextChunk: input.chunk } as never,
      {
        // The same worker goes straight on with the next chunk: its first attempt.
        $set: { nextChunk: input.chunk + 1, leaseUntil: input.leaseUntil, chunkAttempts: 1 },
        $unset: { lastError: '' },
        $inc: countsIncrement(input.add),
      },
    );
    return result.matchedCount === 1;
  }

  async finish(feedId: string, owner: string, status: 'done' | 'failed', failure?: string): Promise<void> {
    await this.feeds.collection.updateOne({ _id: feedId, leaseOwner: owner } as never, {
      $set: { status, finishedAt: new Date(), ...(failure ? { failure } : {}) },
      $unset: { leaseOwner: '', leaseUntil: '', lastError: '' },
    });
  }

  /** Ends a feed as failed, counting the rows settled on the way; false when the lease is lost. */
  async fail(input: {
    feedId: string;
    owner: string;
    failure: string;
    add: Omit<FeedCounts, 'rows'>;
  }): Promise<boolean> {
    const result = await this.feeds.collection.updateOne(
      { _id: input.feedId, leaseOwner: input.owner } as never,
      {
        $set: { status: 'failed', finishedAt: new Date(), failure: input.failure },
        $unset: { leaseOwner: '', leaseUntil: '', lastError: '' },
        $inc: countsIncrement(input.add),
      },
    );
    return result.matchedCount === 1;
  }

  /** Hands a failed chunk back until `retryAt`; whichever worker claims it then tries again. */
  async retryLater(input: { feedId: string; owner: string; error: string; retryAt: Date }): Promise<void> {
    await this.feeds.collection.updateOne({ _id: input.feedId, leaseOwner: input.owner } as never, {
      $set: { lastError: input.error, leaseUntil: input.retryAt },
    });
  }

  async report(feedId: string): Promise<ReportEntry[]> {
    const parts = await this.reports.collection
      .find<{ entries: unknown }>({ feedId } as never, { projection: { entries: 1 } })
      .toArray();
    return parts
      .flatMap((part) => (unpacked(part.entries) as ReportEntry[] | undefined) ?? [])
      .sort((a, b) => a.line - b.line);
  }
}

/** Adds a chunk's settled rows to the feed's running counts. */
function countsIncrement(add: Omit<FeedCounts, 'rows'>): Record<string, number> {
  return {
    'counts.processed': add.processed,
    'counts.applied': add.applied,
    'counts.unchanged': add.unchanged,
    'counts.rejected': add.rejected,
  };
}

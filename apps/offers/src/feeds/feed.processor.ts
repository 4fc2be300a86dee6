import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { FeedChunkApplier, PreparedChunk } from './feed-chunk.applier';
import { FeedFailureSettler, tally } from './feed-failure.settler';
import { FeedRepository } from './feed.repository';
import { Feed, FeedChunk, ReportEntry } from './feed.schema';

const MAX_RETRY_WAIT_MS = 30_000;
const MAX_REASON_LENGTH = 300;

/**
 * Processes queued feeds in the background. Any replica may take any feed: a feed is claimed with
 * a lease in the database (renewed after each chunk), so a crashed replica's feed is resumed by
 * another from its next unfinished chunk, and a seller's feeds apply in submission order.
 */
@Injectable()
export class FeedProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(FeedProcessor.name);
  private readonly owner = `feed-worker-${uuidv7()}`;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = false;

  constructor(
    private readonly feeds: FeedRepository,
    private readonly applier: FeedChunkApplier,
    private readonly failures: FeedFailureSettler,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.wake(), this.settings.feedPollIntervalMs);
    this.timer.unref();
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Looks for work now (after a submission) instead of at the next poll. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.log.error({ err: error }, 'feed processing failed; will retry'))
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async drain(): Promise<void> {
    for (let feed = await this.claimNext(); feed && !this.stopped; feed = await this.claimNext()) {
      await this.process(feed);
    }
  }

  private async claimNext(): Promise<Feed | null> {
    const now = new Date();
    for (const candidate of await this.feeds.claimCandidates(now)) {
      if (await this.feeds.hasEarlierOpenFeed(candidate.sellerId, candidate.seq)) continue;
      const claimed = await this.feeds.claim(candidate, this.owner, this.leaseUntil());
      if (claimed) return claimed;
    }
    return null;
  }

  /**
   * Chunks are written one after the other, in order; around each write the work overlaps: the
   * next chunk is read, decided and readied (its events serialized into its outbox batch), the
   * previous chunk's events are published and its report and progress recorded. A chunk counts as
   * done (`nextChunk`) only once its report is stored.
   */
  private async process(feed: Feed): Promise<void> {
    const progress = { recorded: feed.nextChunk };
    let publishing: Promise<void> = Promise.resolve();
    let recording: Promise<boolean> = Promise.resolve(true);
    try {
      if ((feed.chunkAttempts ?? 1) > this.settings.feedMaxChunkAttempts)
        return await this.giveUp(feed, feed.nextChunk, (feed.chunkAttempts ?? 1) - 1, feed.lastError);
      let next = this.prepare(feed, feed.nextChunk);
      for (let index = feed.nextChunk; index < feed.chunkCount; index++) {
        const prepared = await next;
        if (this.stopped || !prepared) break;
        next = this.prepare(feed, index + 1);
        const { entries, published } = await this.applier.apply(
          { ...this.chunkInput(feed, prepared.chunk), sweepAfter: this.leaseUntil() },
          prepared.ready,
        );
        if (!(await recording)) return this.leaseLost(feed, [publishing, published]);
        await publishing;
        publishing = published;
        recording = this.record(feed, index, entries, progress);
      }
      if (!(await recording)) return this.leaseLost(feed, [publishing]);
      await publishing;
      if (!this.stopped) await this.feeds.finish(feed._id, this.owner, 'done');
    } catch (error) {
      await Promise.all([publishing, recording.catch(() => false)]);
      // The chunk that failed is the first one not recorded as done, with the attempts counted on it.
      const index = progress.recorded;
      const attempts = index === feed.nextChunk ? (feed.chunkAttempts ?? 1) : 1;
      await this.retryOrGiveUp(feed, index, attempts, error).catch((again: unknown) =>
        this.log.error(
          { err: again, feedId: feed._id },
          'could not record a failed chunk; its lease expires',
        ),
      );
    }
  }

  private chunkInput(feed: Feed, chunk: FeedChunk) {
    return { feedId: feed._id, sellerId: feed.sellerId, rows: chunk.rows, correlationId: `feed-${feed._id}` };
  }

  /** Reads, decides and readies a chunk ahead of its turn; null past the last chunk. */
  private prepare(feed: Feed, index: number): Promise<{ chunk: FeedChunk; ready: PreparedChunk } | null> {
    if (index >= feed.chunkCount) return Promise.resolve(null);
    const prepared = (async () => {
      const chunk = await this.feeds.findChunk(feed._id, index);
      if (!chunk) throw new Error(`chunk ${index + 1} of the feed is missing`);
      const input = { ...this.chunkInput(feed, chunk), sweepAfter: this.leaseUntil() };
      return { chunk, ready: await this.applier.prepare(input) };
    })();
    // Awaited (and its failure handled) when its turn comes; until then it must not go unhandled.
    prepared.catch(() => undefined);
    return prepared;
  }

  /** Stores a chunk's report, then marks it done and renews the lease; false when the lease is lost. */
  private async record(
    feed: Feed,
    index: number,
    entries: ReportEntry[],
    progress: { recorded: number },
  ): Promise<boolean> {
    await this.feeds.saveReport(feed._id, index, entries);
    const advanced = await this.feeds.advance({
      feedId: feed._id,
      owner: this.owner,
      chunk: index,
      add: tally(entries),
      leaseUntil: this.leaseUntil(),
    });
    if (advanced) progress.recorded = index + 1;
    return advanced;
  }

  private async leaseLost(feed: Feed, publishing: Promise<void>[]): Promise<void> {
    await Promise.all(publishing);
    this.log.warn({ feedId: feed._id }, 'lost the lease of a feed; another worker continues it');
  }

  /** A failed chunk is retried with a growing wait, until its attempts are spent. */
  private async retryOrGiveUp(feed: Feed, index: number, attempts: number, error: unknown): Promise<void> {
    const reason = error instanceof Error ? error.message : String(error);
    if (attempts >= this.settings.feedMaxChunkAttempts) return this.giveUp(feed, index, attempts, reason);
    const waitMs = Math.min(this.settings.feedRetryBaseMs * 2 ** (attempts - 1), MAX_RETRY_WAIT_MS);
    this.log.warn(
      { err: error, feedId: feed._id, chunk: index, attempts, retryInMs: waitMs },
      'feed chunk failed; it is retried',
    );
    await this.feeds.retryLater({
      feedId: feed._id,
      owner: this.owner,
      error: reason.slice(0, MAX_REASON_LENGTH),
      retryAt: new Date(Date.now() + waitMs),
    });
  }

  private async giveUp(feed: Feed, index: number, attempts: number, reason = 'unknown error'): Promise<void> {
    const failure = `chunk ${index + 1} of ${feed.chunkCount} could not be applied in ${attempts} attempts: ${reason.slice(0, MAX_REASON_LENGTH)}`;
    this.log.error({ feedId: feed._id, chunk: index, attempts, reason }, 'feed failed');
    await this.failures.settle({ feed, owner: this.owner, fromChunk: index, failure });
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.settings.feedLeaseMs);
  }
}

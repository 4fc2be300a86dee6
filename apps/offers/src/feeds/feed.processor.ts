import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { FeedChunkApplier } from './feed-chunk-applier';
import { FeedRepository } from './feed.repository';
import { Feed, ReportEntry } from './feed.schema';

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
    @Inject(OFFERS_SETTINGS) private readonly settings: OffersSettings,
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

  private async process(feed: Feed): Promise<void> {
    try {
      for (let index = feed.nextChunk; index < feed.chunkCount; index++) {
        if (this.stopped) return;
        const chunk = await this.feeds.findChunk(feed._id, index);
        const entries = chunk
          ? await this.applier.apply({
              feedId: feed._id,
              sellerId: feed.sellerId,
              rows: chunk.rows,
              correlationId: `feed-${feed._id}`,
            })
          : [];
        await this.feeds.saveReport(feed._id, index, entries);
        const advanced = await this.feeds.advance({
          feedId: feed._id,
          owner: this.owner,
          chunk: index,
          add: tally(entries),
          leaseUntil: this.leaseUntil(),
        });
        if (!advanced) {
          this.log.warn({ feedId: feed._id }, 'lost the lease of a feed; another worker continues it');
          return;
        }
      }
      await this.feeds.finish(feed._id, this.owner, 'done');
    } catch (error) {
      this.log.error(
        { err: error, feedId: feed._id },
        'feed chunk failed; the lease expires and it is retried',
      );
    }
  }

  private leaseUntil(): Date {
    return new Date(Date.now() + this.settings.feedLeaseMs);
  }
}

function tally(entries: readonly ReportEntry[]) {
  return {
    processed: entries.length,
    applied: entries.filter((e) => e.outcome === 'applied').length,
    unchanged: entries.filter((e) => e.outcome === 'unchanged').length,
    rejected: entries.filter((e) => e.outcome === 'rejected').length,
  };
}

import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { v7 as uuidv7 } from 'uuid';
import { OFFERS_SETTINGS, OffersSettings } from '../common/offers-settings';
import { FeedFormat, FeedFormatError, parseFeed } from './feed-parser';
import { applyPhase, FeedRow, isRejection, readFeedRow, RowRejection, splitDuplicates } from './feed-row';
import { feedNotFound, feedTooLarge, feedUnreadable, idempotencyKeyReused } from './feed.errors';
import { FeedRepository } from './feed.repository';
import { Feed, FeedChunk, ReportEntry } from './feed.schema';
import { FeedProcessor } from './feed.processor';

const toEntry = (rejection: RowRejection): ReportEntry => ({ ...rejection, outcome: 'rejected' });

/** Submission and reading of inventory feeds; the processing is FeedProcessor's. */
@Injectable()
export class FeedService {
  constructor(
    private readonly feeds: FeedRepository,
    private readonly processor: FeedProcessor,
    @Inject(OFFERS_SETTINGS.token) private readonly settings: OffersSettings,
  ) {}

  /** A new feed (created: true), or the original one for a repeated Idempotency-Key. */
  async submit(input: {
    sellerId: string;
    body: string;
    format: FeedFormat;
    idempotencyKey?: string;
  }): Promise<{ feed: Feed; created: boolean }> {
    const bodyHash = createHash('sha256').update(input.body).digest('hex');
    const scope = input.idempotencyKey ? `${input.sellerId}:${input.idempotencyKey}` : undefined;
    const repeat = scope ? await this.repeated(scope, bodyHash) : undefined;
    if (repeat) return { feed: repeat, created: false };

    const { rows, refused } = this.read(input.body, input.format);
    const feedId = uuidv7();
    const chunks = this.chunked(feedId, rows);
    const feed: Feed = {
      _id: feedId,
      sellerId: input.sellerId,
      seq: await this.feeds.nextSeq(input.sellerId),
      idempotencyScope: scope ?? `${input.sellerId}:auto:${feedId}`,
      bodyHash,
      format: input.format,
      status: 'queued',
      counts: {
        rows: rows.length + refused.length,
        processed: refused.length,
        applied: 0,
        unchanged: 0,
        rejected: refused.length,
      },
      chunkCount: chunks.length,
      nextChunk: 0,
      submittedAt: new Date(),
    };
    const refusedPart = { _id: `${feedId}:-1`, feedId, index: -1, entries: refused.map(toEntry) };
    if (!(await this.feeds.insert(feed, chunks, refusedPart))) {
      const winner = await this.repeated(scope!, bodyHash);
      return { feed: winner!, created: false };
    }
    this.processor.wake();
    return { feed, created: true };
  }

  async get(sellerId: string, feedId: string): Promise<Feed> {
    const feed = await this.feeds.findOwn(sellerId, feedId);
    if (!feed) throw feedNotFound(feedId);
    return feed;
  }

  list(sellerId: string): Promise<Feed[]> {
    return this.feeds.listOwn(sellerId);
  }

  async report(sellerId: string, feedId: string): Promise<{ feed: Feed; entries: ReportEntry[] }> {
    const feed = await this.get(sellerId, feedId);
    return { feed, entries: await this.feeds.report(feedId) };
  }

  private async repeated(scope: string, bodyHash: string): Promise<Feed | undefined> {
    const original = await this.feeds.findByScope(scope);
    if (!original) return undefined;
    if (original.bodyHash !== bodyHash) throw idempotencyKeyReused(original._id);
    return original;
  }

  private read(body: string, format: FeedFormat): { rows: FeedRow[]; refused: RowRejection[] } {
    let parsed;
    try {
      parsed = parseFeed(body, format);
    } catch (error) {
      if (error instanceof FeedFormatError) throw feedUnreadable(error.message);
      throw error;
    }
    const total = parsed.rows.length + parsed.unreadable.length;
    if (total > this.settings.maxFeedRows) throw feedTooLarge(total, this.settings.maxFeedRows);
    const refused: RowRejection[] = parsed.unreadable.map((u) => ({
      line: u.line,
      code: 'ROW_UNREADABLE',
      message: u.message,
    }));
    const readable: FeedRow[] = [];
    for (const raw of parsed.rows) {
      const row = readFeedRow(raw);
      if (isRejection(row)) refused.push(row);
      else readable.push(row);
    }
    const { unique, duplicates } = splitDuplicates(readable);
    // Stable sort: within a phase, rows keep the seller's order.
    const ordered = unique.map((row, index) => ({ row, index }));
    ordered.sort((a, b) => applyPhase(a.row) - applyPhase(b.row) || a.index - b.index);
    return { rows: ordered.map(({ row }) => row), refused: [...refused, ...duplicates] };
  }

  private chunked(feedId: string, rows: FeedRow[]): FeedChunk[] {
    const chunks: FeedChunk[] = [];
    for (let index = 0; index * this.settings.feedChunkSize < rows.length; index++) {
      const slice = rows.slice(
        index * this.settings.feedChunkSize,
        (index + 1) * this.settings.feedChunkSize,
      );
      chunks.push({ _id: `${feedId}:${index}`, feedId, index, rows: slice });
    }
    return chunks;
  }
}

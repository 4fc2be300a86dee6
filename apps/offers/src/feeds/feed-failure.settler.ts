import { Injectable } from '@nestjs/common';
import { OfferRepository } from '../offers/offer.repository';
import { skuKeyOf } from '../offers/offer.schema';
import type { FeedRow } from './feed-row';
import { FeedRepository } from './feed.repository';
import { Feed, FeedCounts, ReportEntry } from './feed.schema';

export function tally(entries: readonly ReportEntry[]): Omit<FeedCounts, 'rows'> {
  return {
    processed: entries.length,
    applied: entries.filter((e) => e.outcome === 'applied').length,
    unchanged: entries.filter((e) => e.outcome === 'unchanged').length,
    rejected: entries.filter((e) => e.outcome === 'rejected').length,
  };
}

/** Rows as stored, when a chunk is damaged: only what still names a line and a SKU is reported. */
function readableRows(rows: unknown): FeedRow[] {
  if (!Array.isArray(rows)) return [];
  return rows.filter(
    (row): row is FeedRow =>
      typeof row === 'object' &&
      row !== null &&
      typeof (row as FeedRow).line === 'number' &&
      typeof (row as FeedRow).sku === 'string',
  );
}

/**
 * Ends a feed whose chunk could not be applied. The rows not yet reported get their final outcome
 * from the offers themselves: a row whose write landed (its offer carries the row's marker, even
 * if the chunk failed after writing) is applied; every other row is reported as not applied, so
 * the report stays complete and never claims a change that did not happen.
 */
@Injectable()
export class FeedFailureSettler {
  constructor(
    private readonly feeds: FeedRepository,
    private readonly offers: OfferRepository,
  ) {}

  async settle(input: { feed: Feed; owner: string; fromChunk: number; failure: string }): Promise<boolean> {
    const { feed } = input;
    const added = { processed: 0, applied: 0, unchanged: 0, rejected: 0 };
    for (let index = input.fromChunk; index < feed.chunkCount; index++) {
      const chunk = await this.feeds.findChunk(feed._id, index);
      const rows = readableRows(chunk?.rows);
      if (rows.length === 0) continue;
      const entries = await this.outcomes(feed, rows, input.failure);
      await this.feeds.saveReport(feed._id, index, entries);
      const counts = tally(entries);
      for (const key of Object.keys(added) as (keyof typeof added)[]) added[key] += counts[key];
    }
    return this.feeds.fail({ feedId: feed._id, owner: input.owner, failure: input.failure, add: added });
  }

  private async outcomes(feed: Feed, rows: FeedRow[], failure: string): Promise<ReportEntry[]> {
    const offers = await this.offers.findBySkuKeys(
      feed.sellerId,
      rows.map((row) => skuKeyOf(feed.sellerId, row.sku)),
    );
    const bySku = new Map(offers.map((offer) => [offer.sku, offer]));
    return rows.map((row): ReportEntry => {
      const offer = bySku.get(row.sku);
      if (offer?.lastFeedRow === `${feed._id}:${row.line}`)
        return { line: row.line, sku: row.sku, outcome: 'applied', offerId: offer._id };
      return {
        line: row.line,
        sku: row.sku,
        outcome: 'rejected',
        code: 'FEED_FAILED',
        message: `not applied: the feed stopped (${failure})`,
      };
    });
  }
}

import type { Feed, ReportEntry } from '../feed.schema';
import type { FeedView } from './feed-views';

export const FEED_CONTENT_TYPES = {
  csv: ['text/csv', 'application/csv'],
  jsonl: ['application/x-ndjson', 'application/jsonl', 'application/x-jsonlines'],
} as const;

export function feedView(feed: Feed): FeedView {
  return {
    id: feed._id,
    sequence: feed.seq,
    format: feed.format,
    status: feed.status,
    counts: feed.counts,
    submittedAt: feed.submittedAt.toISOString(),
    startedAt: feed.startedAt?.toISOString() ?? null,
    finishedAt: feed.finishedAt?.toISOString() ?? null,
    ...(feed.failure ? { failure: feed.failure } : {}),
  };
}

export function reportView(feed: Feed, entries: ReportEntry[]) {
  return { feed: feedView(feed), entries };
}

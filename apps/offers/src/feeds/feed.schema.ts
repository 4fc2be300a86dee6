import { Schema } from 'mongoose';
import type { FeedFormat } from './feed-parser';
import type { FeedRow } from './feed-row';

export type FeedStatus = 'queued' | 'processing' | 'done' | 'failed';
export type RowOutcome = 'applied' | 'unchanged' | 'rejected';

export interface FeedCounts {
  rows: number;
  processed: number;
  applied: number;
  unchanged: number;
  rejected: number;
}

export interface Feed {
  _id: string;
  sellerId: string;
  /** The seller's submission number: feeds of one seller apply in this order. */
  seq: number;
  /** `<sellerId>:<Idempotency-Key>`, or `<sellerId>:auto:<feedId>` without a key (unique either way). */
  idempotencyScope: string;
  bodyHash: string;
  format: FeedFormat;
  status: FeedStatus;
  counts: FeedCounts;
  chunkCount: number;
  nextChunk: number;
  /** How often `nextChunk` has been started (claims, retries, resumptions after a crash). */
  chunkAttempts?: number;
  /** Why the last attempt of `nextChunk` failed, while it is retried. */
  lastError?: string;
  leaseOwner?: string;
  leaseUntil?: Date;
  failure?: string;
  submittedAt: Date;
  startedAt?: Date;
  finishedAt?: Date;
}

/** A slice of a feed's rows, stored at submission in application order. */
export interface FeedChunk {
  _id: string;
  feedId: string;
  index: number;
  rows: FeedRow[];
}

export interface ReportEntry {
  line: number;
  sku?: string;
  outcome: RowOutcome;
  offerId?: string;
  code?: string;
  message?: string;
}

/** The per-row report of one chunk (index -1: rows refused at submission). */
export interface FeedReportPart {
  _id: string;
  feedId: string;
  index: number;
  entries: ReportEntry[];
}

export const FEED = 'InventoryFeed';
export const FEED_CHUNK = 'InventoryFeedChunk';
export const FEED_REPORT = 'InventoryFeedReport';
export const FEED_SEQUENCE = 'InventoryFeedSequence';

export const FeedSchema = new Schema<Feed>(
  {
    _id: String,
    sellerId: { type: String, required: true },
    seq: { type: Number, required: true },
    idempotencyScope: { type: String, required: true },
    bodyHash: { type: String, required: true },
    format: { type: String, required: true },
    status: { type: String, required: true },
    counts: { type: Object, required: true },
    chunkCount: { type: Number, required: true },
    nextChunk: { type: Number, required: true },
    chunkAttempts: Number,
    lastError: String,
    leaseOwner: String,
    leaseUntil: Date,
    failure: String,
    submittedAt: { type: Date, required: true },
    startedAt: Date,
    finishedAt: Date,
  },
  { versionKey: false, collection: 'inventory_feeds' },
);
// A repeated Idempotency-Key finds the original feed; the unique index settles a race of repeats.
FeedSchema.index({ idempotencyScope: 1 }, { unique: true });
// The seller's feeds (listing, and "is an earlier feed of this seller still open?").
FeedSchema.index({ sellerId: 1 });
// The workers' claim query: `{status: 'queued'}` / `{status: 'processing'}` (expired leases).
FeedSchema.index({ status: 1 });

// Chunks and report parts are read by `feedId` (all of a feed's) and written by `_id`; their rows and
// entries are stored packed (see FeedRepository).
export const FeedChunkSchema = new Schema<FeedChunk>(
  { _id: String, feedId: { type: String, required: true }, index: Number, rows: Schema.Types.Mixed },
  { versionKey: false, collection: 'inventory_feed_chunks' },
);
FeedChunkSchema.index({ feedId: 1 });

export const FeedReportSchema = new Schema<FeedReportPart>(
  { _id: String, feedId: { type: String, required: true }, index: Number, entries: Schema.Types.Mixed },
  { versionKey: false, collection: 'inventory_feed_reports' },
);
FeedReportSchema.index({ feedId: 1 });

/** Per-seller submission counter; `_id` is the seller id. */
export const FeedSequenceSchema = new Schema<{ _id: string; seq: number }>(
  { _id: String, seq: Number },
  { versionKey: false, collection: 'inventory_feed_sequences' },
);

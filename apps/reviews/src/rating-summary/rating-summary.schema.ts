import { Schema } from 'mongoose';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';

export type StarDistribution = Record<'1' | '2' | '3' | '4' | '5', number>;

/** One product's rating summary over its published reviews; `_id` is the product id. */
export interface RatingSummaryDoc extends OutboxFields {
  _id: string;
  count: number;
  ratingSum: number;
  distribution: StarDistribution;
  /** When the last recompute started reading reviews: events older than this are already in it. */
  computedAt: Date;
}

export const RATING_SUMMARY = 'RatingSummary';

// Read and written by `_id` (the product id) only.
export const RatingSummarySchema = new Schema<RatingSummaryDoc>(
  {
    _id: String,
    count: { type: Number, required: true },
    ratingSum: { type: Number, required: true },
    distribution: { type: Object, required: true },
    computedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'rating_summaries' },
);
RatingSummarySchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);

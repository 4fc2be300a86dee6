import { Schema } from 'mongoose';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';
import type { SummaryFigures } from './offer-summary';

/** One product's offer summary over its active offers; `_id` is the product id. */
export interface OfferSummaryDoc extends OutboxFields, SummaryFigures {
  _id: string;
  /** When the last recompute started reading offers: changes committed before it are in it. */
  computedAt: Date;
}

export const OFFER_SUMMARY = 'OfferSummary';

// Read and written by `_id` (the product id) only.
export const OfferSummarySchema = new Schema<OfferSummaryDoc>(
  {
    _id: String,
    totalOffers: { type: Number, required: true },
    byConditionClass: { type: Object, required: true },
    lowestPrice: { type: Object, required: false },
    bestHandlingDays: { type: Object, required: false },
    computedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'offer_summaries' },
);
OfferSummarySchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);

import { Schema } from 'mongoose';
import type { OfferCondition, OfferStatus } from '@app/contracts';
import {
  OUTBOX_SCHEMA_FIELDS,
  OUTBOX_SWEEP_INDEX,
  OUTBOX_SWEEP_INDEX_OPTIONS,
  OutboxFields,
} from '@app/platform';

export interface StoredMoney {
  amountMinor: number;
  currency: string;
}

export interface HandlingDays {
  min: number;
  max: number;
}

export interface Offer extends OutboxFields {
  _id: string;
  sellerId: string;
  /** The seller's stock-keeping unit: identifies this offer forever (a delete only withdraws it). */
  sku: string;
  /** `<sellerId>\u0000<sku>`: one unique single-field key, so a feed chunk's `$in` is index-served. */
  skuKey: string;
  productId: string;
  condition: OfferCondition;
  conditionNote?: string;
  price: StoredMoney;
  quantity: number;
  handlingDays: HandlingDays;
  status: OfferStatus;
  /** The status a hold or removal interrupted, to go back to on keep or restore. */
  statusBeforeModeration?: OfferStatus;
  /** Moderation actions already answered: a redelivered action changes nothing. */
  appliedActionIds: string[];
  /** `<feedId>:<row>` of the feed row that last changed the offer: a resumed feed reports it applied. */
  lastFeedRow?: string;
  createdAt: Date;
  updatedAt: Date;
}

export const OFFER = 'Offer';

export function skuKeyOf(sellerId: string, sku: string): string {
  return `${sellerId}\u0000${sku}`;
}

export const OfferSchema = new Schema<Offer>(
  {
    _id: String,
    sellerId: { type: String, required: true },
    sku: { type: String, required: true },
    skuKey: { type: String, required: true },
    productId: { type: String, required: true },
    condition: { type: String, required: true },
    conditionNote: { type: String, required: false },
    price: { type: Object, required: true },
    quantity: { type: Number, required: true },
    handlingDays: { type: Object, required: true },
    status: { type: String, required: true },
    statusBeforeModeration: { type: String, required: false },
    appliedActionIds: { type: [String], default: () => [] },
    lastFeedRow: { type: String, required: false },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    ...OUTBOX_SCHEMA_FIELDS,
  },
  { versionKey: false, collection: 'offers' },
);
// One offer per seller and SKU, also under a race between an API upsert and a feed; the single
// field serves the seller's lookups by SKU and the feed's `{skuKey: {$in: [...]}}` (compound
// indexes do not serve $in). Lookups and guarded writes by id (`{_id, sellerId}`,
// `{_id, sellerId, version}`) are served by the `_id` index. Every further unique index costs
// each insert and update of a feed an index write (with three more, a 2,000-offer chunk took
// about twice as long to insert on our store).
OfferSchema.index({ skuKey: 1 }, { unique: true });
// The shopper listing and the summary recompute: `{productId, status: 'active'}`, exact fields.
OfferSchema.index({ productId: 1, status: 1 });
// The seller's own offers: `{sellerId}` (then paged in memory by `_id`).
OfferSchema.index({ sellerId: 1 });
// The relay's sweep by the pending flag (a range sweep read all offers each second under the
// collection's lock, stalling a feed's writes).
OfferSchema.index(OUTBOX_SWEEP_INDEX, OUTBOX_SWEEP_INDEX_OPTIONS);

import { Schema } from 'mongoose';
import type { OfferCondition, OfferStatus } from '@app/contracts';
import { OUTBOX_SCHEMA_FIELDS, OUTBOX_SWEEP_INDEX, OutboxFields } from '@app/platform';

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
  /** `<sellerId>:<offerId>`: the seller's own lookups by one index-served equality. */
  ownerKey: string;
  /**
   * `<sellerId>:<offerId>@<version>`: a version-guarded, seller-scoped write as one equality on a
   * unique field. The store serves only filters whose fields are exactly an index's, so
   * `{_id, sellerId, version}` would scan the collection for every row of a feed.
   */
  revKey: string;
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

export function ownerKeyOf(sellerId: string, offerId: string): string {
  return `${sellerId}:${offerId}`;
}

export function revKeyOf(sellerId: string, offerId: string, version: number): string {
  return `${sellerId}:${offerId}@${version}`;
}

export const OfferSchema = new Schema<Offer>(
  {
    _id: String,
    sellerId: { type: String, required: true },
    sku: { type: String, required: true },
    skuKey: { type: String, required: true },
    ownerKey: { type: String, required: true },
    revKey: { type: String, required: true },
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
// field also serves the feed's `{skuKey: {$in: [...]}}` lookups (compound indexes do not serve $in).
OfferSchema.index({ skuKey: 1 }, { unique: true });
// The seller's own offer by id (`findOwn`) and the feed's guarded writes and outbox trims.
OfferSchema.index({ ownerKey: 1 }, { unique: true });
OfferSchema.index({ revKey: 1 }, { unique: true });
// The same rule spelled on its fields, for stores that serve compound equality lookups.
OfferSchema.index({ sellerId: 1, sku: 1 }, { unique: true });
// The shopper listing and the summary recompute: `{productId, status: 'active'}`, exact fields.
OfferSchema.index({ productId: 1, status: 1 });
// The seller's own offers: `{sellerId}` (then paged in memory by `_id`).
OfferSchema.index({ sellerId: 1 });
OfferSchema.index(OUTBOX_SWEEP_INDEX);

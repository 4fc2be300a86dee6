import { Schema } from 'mongoose';
import type { ModerationTargetType } from '@app/contracts';

/**
 * What reports knows of a reportable entity, from its owner's compacted topic: that it exists,
 * its status, and whose it is (so its author can read decisions about it).
 */
export interface TargetProjection {
  /** `<type>:<id>`. */
  _id: string;
  type: ModerationTargetType;
  targetId: string;
  status: string;
  authorKey: string | null;
  version: number;
}

export const TARGET_PROJECTION = 'TargetProjection';

// Looked up by `_id` only.
export const TargetProjectionSchema = new Schema<TargetProjection>(
  {
    _id: String,
    type: { type: String, required: true },
    targetId: { type: String, required: true },
    status: { type: String, required: true },
    authorKey: { type: String, default: null },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'targets' },
);

export function targetKey(type: ModerationTargetType, id: string): string {
  return `${type}:${id}`;
}

export function accountAuthor(accountId: string): string {
  return `account:${accountId}`;
}

export function sellerAuthor(sellerId: string): string {
  return `seller:${sellerId}`;
}

/**
 * Statuses in which a target can be reported: what shoppers can see, plus held (a report filed
 * while the hold travelled still joins the case). Anything else is as absent as an unknown id.
 */
export const REPORTABLE_STATUSES: Readonly<Record<ModerationTargetType, readonly string[]>> = {
  product: ['visible', 'held'],
  offer: ['active', 'out_of_stock', 'held'],
  review: ['published', 'held'],
  pen_name: ['active', 'held'],
};

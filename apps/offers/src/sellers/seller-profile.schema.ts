import { Schema } from 'mongoose';

/** A seller's public face; `_id` is the token's `sellerId`. */
export interface SellerProfile {
  _id: string;
  displayName: string;
  createdAt: Date;
  updatedAt: Date;
}

export const SELLER_PROFILE = 'SellerProfile';

// Read by `_id` only (single, and `$in` for a listing page's sellers).
export const SellerProfileSchema = new Schema<SellerProfile>(
  {
    _id: String,
    displayName: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { versionKey: false, collection: 'seller_profiles' },
);

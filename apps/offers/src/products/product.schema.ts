import { Schema } from 'mongoose';
import type { ProductState } from '@app/contracts';

/** What offers needs of a catalog product: that it exists and whether shoppers may see it. */
export interface ProductProjection {
  _id: string;
  title: string;
  visibility: ProductState['visibility'];
  version: number;
}

export const PRODUCT_PROJECTION = 'ProductProjection';

// Looked up by `_id` only (single, `$in` for a feed chunk's products): the `_id` index serves both.
export const ProductProjectionSchema = new Schema<ProductProjection>(
  {
    _id: String,
    title: { type: String, required: true },
    visibility: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'products' },
);

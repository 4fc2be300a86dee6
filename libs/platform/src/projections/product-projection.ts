import { Injectable, Module } from '@nestjs/common';
import { InjectModel, MongooseModule } from '@nestjs/mongoose';
import { Model, Schema } from 'mongoose';
import type { ProductState } from '@app/contracts';
import { NotFoundError } from '../errors/domain-error';
import { unknownReference } from '../http/references';
import { applyIfNewer } from '../messaging/idempotent-effects';
import { HandlerOutcome } from '../messaging/event-bus';

/**
 * What a service other than the catalog keeps of a catalog product, from `catalog.product.v1`:
 * that it exists, its title, and whether shoppers may see it. Each service owns its copy (its own
 * `products` collection). The shopper's rule is shared (`requireVisible`); the others built on it
 * (422 for a hidden product, which codes) stay in the service.
 */
export interface ProductProjection {
  _id: string;
  title: string;
  visibility: ProductState['visibility'];
  version: number;
}

export const PRODUCT_PROJECTION = 'ProductProjection';

// Looked up by `_id` only (one, or `$in` for several): the `_id` index serves both.
export const ProductProjectionSchema = new Schema<ProductProjection>(
  {
    _id: String,
    title: { type: String, required: true },
    visibility: { type: String, required: true },
    version: { type: Number, required: true },
  },
  { versionKey: false, collection: 'products' },
);

@Injectable()
export class ProductProjectionRepository {
  constructor(@InjectModel(PRODUCT_PROJECTION) private readonly products: Model<ProductProjection>) {}

  /** Full-state events: the version guard makes replays and out-of-order deliveries no-ops. */
  project(product: ProductState): Promise<Extract<HandlerOutcome, 'applied' | 'skipped-stale'>> {
    return applyIfNewer(this.products, {
      id: product.productId,
      version: product.version,
      set: { title: product.title, visibility: product.visibility },
    });
  }

  findById(productId: string): Promise<ProductProjection | null> {
    return this.products.findById(productId).lean<ProductProjection>().exec();
  }

  /**
   * The product a shopper reads about (its offers, its reviews): a hidden product is as absent as an
   * unknown one (404), and one not known here yet is answered as docs/architecture.md says ("Not
   * yet known references").
   */
  async requireVisible(productId: string): Promise<ProductProjection> {
    const product = await this.findById(productId);
    if (!product)
      throw unknownReference({ kind: 'product', id: productId, notFoundCode: 'PRODUCT_NOT_FOUND' });
    if (product.visibility !== 'visible') {
      throw new NotFoundError('PRODUCT_NOT_FOUND', `product ${productId} does not exist.`);
    }
    return product;
  }

  findByIds(productIds: readonly string[]): Promise<ProductProjection[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.products
      .find({ _id: { $in: productIds } })
      .lean<ProductProjection[]>()
      .exec();
  }
}

/** The projection's collection and repository, for a service's own product module to import. */
@Module({
  imports: [MongooseModule.forFeature([{ name: PRODUCT_PROJECTION, schema: ProductProjectionSchema }])],
  providers: [ProductProjectionRepository],
  exports: [ProductProjectionRepository],
})
export class ProductProjectionModule {}

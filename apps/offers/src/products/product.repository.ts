import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import type { ProductState } from '@app/contracts';
import { applyIfNewer, HandlerOutcome } from '@app/platform';
import { PRODUCT_PROJECTION, ProductProjection } from './product.schema';

@Injectable()
export class ProductRepository {
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

  findByIds(productIds: readonly string[]): Promise<ProductProjection[]> {
    if (productIds.length === 0) return Promise.resolve([]);
    return this.products
      .find({ _id: { $in: productIds } })
      .lean<ProductProjection[]>()
      .exec();
  }
}

import { Injectable } from '@nestjs/common';
import {
  DomainError,
  NotFoundError,
  ProductProjection,
  ProductProjectionRepository,
  unknownReference,
} from '@app/platform';

/** Product checks against the local projection of catalog.product.v1 (never a call to catalog). */
@Injectable()
export class ProductService {
  constructor(private readonly products: ProductProjectionRepository) {}

  /** The product a review or a listing is about: it must exist here and be visible. */
  async requireVisible(productId: string): Promise<ProductProjection> {
    const product = await this.products.findById(productId);
    if (!product)
      throw unknownReference({ kind: 'product', id: productId, notFoundCode: 'PRODUCT_NOT_FOUND' });
    // A hidden product is as absent to shoppers as an unknown one: its reviews answer 404.
    if (product.visibility !== 'visible') {
      throw new NotFoundError('PRODUCT_NOT_FOUND', `product ${productId} does not exist.`);
    }
    return product;
  }

  /** "Recommend other products": each must exist here and be visible. */
  async requireRecommendable(productIds: readonly string[]): Promise<void> {
    if (productIds.length === 0) return;
    const found = new Map((await this.products.findByIds(productIds)).map((p) => [p._id, p]));
    const unknown = productIds.find((id) => !found.has(id));
    if (unknown) {
      throw unknownReference({ kind: 'product', id: unknown, notFoundCode: 'RECOMMENDED_PRODUCT_NOT_FOUND' });
    }
    const hidden = productIds.filter((id) => found.get(id)?.visibility !== 'visible');
    if (hidden.length > 0) {
      throw new DomainError(
        'unprocessable',
        'RECOMMENDED_PRODUCT_NOT_AVAILABLE',
        'A recommended product is not available.',
        {
          details: { productIds: hidden },
        },
      );
    }
  }
}

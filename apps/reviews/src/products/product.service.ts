import { Injectable } from '@nestjs/common';
import { DomainError, ProductProjection, ProductProjectionRepository, unknownReference } from '@app/platform';

/** Product checks against the local projection of catalog.product.v1 (never a call to catalog). */
@Injectable()
export class ProductService {
  constructor(private readonly products: ProductProjectionRepository) {}

  /** A hidden product is as absent to shoppers as an unknown one (the platform's shared rule). */
  requireVisible(productId: string): Promise<ProductProjection> {
    return this.products.requireVisible(productId);
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

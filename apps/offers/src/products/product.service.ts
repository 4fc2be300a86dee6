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

  /** The product a seller lists a copy of: unknown is 409/404, hidden is refused (422). */
  async requireListable(productId: string): Promise<ProductProjection> {
    const product = await this.products.findById(productId);
    if (!product)
      throw unknownReference({ kind: 'product', id: productId, notFoundCode: 'PRODUCT_NOT_FOUND' });
    if (product.visibility !== 'visible') {
      throw new DomainError(
        'unprocessable',
        'PRODUCT_NOT_AVAILABLE',
        `product ${productId} is not available for new offers.`,
      );
    }
    return product;
  }

  async isVisible(productId: string): Promise<boolean> {
    return (await this.products.findById(productId))?.visibility === 'visible';
  }

  /** A feed chunk's products in one read. */
  async byIds(productIds: readonly string[]): Promise<Map<string, ProductProjection>> {
    return new Map((await this.products.findByIds(productIds)).map((product) => [product._id, product]));
  }
}

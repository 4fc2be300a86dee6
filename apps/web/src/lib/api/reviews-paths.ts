/**
 * The reviews service's HTTP contract, as far as the storefront reads it, in openapi-typescript's
 * `paths` shape. This file is the seam to the generated types: once
 * `src/api/generated/reviews.ts` exists, this file becomes
 * `export type { paths } from '../../api/generated/reviews'`.
 */
export type ReviewSort = 'newest' | 'oldest' | 'highest' | 'lowest' | 'most_helpful';

type PublicReview = {
  reviewId: string;
  productId: string;
  /** A pen name, or "Anonymous". */
  author: string;
  rating: number;
  title?: string;
  body: string;
  recommendedProductIds: string[];
  helpfulVotes: number;
  createdAt: string;
  updatedAt: string;
};

type ErrorBody = { error: { code: string; message: string } };

export interface paths {
  '/products/{productId}/reviews': {
    get: {
      parameters: {
        path: { productId: string };
        query?: { sort?: ReviewSort; stars?: number; limit?: number; cursor?: string };
      };
      responses: {
        200: { content: { 'application/json': { items: PublicReview[]; nextCursor?: string } } };
        404: { content: { 'application/json': ErrorBody } };
      };
    };
  };
}

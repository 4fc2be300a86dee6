/**
 * The offers service's HTTP contract, as far as the storefront reads it, in openapi-typescript's
 * `paths` shape. This file is the seam to the generated types: once
 * `src/api/generated/offers.ts` exists, this file becomes
 * `export type { paths } from '../../api/generated/offers'`.
 */
type Money = { amountMinor: number; currency: string };

export type OfferCondition =
  | 'new'
  | 'used_like_new'
  | 'used_very_good'
  | 'used_good'
  | 'used_acceptable'
  | 'collectible_like_new'
  | 'collectible_very_good'
  | 'collectible_good'
  | 'collectible_acceptable';

type ListingOffer = {
  id: string;
  condition: OfferCondition;
  conditionClass: 'new' | 'used' | 'collectible';
  conditionNote: string | null;
  price: Money;
  handlingDays: { min: number; max: number };
  handlingLabel: string;
  seller: { displayName: string };
};

type ErrorBody = { error: { code: string; message: string } };

export interface paths {
  '/products/{productId}/offers': {
    get: {
      parameters: {
        path: { productId: string };
        query?: {
          condition?: 'used' | 'collectible' | OfferCondition;
          sort?: 'price' | 'handling';
          limit?: number;
          cursor?: string;
        };
      };
      responses: {
        200: { content: { 'application/json': { items: ListingOffer[]; nextCursor?: string } } };
        404: { content: { 'application/json': ErrorBody } };
      };
    };
  };
}

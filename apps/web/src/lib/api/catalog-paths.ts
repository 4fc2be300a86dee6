/**
 * The catalog's HTTP contract, as far as the storefront reads it, in openapi-typescript's `paths`
 * shape. This file is the seam to the generated types: once `src/api/generated/catalog.ts`
 * exists, this file becomes `export type { paths } from '../../api/generated/catalog'`.
 */
export type Money = { amountMinor: number; currency: string };
export type ProductFormat = 'paperback' | 'hardcover' | 'mass_market_paperback' | 'ebook' | 'audiobook';
export type ContributorRole = 'author' | 'editor' | 'translator' | 'illustrator' | 'contributor';
export type ConditionClass = 'new' | 'used' | 'collectible';
export type SearchSort = 'relevance' | 'price' | 'rating' | 'newest';

type Series = { name: string; volume?: number };

type ProductCard = {
  id: string;
  isbn13: string;
  title: string;
  subtitle?: string;
  contributors: { name: string; role: ContributorRole }[];
  format: ProductFormat;
  publicationDate?: string;
  series?: Series;
  listPrice?: Money;
  availability: 'in_print' | 'out_of_print';
  version: number;
  offers: { totalOffers: number; lowestPrice: Money | null; savingsPercent: number | null };
  ratings: { count: number; average: number | null };
};

type Product = {
  id: string;
  isbn13: string;
  title: string;
  subtitle?: string;
  contributors: { name: string; role: ContributorRole; bio?: string }[];
  format: ProductFormat;
  publisher?: string;
  publicationDate?: string;
  pageCount?: number;
  language?: string;
  series?: Series;
  description?: string;
  illustrationsNote?: string;
  subjects: string[];
  listPrice?: Money;
  imageUrls: string[];
  editorialReviews: { source: string; reviewer?: string; date?: string; text: string }[];
  availability: 'in_print' | 'out_of_print';
  version: number;
};

type ClassSummary = { count: number; lowestPrice: Money | null; savingsPercent: number | null };

type ProductPage = {
  product: Product;
  offerSummary: {
    version: number;
    asOf: string | null;
    totalOffers: number;
    byConditionClass: Record<ConditionClass, ClassSummary>;
    lowestPrice: Money | null;
    savingsPercent: number | null;
    bestHandlingDays: { min: number; max: number } | null;
    handlingLabel: string | null;
  };
  ratingSummary: {
    version: number;
    asOf: string | null;
    count: number;
    average: number | null;
    distribution: { stars: number; count: number }[];
    firstReviewWanted: boolean;
  };
};

type ErrorBody = { error: { code: string; message: string } };

export interface paths {
  '/products': {
    get: {
      parameters: {
        query?: {
          q?: string;
          isbn?: string;
          format?: ProductFormat;
          minPrice?: number;
          maxPrice?: number;
          condition?: ConditionClass;
          minRating?: number;
          sort?: SearchSort;
          cursor?: string;
          limit?: number;
        };
      };
      responses: {
        200: { content: { 'application/json': { items: ProductCard[]; nextCursor?: string } } };
        400: { content: { 'application/json': ErrorBody } };
      };
    };
  };
  '/products/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: {
        200: { content: { 'application/json': ProductPage } };
        404: { content: { 'application/json': ErrorBody } };
      };
    };
  };
}

import type { ConditionClass } from './api/catalog';
import type { ReviewSort } from './api/reviews';
import { pathWithQuery, type SearchParams, single } from './urls';

/** The product page's own query: which offers and which reviews to list. Bad values are ignored. */
export interface ProductQuery {
  readonly condition?: ConditionClass;
  readonly offersCursor?: string;
  readonly sort: ReviewSort;
  readonly stars?: number;
  readonly reviewsCursor?: string;
}

const CONDITIONS = ['new', 'used', 'collectible'] as const;
const SORTS = ['newest', 'oldest', 'highest', 'lowest', 'most_helpful'] as const;

export function parseProductQuery(params: SearchParams): ProductQuery {
  const condition = single(params.condition);
  const sort = single(params.sort);
  const stars = Number(single(params.stars));
  return {
    condition: CONDITIONS.find((c) => c === condition),
    offersCursor: single(params.offersCursor)?.slice(0, 512),
    sort: SORTS.find((s) => s === sort) ?? 'newest',
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : undefined,
    reviewsCursor: single(params.reviewsCursor)?.slice(0, 512),
  };
}

/** The page's URL with part of its query changed; the default sort is left out. */
export function productQueryPath(path: string, query: ProductQuery, hash: string): string {
  return pathWithQuery(
    path,
    {
      condition: query.condition,
      offersCursor: query.offersCursor,
      sort: query.sort === 'newest' ? undefined : query.sort,
      stars: query.stars ? String(query.stars) : undefined,
      reviewsCursor: query.reviewsCursor,
    },
    hash,
  );
}

import type { ConditionClass, ProductFormat, SearchQuery, SearchSort } from './api/catalog';
import { FORMAT_OPTIONS } from './format';
import { pathWithQuery, type SearchParams, single } from './urls';

/**
 * The search page's query, as the shopper's form sends it (prices in dollars), checked against
 * what the catalog's `GET /products` accepts; values it would refuse are dropped, not forwarded.
 */
export interface SearchForm {
  readonly q?: string;
  readonly format?: ProductFormat;
  readonly condition?: ConditionClass;
  readonly minPrice?: string;
  readonly maxPrice?: string;
  readonly minRating?: string;
  readonly sort: SearchSort;
  readonly cursor?: string;
}

export const SORT_OPTIONS: [SearchSort, string][] = [
  ['relevance', 'Best match'],
  ['price', 'Lowest price'],
  ['rating', 'Highest rated'],
  ['newest', 'Newest'],
];

const CONDITIONS: ConditionClass[] = ['new', 'used', 'collectible'];
const DOLLARS = /^\d{1,7}(\.\d{1,2})?$/;

export function parseSearchForm(params: SearchParams): SearchForm {
  const pick = <T extends string>(value: string | undefined, allowed: readonly T[]) =>
    allowed.find((option) => option === value);
  const dollars = (value: string | undefined) => (value && DOLLARS.test(value) ? value : undefined);
  const rating = single(params.minRating);
  return {
    q: single(params.q)?.slice(0, 200),
    format: pick(
      single(params.format),
      FORMAT_OPTIONS.map(([value]) => value),
    ),
    condition: pick(single(params.condition), CONDITIONS),
    minPrice: dollars(single(params.minPrice)),
    maxPrice: dollars(single(params.maxPrice)),
    minRating: rating && ['1', '2', '3', '4'].includes(rating) ? rating : undefined,
    sort:
      pick(
        single(params.sort),
        SORT_OPTIONS.map(([value]) => value),
      ) ?? 'relevance',
    cursor: single(params.cursor)?.slice(0, 512),
  };
}

/** Whole dollars and cents → the catalog's minor units, without float rounding. */
function minorUnits(dollars: string): number {
  const [whole, cents = ''] = dollars.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

export function catalogQuery(form: SearchForm, limit: number): SearchQuery {
  return {
    ...(form.q ? { q: form.q } : {}),
    ...(form.format ? { format: form.format } : {}),
    ...(form.condition ? { condition: form.condition } : {}),
    ...(form.minPrice ? { minPrice: minorUnits(form.minPrice) } : {}),
    ...(form.maxPrice ? { maxPrice: minorUnits(form.maxPrice) } : {}),
    ...(form.minRating ? { minRating: Number(form.minRating) } : {}),
    sort: form.sort,
    ...(form.cursor ? { cursor: form.cursor } : {}),
    limit,
  };
}

export function searchPath(form: SearchForm): string {
  return pathWithQuery('/search', {
    q: form.q,
    format: form.format,
    condition: form.condition,
    minPrice: form.minPrice,
    maxPrice: form.maxPrice,
    minRating: form.minRating,
    sort: form.sort === 'relevance' ? undefined : form.sort,
    cursor: form.cursor,
  });
}

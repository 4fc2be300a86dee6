import { z } from 'zod';
import type { SearchProductsQuery, SearchSort } from './dto/product.dto';
import { NO_PRICE } from './product.schema';
import type { ProductQuery, StoredProduct } from './product.repository';
import { queryTokens, words } from './search-tokens';

/**
 * Query shapes of `GET /products` and the index meant to serve each (product.schema.ts):
 * - `isbn`: `{ isbn13 }` → isbn13_unique (served on every store);
 * - `q`: `{ searchTokens: <longest token>, $and: [{ searchTokens: { $all: <the others> } }],
 *   ...filters }` → search_tokens (multikey; the plain equality is what our development store
 *   serves from it: it re-checks the rest on the products holding that token), relevance scored in
 *   the service over at most RELEVANCE_CANDIDATES matches, or a keyed sort as below over them;
 * - no `q`: `{ visibility, ...filters }` sorted by a key and `_id` → browse_price / browse_rating /
 *   browse_newest, walked with a keyset cursor so deep pages cost what the first does.
 */

/** Relevance is computed over this many matches at most (the oldest _id first beyond it). */
export const RELEVANCE_CANDIDATES = 500;

type KeyedSort = Exclude<SearchSort, 'relevance'>;

const SORT_KEYS: Record<KeyedSort, { field: 'priceKey' | 'ratingKey' | 'dateKey'; direction: 1 | -1 }> = {
  price: { field: 'priceKey', direction: 1 },
  rating: { field: 'ratingKey', direction: -1 },
  newest: { field: 'dateKey', direction: -1 },
};

export const keysetCursorSchema = z.strictObject({ k: z.union([z.number(), z.string()]), id: z.string() });
export const relevanceCursorSchema = z.strictObject({ s: z.number(), id: z.string() });
export type KeysetCursor = z.infer<typeof keysetCursorSchema>;
export type RelevanceCursor = z.infer<typeof relevanceCursorSchema>;

/** Relevance without `q` has nothing to rank by: newest first is what a shopper browsing expects. */
export function effectiveSort(query: SearchProductsQuery): SearchSort {
  return query.sort === 'relevance' && !query.q ? 'newest' : query.sort;
}

/**
 * All of the query's tokens, written as a plain equality on the most selective one (the longest:
 * a longer prefix is held by fewer books) plus `$all` over the rest. MongoDB would serve a bare
 * `$all` from the multikey index too; our development store serves an index only for a plain
 * equality, and reads every product for `$all` alone (seconds on 100,000 products).
 */
export function tokensFilter(tokens: readonly string[]): Record<string, unknown> {
  // A query of punctuation only has no words: it matches nothing rather than everything.
  if (tokens.length === 0) return { searchTokens: { $in: [] } };
  const anchor = [...tokens].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
  const rest = tokens.filter((token) => token !== anchor);
  return rest.length > 0
    ? { searchTokens: anchor, $and: [{ searchTokens: { $all: rest } }] }
    : { searchTokens: anchor };
}

/** Filters shared by every shape; shoppers see visible products only. */
export function baseFilter(query: SearchProductsQuery, privileged: boolean): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  if (!privileged) filter.visibility = 'visible';
  if (query.q) Object.assign(filter, tokensFilter(queryTokens(query.q)));
  if (query.format) filter.format = query.format;
  if (query.condition) filter.offerClasses = query.condition;
  if (query.minPrice !== undefined || query.maxPrice !== undefined) {
    // Products without offers have no price: a price filter leaves them out.
    filter.priceKey = {
      $gte: query.minPrice ?? 0,
      $lte: Math.min(query.maxPrice ?? NO_PRICE - 1, NO_PRICE - 1),
    };
  }
  if (query.minRating !== undefined) filter.ratingKey = { $gte: Math.round(query.minRating * 10) };
  return filter;
}

/** One page in a keyed order, after `cursor`; one extra item tells whether a next page exists. */
export function keysetQuery(
  sort: KeyedSort,
  filter: Record<string, unknown>,
  limit: number,
  cursor: KeysetCursor | undefined,
): ProductQuery {
  const { field, direction } = SORT_KEYS[sort];
  const after = cursor
    ? {
        $or: [
          { [field]: { [direction === 1 ? '$gt' : '$lt']: cursor.k } },
          { [field]: cursor.k, _id: { $gt: cursor.id } },
        ],
      }
    : {};
  return { filter: { ...filter, ...after }, sort: { [field]: direction, _id: 1 }, limit: limit + 1 };
}

export function keysetCursorOf(sort: KeyedSort, product: StoredProduct): KeysetCursor {
  return { k: product[SORT_KEYS[sort].field], id: product._id };
}

/**
 * Relevance of a product for the query's tokens: whole-word hits beat prefix hits, and the title
 * beats contributors, which beat series, subtitle and publisher. Deterministic, so pages are stable.
 */
export function relevanceScore(product: StoredProduct, tokens: readonly string[]): number {
  const fields: [string[], number][] = [
    [words(product.title), 4],
    [product.contributors.flatMap((c) => words(c.name)), 3],
    [[...words(product.series?.name ?? ''), ...words(product.subtitle ?? '')], 2],
    [words(product.publisher ?? ''), 1],
  ];
  let score = tokens.includes(product.isbn13) ? 10 : 0;
  for (const token of tokens) {
    let best = 0;
    for (const [fieldWords, weight] of fields) {
      if (fieldWords.includes(token)) best = Math.max(best, weight * 2);
      else if (fieldWords.some((word) => word.startsWith(token))) best = Math.max(best, weight);
    }
    score += best;
  }
  return score;
}

/** Orders scored matches (score desc, then _id) and cuts the page after the cursor. */
export function relevancePage(
  scored: readonly { product: StoredProduct; score: number }[],
  limit: number,
  cursor: RelevanceCursor | undefined,
): { items: { product: StoredProduct; score: number }[]; hasMore: boolean } {
  const ordered = [...scored].sort((a, b) => b.score - a.score || (a.product._id < b.product._id ? -1 : 1));
  const rest = cursor
    ? ordered.filter((m) => m.score < cursor.s || (m.score === cursor.s && m.product._id > cursor.id))
    : ordered;
  return { items: rest.slice(0, limit), hasMore: rest.length > limit };
}

import type { Client } from 'openapi-fetch';
import { cache } from 'react';
import { webConfig } from '../config';
import type { paths } from '../../api/generated/catalog';
import { type JsonBody, load, type Loaded, serviceClient } from './http';

/** The catalog's answers, typed by the generated OpenAPI types (npm run openapi). */
export type SearchQuery = NonNullable<paths['/products']['get']['parameters']['query']>;
export type ProductFormat = NonNullable<SearchQuery['format']>;
export type ConditionClass = NonNullable<SearchQuery['condition']>;
export type SearchSort = NonNullable<SearchQuery['sort']>;
export type SearchResults = JsonBody<paths['/products']['get']>;
export type ProductCard = SearchResults['items'][number];
export type ProductPage = JsonBody<paths['/products/{id}']['get']>;
export type Product = ProductPage['product'];
export type Money = NonNullable<Product['listPrice']>;
export type OfferSummary = ProductPage['offerSummary'];
export type RatingSummary = ProductPage['ratingSummary'];

let client: Client<paths> | undefined;
const catalog = () => (client ??= serviceClient<paths>(webConfig().catalogUrl));

export function searchProducts(query: SearchQuery): Promise<Loaded<SearchResults>> {
  return load('catalog', () => catalog().GET('/products', { params: { query } }));
}

/** The product page read model (book, offer summary, rating summary); once per request. */
export const productPage = cache(
  (id: string): Promise<Loaded<ProductPage>> =>
    load('catalog', () => catalog().GET('/products/{id}', { params: { path: { id } } })),
);

/** The shopper-visible product with this ISBN-13, as a search card; once per request. */
export const productByIsbn = cache(async (isbn13: string): Promise<Loaded<ProductCard>> => {
  // The catalog refuses an ISBN whose check digit is wrong (400): no such book either way.
  const found = await load(
    'catalog',
    () => catalog().GET('/products', { params: { query: { isbn: isbn13, limit: 1 } } }),
    [400, 404],
  );
  if (!found.ok) return found;
  const card = found.data.items[0];
  return card ? { ok: true, data: card } : { ok: false, reason: 'not_found' };
});

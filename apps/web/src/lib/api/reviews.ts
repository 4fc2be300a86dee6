import type { Client } from 'openapi-fetch';
import { webConfig } from '../config';
import { type JsonBody, load, type Loaded, serviceClient } from './http';
import type { paths } from '../../api/generated/reviews';

type ListOperation = paths['/products/{productId}/reviews']['get'];
export type ReviewListQuery = NonNullable<ListOperation['parameters']['query']>;
export type ReviewSort = NonNullable<ReviewListQuery['sort']>;
export type ReviewList = JsonBody<ListOperation>;
export type PublicReview = ReviewList['items'][number];

let client: Client<paths> | undefined;
const reviews = () => (client ??= serviceClient<paths>(webConfig().reviewsUrl));

/** Published reviews of a product, authors by pen name or "Anonymous". */
export function reviewList(productId: string, query: ReviewListQuery): Promise<Loaded<ReviewList>> {
  return load('reviews', () =>
    reviews().GET('/products/{productId}/reviews', { params: { path: { productId }, query } }),
  );
}

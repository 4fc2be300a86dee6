import type { Client } from 'openapi-fetch';
import type { paths } from '../../api/generated/reviews';
import { webConfig } from '../config';
import { type JsonBody, serviceClient } from './http';
import { bearer, send, type Sent } from './sent';

/** The reviewer's side of the reviews service: pen names, the rule check, posting, one's own reviews. */
export type PenNameAvailability = JsonBody<paths['/pen-names/{name}']['get']>;
export type PenName = JsonBody<paths['/pen-names']['post'], 201>;
export type ContentDecision = JsonBody<paths['/reviews/check']['post']>;
export type RuleViolation = ContentDecision['violations'][number];
export type OwnReview = JsonBody<paths['/reviews']['post'], 201>;
export type OwnReviewPage = JsonBody<paths['/me/reviews']['get']>;
export type NewReview = NonNullable<paths['/reviews']['post']['requestBody']>['content']['application/json'];

let client: Client<paths> | undefined;
const reviews = () => (client ??= serviceClient<paths>(webConfig().reviewsUrl));

export function penNameAvailability(name: string): Promise<Sent<PenNameAvailability>> {
  return send('reviews', () => reviews().GET('/pen-names/{name}', { params: { path: { name } } }));
}

export function myPenNames(token: string): Promise<Sent<PenName[]>> {
  return send('reviews', () => reviews().GET('/me/pen-names', { headers: bearer(token) }));
}

export function createPenName(token: string, name: string): Promise<Sent<PenName>> {
  return send('reviews', () => reviews().POST('/pen-names', { body: { name }, headers: bearer(token) }));
}

export function checkReview(
  token: string,
  text: { title?: string; body: string },
): Promise<Sent<ContentDecision>> {
  return send('reviews', () => reviews().POST('/reviews/check', { body: text, headers: bearer(token) }));
}

export function postReview(token: string, review: NewReview): Promise<Sent<OwnReview>> {
  return send('reviews', () => reviews().POST('/reviews', { body: review, headers: bearer(token) }));
}

export function myReviews(token: string, cursor?: string): Promise<Sent<OwnReviewPage>> {
  return send('reviews', () =>
    reviews().GET('/me/reviews', {
      params: { query: { limit: 20, ...(cursor ? { cursor } : {}) } },
      headers: bearer(token),
    }),
  );
}

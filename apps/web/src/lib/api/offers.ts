import type { Client } from 'openapi-fetch';
import { webConfig } from '../config';
import { type JsonBody, load, type Loaded, serviceClient } from './http';
import type { paths } from '../../api/generated/offers';

type ListingOperation = paths['/products/{productId}/offers']['get'];
export type OfferListingQuery = NonNullable<ListingOperation['parameters']['query']>;
export type OfferListing = JsonBody<ListingOperation>;
export type ListingOffer = OfferListing['items'][number];
export type OfferCondition = ListingOffer['condition'];

let client: Client<paths> | undefined;
const offers = () => (client ??= serviceClient<paths>(webConfig().offersUrl));

/** A product's active offers as shoppers see them, in the service's order. */
export function offerListing(productId: string, query: OfferListingQuery): Promise<Loaded<OfferListing>> {
  return load('offers', () =>
    offers().GET('/products/{productId}/offers', { params: { path: { productId }, query } }),
  );
}

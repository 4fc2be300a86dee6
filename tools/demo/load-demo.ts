import { SERVICE_SPECS } from '@app/contracts';
import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { mintToken } from '../token/mint-token';
import { loadCatalogDemo } from './catalog-demo';
import { loadOffersDemo } from './offers-demo';

export interface DemoTargets {
  readonly catalog: string;
  /** Defaults to the offers service's local port. */
  readonly offers?: string;
}

/**
 * Loads the demo data through the services' public APIs, idempotently: the seed page's book (the
 * offers issue adds its 23 offers; the seed page has no customer reviews, so none are added).
 */
export async function loadDemo(targets: DemoTargets, secret = LOCAL_DEV_JWT_SECRET): Promise<string[]> {
  const editor = await mintToken({
    secret,
    issuer: LOCAL_AUTH_ISSUER,
    audience: LOCAL_AUTH_AUDIENCE,
    subject: 'demo-loader',
    roles: ['catalog-editor'],
    ageVerified: true,
    ttlSeconds: 300,
  });
  const book = await loadCatalogDemo(targets.catalog, editor);
  const offersUrl = targets.offers ?? `http://127.0.0.1:${SERVICE_SPECS.offers.port}`;
  const offers = await loadOffersDemo({
    offersUrl,
    productId: book.productId,
    tokenFor: (sellerId) =>
      mintToken({
        secret,
        issuer: LOCAL_AUTH_ISSUER,
        audience: LOCAL_AUTH_AUDIENCE,
        subject: `demo-seller-${sellerId}`,
        roles: ['seller'],
        sellerId,
        ageVerified: true,
        ttlSeconds: 300,
      }),
  });
  return [
    `seed book ${book.productId} (${book.outcome}): ${targets.catalog}/products/${book.productId}`,
    `${offers.offers} offers from ${offers.sellers} sellers: ${offersUrl}/products/${book.productId}/offers`,
  ];
}

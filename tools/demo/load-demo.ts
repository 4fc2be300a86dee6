import { LOCAL_AUTH_AUDIENCE, LOCAL_AUTH_ISSUER, LOCAL_DEV_JWT_SECRET } from '@app/platform';
import { mintToken } from '../token/mint-token';
import { loadCatalogDemo } from './catalog-demo';

export interface DemoTargets {
  readonly catalog: string;
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
  return [`seed book ${book.productId} (${book.outcome}): ${targets.catalog}/products/${book.productId}`];
}

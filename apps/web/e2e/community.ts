import { expect, type Page } from '@playwright/test';
import { SignJWT } from 'jose';
import {
  LOCAL_AUTH_AUDIENCE,
  LOCAL_AUTH_ISSUER,
  LOCAL_DEV_JWT_SECRET,
} from '../../../libs/platform/src/auth/local-dev-secret';
import { bookPath } from '../src/lib/urls';
import { stackUrl } from './stack';

/**
 * What the reviewing, reporting and live journeys share: their own books, sellers and accounts,
 * made through the services' APIs with tokens minted by the local development key (as
 * `npm run token` does), so no journey touches the seed book's numbers.
 */
export const runId = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;

export async function tokenFor(claims: {
  sub: string;
  roles: string[];
  sellerId?: string;
  ageVerified?: boolean;
}): Promise<string> {
  return new SignJWT({
    roles: claims.roles,
    ...(claims.sellerId ? { sellerId: claims.sellerId } : {}),
    ageVerified: claims.ageVerified ?? true,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(LOCAL_AUTH_ISSUER)
    .setAudience(LOCAL_AUTH_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(LOCAL_DEV_JWT_SECRET));
}

export async function call(
  url: string,
  method: string,
  token?: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A fresh, valid ISBN-13 (978 + 9 random digits + the check digit). */
function freshIsbn13(): string {
  const digits = `978${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (i % 2 === 0 ? 1 : 3), 0);
  return `${digits}${(10 - (sum % 10)) % 10}`;
}

export interface TestBook {
  readonly productId: string;
  readonly isbn13: string;
  readonly title: string;
  readonly path: string;
}

/**
 * A book of the journey's own, created by a catalog editor, once the offers and reviews services
 * have its projection (they answer 409 REFERENCE_NOT_YET_KNOWN until then).
 */
export async function createBook(title: string): Promise<TestBook> {
  const editor = await tokenFor({ sub: `editor-${runId()}`, roles: ['catalog-editor'] });
  const isbn13 = freshIsbn13();
  const created = await call(`${stackUrl('catalog')}/products`, 'POST', editor, {
    isbn: isbn13,
    title,
    contributors: [{ name: 'Journey Author', role: 'author' }],
    format: 'paperback',
    listPrice: { amountMinor: 2500, currency: 'USD' },
    description: 'A book made by a browser journey.',
  });
  expect(created.status, JSON.stringify(created.json)).toBe(201);
  const productId = String(created.json.id);
  await expect
    .poll(async () => (await call(`${stackUrl('reviews')}/products/${productId}/reviews`, 'GET')).status, {
      timeout: 60_000,
    })
    .toBe(200);
  await expect
    .poll(async () => (await call(`${stackUrl('offers')}/products/${productId}/offers`, 'GET')).status, {
      timeout: 60_000,
    })
    .toBe(200);
  return { productId, isbn13, title, path: bookPath({ isbn13, title }) };
}

/** Signs in through the development sign-in page as a fresh customer account, then goes to `returnTo`. */
export async function signIn(
  page: Page,
  input: { accountId: string; ageVerified: boolean; returnTo: string },
): Promise<void> {
  await page.goto(`/auth/dev-sign-in?${new URLSearchParams({ returnTo: input.returnTo }).toString()}`);
  await page.getByLabel('Account id').fill(input.accountId);
  await page.getByLabel(/Age-verified/).setChecked(input.ageVerified);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${escape(input.returnTo)}$`));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

import { expect, test } from '@playwright/test';
import { SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';
import { stopService } from '../../../tools/start/service-processes';
import { spawnWeb, waitUntilWebReady } from '../../../tools/start/web-process';
import { E2E_WEB_URL, stackUrl } from './stack';
import { expectAccessible, openPage, saveLastPage } from './support';

/**
 * Journeys (b) and (c): an unknown book is a 404 page; a service down leaves the rest working; and
 * the headers and redirects every page relies on.
 */

test('an unknown ISBN is a 404 page', async ({ browser, baseURL }, testInfo) => {
  const { context, page } = await openPage(browser, baseURL);
  // A well-formed ISBN-13 that no book in the catalog has.
  const response = await page.goto('/books/9780306406157/no-such-book');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("We couldn't find that page");
  await expect(page.getByRole('searchbox').first()).toBeVisible();
  // A check digit that cannot be right, and a product id that does not exist: 404 as well.
  expect((await page.goto('/books/9780306406158/typo'))?.status()).toBe(404);
  expect((await page.goto('/products/00000000-0000-7000-8000-000000000000'))?.status()).toBe(404);
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('with the offers and reviews services down, the rest of the product page still renders', async ({
  browser,
}, testInfo) => {
  // A storefront of its own whose offers and reviews URLs point at a port nobody listens on.
  const closed = 'http://127.0.0.1:9';
  const web = spawnWeb({
    port: Number(new URL(E2E_WEB_URL).port) + 10,
    upstreams: {
      catalog: stackUrl('catalog'),
      offers: closed,
      reviews: closed,
      reports: stackUrl('reports'),
    },
    output: 'ignore',
  });
  try {
    await waitUntilWebReady(web, 60_000);
    const { context, page } = await openPage(browser, web.url);
    const response = await page.goto(`/books/${SEED_BOOK_ISBN13}/uncertain-partners`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Uncertain Partners');
    await expect(page.locator('#offers')).toContainText("Sellers' offers can't be shown right now");
    await expect(page.locator('#reviews')).toContainText("Customer reviews can't be shown right now");
    // What the catalog answers still shows: the offer box, details, authors, editorial reviews.
    await expect(page.getByRole('complementary', { name: 'Used and New from Other Sellers' })).toContainText(
      'from $2.61',
    );
    await expect(page.locator('#details')).toContainText('9780804725217');
    await expect(page.locator('#authors')).toContainText('Xue Litai');
    await expect(page.locator('#editorial-reviews')).toContainText('Library Journal');
    await expectAccessible(page);
    await saveLastPage(page, testInfo);
    await context.close();
  } finally {
    await stopService(web, 10_000);
  }
});

test('security headers on pages and static assets', async ({ request }) => {
  const page = await request.get(`/books/${SEED_BOOK_ISBN13}/uncertain-partners`);
  const policy = page.headers()['content-security-policy'] ?? '';
  const scriptSources = /script-src ([^;]*)/.exec(policy)?.[1] ?? '';
  expect(scriptSources).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSources).not.toContain("'unsafe-inline'");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['referrer-policy']).toBe('strict-origin-when-cross-origin');
  // Each page gets a fresh nonce.
  const again = await request.get('/');
  expect(again.headers()['content-security-policy']).not.toBe(policy);
  const stylesheet = /href="(\/_next\/static\/[^"]+\.css)"/.exec(await page.text())?.[1];
  expect(stylesheet).toBeDefined();
  const asset = await request.get(stylesheet ?? '');
  expect(asset.headers()['x-content-type-options']).toBe('nosniff');
  expect(asset.headers()['x-frame-options']).toBe('DENY');
});

test('the API-style and short book URLs redirect to the readable one', async ({ request }) => {
  const found = (await (await fetch(`${stackUrl('catalog')}/products?isbn=${SEED_BOOK_ISBN13}`)).json()) as {
    items: { id: string }[];
  };
  const readable = `/books/${SEED_BOOK_ISBN13}/uncertain-partners`;
  for (const path of [
    `/products/${found.items[0]?.id}`,
    `/books/${SEED_BOOK_ISBN13}`,
    `/books/${SEED_BOOK_ISBN13}/old-slug`,
  ]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(308);
    expect(new URL(response.headers().location ?? '', E2E_WEB_URL).pathname, path).toBe(readable);
  }
});

import { expect, type Page, test, type TestInfo } from '@playwright/test';
import { SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';
import { expectAccessible, expectAccessibleWithoutScripts, openPage, saveLastPage } from './support';

/**
 * Journey (a): a shopper searches "goncharov" and opens the seed book, whose page shows every
 * number of the real page (../shared/seed/product-page.txt), with and without JavaScript.
 */
const SEED_PATH = `/books/${SEED_BOOK_ISBN13}/uncertain-partners`;

async function searchAndOpen(page: Page, testInfo: TestInfo): Promise<void> {
  await page.goto('/');
  await page
    .getByRole('searchbox', { name: /search books/i })
    .first()
    .fill('goncharov');
  await page.getByRole('button', { name: 'Search' }).first().click();
  await expect(page).toHaveURL(/\/search\?q=goncharov/);
  const result = page.getByRole('link', { name: 'Uncertain Partners' });
  await expect(result).toBeVisible();
  await expect(page.getByText('by Sergei N. Goncharov, John W. Lewis and Xue Litai').first()).toBeVisible();
  await expect(page.getByText('$2.61').first()).toBeVisible();
  await saveLastPage(page, testInfo, 'search-results');
  await result.click();
  await expect(page).toHaveURL(new RegExp(`${SEED_PATH}$`));
}

async function expectSeedNumbers(page: Page): Promise<void> {
  // The offer summary reaches the catalog through Kafka after the demo data is loaded: reload
  // until the page has it (a shopper arriving later sees it at once).
  const offerBox = page.getByRole('complementary', { name: 'Used and New from Other Sellers' });
  await expect(async () => {
    await page.reload();
    await expect(offerBox).toContainText('All (23) from $2.61', { timeout: 1_000 });
  }).toPass({ timeout: 120_000 });
  await expect(offerBox).toContainText('New (6) from $19.94');
  await expect(offerBox).toContainText('Used (17) from $2.61');
  await expect(offerBox).toContainText('(Save 92%)');
  await expect(offerBox).toContainText('$32.95');
  await expect(offerBox).toContainText('Usually ships in 1-2 business days');
  await expect(offerBox).toContainText('Other sellers (Paperback)');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /Uncertain Partners\s*Stalin, Mao, and the Korean War/,
  );
  const details = page.locator('#details');
  for (const fact of ['9780804725217', '0804725217', 'Stanford University Press', '393', 'volume 4']) {
    await expect(details).toContainText(fact);
  }
  await expect(details).toContainText('Illustrated with 42 photographs and two maps');
  const authors = page.locator('#authors');
  await expect(authors.getByRole('heading', { name: 'Meet the Authors' })).toBeVisible();
  for (const name of ['Sergei N. Goncharov', 'John W. Lewis', 'Xue Litai']) {
    await expect(authors.getByRole('heading', { name })).toBeVisible();
  }
  await expect(authors).toContainText('Haas Professor of Chinese Politics');
  const editorial = page.locator('#editorial-reviews');
  for (const source of ['From the Publisher', 'Publishers Weekly', 'Library Journal', 'From The Critics']) {
    await expect(editorial.getByRole('heading', { name: source })).toBeVisible();
  }
  await expect(editorial).toContainText('Michael P. Madon');

  // The offers by condition, each group by price: 6 new and 17 used, the cheapest used first.
  const offers = page.locator('#offers');
  await expect(offers.locator('tbody tr')).toHaveCount(23);
  const used = offers.getByRole('table', { name: 'Used copies' });
  await expect(used.locator('tbody tr')).toHaveCount(17);
  await expect(used.locator('tbody tr').first()).toContainText('BN.com');
  await expect(used.locator('tbody tr').first()).toContainText('Used – Good');
  await expect(used.locator('tbody tr').first()).toContainText('$2.61');
  await expect(offers.getByRole('table', { name: 'New copies' }).locator('tbody tr')).toHaveCount(6);

  const reviews = page.locator('#reviews');
  await expect(reviews).toContainText('Be the first to write a review');
  await expect(reviews).toContainText('( 0 )');

  // Structured data and canonical URL, for search engines.
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as Record<string, unknown>;
  expect(jsonLd['@type']).toEqual(['Book', 'Product']);
  expect(jsonLd.isbn).toBe(SEED_BOOK_ISBN13);
  expect(jsonLd.offers).toMatchObject({
    '@type': 'AggregateOffer',
    offerCount: 23,
    lowPrice: '2.61',
    priceCurrency: 'USD',
  });
  expect(jsonLd.aggregateRating).toBeUndefined();
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${SEED_PATH}$`));
  await expect(page).toHaveTitle(/Uncertain Partners: Stalin, Mao, and the Korean War/);
}

test('search "goncharov" → the seed book page shows every seed number', async ({
  browser,
  baseURL,
}, testInfo) => {
  const { context, page, cspViolations } = await openPage(browser, baseURL);
  await searchAndOpen(page, testInfo);
  await expectSeedNumbers(page);
  // The filter links narrow the offers to one condition.
  await page.getByRole('link', { name: 'New (6) from $19.94' }).click();
  await expect(page.locator('#offers tbody tr')).toHaveCount(6);
  await page.getByRole('link', { name: 'All (23) from $2.61' }).click();
  await expect(page.locator('#offers tbody tr')).toHaveCount(23);
  await expectAccessible(page);
  expect(cspViolations).toEqual([]);
  // The same page on a phone-sized screen, for a look at the responsive layout.
  await page.setViewportSize({ width: 390, height: 844 });
  await saveLastPage(page, testInfo, 'product-page-phone');
  await page.setViewportSize({ width: 1280, height: 720 });
  await saveLastPage(page, testInfo);
  await context.close();
});

test('the same journey with JavaScript disabled', async ({ browser, baseURL }, testInfo) => {
  const { context, page } = await openPage(browser, baseURL, { javaScriptEnabled: false });
  await searchAndOpen(page, testInfo);
  await expectSeedNumbers(page);
  await expectAccessibleWithoutScripts(browser, page);
  await saveLastPage(page, testInfo);
  await context.close();
});

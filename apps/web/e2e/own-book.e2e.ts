import { expect, test } from '@playwright/test';
import { createPenName, createProduct, mintToken, randomIsbn13, submitReview } from './own-product';
import { expectAccessible, openPage, saveLastPage } from './support';

/**
 * A book of the journey's own (created through the catalog API, never the seed book): markup in its
 * texts shows as text, and its reviews show a pen name or "Anonymous", the average, the 5..1
 * distribution and the star filter, with AggregateRating in the structured data.
 */
const REVIEW_TERMS_VERSION = '2026-11';

test('a book of its own: markup shows as text; reviews, rating summary and star filter', async ({
  browser,
  baseURL,
}, testInfo) => {
  const isbn = randomIsbn13();
  const hostile = '</script><script>window.__injected = 1</script>';
  const productId = await createProduct(mintToken(['--role', 'catalog-editor', '--sub', 'e2e-editor']), {
    isbn,
    title: `Plain Text Only ${isbn.slice(-4)} ${hostile}`,
    contributors: [
      { name: 'Ada <b>Tester</b>', role: 'author', bio: 'Writes <img src=x onerror=alert(1)> bios.' },
    ],
    format: 'hardcover',
    description: 'A description with <i>tags</i> & an ampersand.',
  });
  const penName = `reader_${isbn.slice(-6)}`;
  const reader = mintToken(['--role', 'customer', '--sub', `e2e-reader-${isbn}`, '--age-verified']);
  const quiet = mintToken(['--role', 'customer', '--sub', `e2e-quiet-${isbn}`, '--age-verified']);
  await createPenName(reader, penName);
  const review = { productId, acceptedTermsVersion: REVIEW_TERMS_VERSION };
  await submitReview(reader, {
    ...review,
    rating: 5,
    title: 'Worth every page',
    body: 'A careful and fair account of how each decision was made.',
    anonymous: false,
  });
  await submitReview(quiet, {
    ...review,
    rating: 2,
    title: 'Slow going',
    body: 'Dense chapters and too many footnotes for a casual reader.',
    anonymous: true,
  });

  const { context, page, cspViolations } = await openPage(browser, baseURL);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`/books/${isbn}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(hostile);
  await expect(page.locator('#authors')).toContainText('Ada <b>Tester</b>');
  await expect(page.locator('#authors')).toContainText('<img src=x onerror=alert(1)>');
  await expect(page.locator('#overview')).toContainText('<i>tags</i> & an ampersand');
  expect(await page.evaluate(() => (globalThis as { __injected?: number }).__injected)).toBeUndefined();

  // The rating summary reaches the catalog through Kafka: reload until the page has it.
  const reviews = page.locator('#reviews');
  await expect(async () => {
    await page.reload();
    await expect(reviews).toContainText('2 reviews', { timeout: 1_000 });
  }).toPass({ timeout: 120_000 });
  await expect(reviews).toContainText('3.5 out of 5');
  await expect(reviews.locator('.distribution li').first()).toContainText('5 Stars');
  await expect(reviews.locator('.distribution li').first()).toContainText('1');
  await expect(reviews).toContainText(`by ${penName}`);
  await expect(reviews).toContainText('by Anonymous');
  const jsonLd = JSON.parse(
    (await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}',
  ) as { name?: string; aggregateRating?: unknown };
  expect(jsonLd.name).toContain(hostile);
  expect(jsonLd.aggregateRating).toMatchObject({
    '@type': 'AggregateRating',
    ratingValue: 3.5,
    reviewCount: 2,
  });

  await page.getByRole('link', { name: '2 stars', exact: true }).click();
  await expect(reviews.locator('article.review')).toHaveCount(1);
  await expect(reviews.locator('article.review')).toContainText('Slow going');
  await page.getByRole('link', { name: 'Highest rated' }).click();
  await expect(reviews.locator('article.review')).toHaveCount(1);
  await page.getByRole('link', { name: 'All stars' }).click();
  await expect(reviews.locator('article.review').first()).toContainText('Worth every page');

  expect(dialogs).toEqual([]);
  expect(cspViolations).toEqual([]);
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

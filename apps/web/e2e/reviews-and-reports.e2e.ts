import { expect, type Page, test } from '@playwright/test';
import { SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';
import { call, createBook, runId, signIn, tokenFor } from './community';
import { stackUrl } from './stack';
import { expectAccessible, expectAccessibleWithoutScripts, openPage, saveLastPage } from './support';

/**
 * Reviewers and reporters (issue pages 3 and 4) and the live product page: each journey on a
 * book and accounts of its own, made through the APIs; the page under watch is never reloaded.
 */

/** Marks the page's window: if the page were reloaded, the mark would be gone. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (globalThis as { __sameDocument?: boolean }).__sameDocument = true;
  });
}
async function expectNotReloaded(page: Page): Promise<void> {
  expect(await page.evaluate(() => (globalThis as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
}

test('a customer creates a pen name, fixes a highlighted URL, publishes, and the open page shows the new rating', async ({
  browser,
  baseURL,
}, testInfo) => {
  const book = await createBook(`Journey Review ${runId()}`);
  const { context, page } = await openPage(browser, baseURL);
  await signIn(page, { accountId: `reviewer-${runId()}`, ageVerified: true, returnTo: book.path });
  const reviews = page.locator('#reviews');
  await expect(reviews).toContainText('Be the first to write a review');
  await markWindow(page);

  // The review is written in a second tab while the product page stays open in the first.
  const writer = await context.newPage();
  await writer.goto(`${book.path}/review`);
  await expect(writer.getByText('letters and digits, plus - and _')).toBeVisible();
  const penName = `Reader_${runId()}`;
  await writer.getByLabel('Pen name', { exact: true }).fill(penName);
  await expect(writer.locator('#pen-name-status')).toContainText(`“${penName}” is available.`);
  await saveLastPage(writer, testInfo, 'pen-name-available');
  await writer.getByRole('button', { name: 'Create pen name' }).click();
  await expect(writer.getByRole('status').filter({ hasText: 'Your pen name' })).toContainText(penName);

  // The keyboard alone, in tab order: rating, title, body, anonymous, licence, post.
  await writer.getByLabel('5 stars').focus();
  await writer.keyboard.press('ArrowDown');
  await expect(writer.getByLabel('4 stars')).toBeChecked();
  await writer.keyboard.press('Tab');
  await expect(writer.getByLabel('Title (optional)')).toBeFocused();
  await writer.keyboard.type('Clear and careful history');
  await writer.keyboard.press('Tab');
  const body = writer.getByLabel('Your review (required)');
  await expect(body).toBeFocused();
  await writer.keyboard.type('A careful account of the alliance; more notes at www.example.com for readers.');
  const check = writer.locator('#rule-check');
  await expect(check.locator('mark')).toHaveText('www.example.com');
  await expect(check).toContainText('Web address');
  await expect(check).toContainText('Remove web addresses and links.');
  await saveLastPage(writer, testInfo, 'review-form-rule-highlighted');

  await writer.keyboard.press('ControlOrMeta+a');
  await writer.keyboard.type(
    'A careful account of the alliance, built on cables and interviews; well worth reading.',
  );
  await expect(check).toContainText('Your review follows the review rules.');
  await writer.keyboard.press('Tab');
  await expect(writer.getByLabel(/Post anonymously/)).toBeFocused();
  await expect(writer.getByLabel(/Post anonymously/)).not.toBeChecked();
  await writer.keyboard.press('Tab');
  await expect(writer.getByLabel('I accept the review licence terms')).toBeFocused();
  await writer.keyboard.press('Space');
  await writer.keyboard.press('Tab');
  await expect(writer.getByRole('button', { name: 'Post review' })).toBeFocused();
  await expectAccessible(writer);
  await writer.keyboard.press('Enter');

  await expect(writer).toHaveURL(/\/me\/reviews\?posted=published/);
  await expect(writer.getByRole('status')).toContainText('your review is published');
  await expect(writer.locator('.own-item').first()).toContainText('Clear and careful history');
  await expectAccessible(writer);
  await saveLastPage(writer, testInfo, 'my-reviews');

  // Back on the open product page: the rating summary changes without a reload.
  await page.bringToFront();
  await expect(reviews).toContainText('4 out of 5', { timeout: 90_000 });
  await expect(reviews).toContainText('1 review');
  await expect(reviews).toContainText(`by ${penName}`, { timeout: 30_000 });
  await expectNotReloaded(page);
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('an under-13 account is sent to sign in, comes back, and is refused with the explanation', async ({
  browser,
  baseURL,
}, testInfo) => {
  const { context, page } = await openPage(browser, baseURL);
  const reviewPath = `/books/${SEED_BOOK_ISBN13}/uncertain-partners/review`;
  await page.goto(reviewPath);
  await expect(page).toHaveURL(/\/auth\/dev-sign-in\?returnTo=/);
  await page.getByLabel('Account id').fill(`child-${runId()}`);
  await page.getByLabel(/Age-verified/).setChecked(false);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${reviewPath}$`));
  // Next's route announcer is an (empty) alert too: ours is the one with a heading.
  const refusal = page.getByRole('alert').filter({ has: page.getByRole('heading') });
  await expect(refusal.getByRole('heading')).toHaveText('Reviews by customers under the age of 13');
  await expect(refusal).toContainText('we cannot let people under the age of 13 post customer reviews');
  await expect(page.getByRole('button', { name: 'Post review' })).toHaveCount(0);
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('a reported review appears in the reporter’s /me/reports', async ({ browser, baseURL }, testInfo) => {
  const book = await createBook(`Journey Report ${runId()}`);
  const author = await tokenFor({ sub: `author-${runId()}`, roles: ['customer'] });
  const posted = await call(`${stackUrl('reviews')}/reviews`, 'POST', author, {
    productId: book.productId,
    rating: 2,
    body: 'Dull in places, though the documents in the appendix are useful.',
    anonymous: true,
    acceptedTermsVersion: '2026-11',
  });
  expect(posted.status, JSON.stringify(posted.json)).toBe(201);

  const { context, page } = await openPage(browser, baseURL);
  await signIn(page, { accountId: `reporter-${runId()}`, ageVerified: true, returnTo: book.path });
  const report = page.getByRole('link', { name: 'Report the review by Anonymous' });
  await expect(async () => {
    await page.reload();
    await expect(report).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });

  // "Report" leads to the report page, used here with the keyboard alone.
  await report.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/report\?type=review/);
  const reason = page.getByLabel(/Offensive or hateful/);
  await reason.focus();
  await page.keyboard.press('Space');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByLabel(/Spam or advertising/)).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel(/Comments/)).toBeFocused();
  await page.keyboard.type('Reads like an advert for another edition.');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Send report' })).toBeFocused();
  await expectAccessible(page);
  await saveLastPage(page, testInfo, 'report-page');
  // The reports service learns of the review through Kafka: until then the page asks to try again.
  await expect(async () => {
    if (!/\/me\/reports/.test(page.url())) {
      await page.getByLabel(/Spam or advertising/).check();
      await page.getByRole('button', { name: 'Send report' }).press('Enter');
    }
    await expect(page).toHaveURL(/\/me\/reports/, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });

  await page.goto('/me/reports');
  const mine = page.locator('.own-item').first();
  await expect(mine).toContainText('this customer review');
  await expect(mine).toContainText('Spam or advertising');
  await expect(mine).toContainText('Open: a moderator has not decided yet');
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('a seller’s price change through the offers API shows in the open page’s offer box', async ({
  browser,
  baseURL,
}, testInfo) => {
  const book = await createBook(`Journey Offer ${runId()}`);
  const sellerId = `seller-${runId()}`;
  const seller = await tokenFor({ sub: `acct-${sellerId}`, roles: ['seller'], sellerId });
  const offersUrl = stackUrl('offers');
  expect(
    (await call(`${offersUrl}/sellers/me/profile`, 'PUT', seller, { displayName: 'Journey Books' })).status,
  ).toBe(200);
  const upsert = (amountMinor: number) =>
    call(`${offersUrl}/sellers/me/offers/by-sku/J-${sellerId}`, 'PUT', seller, {
      productId: book.productId,
      condition: 'used_good',
      conditionNote: 'Clean copy with light shelf wear.',
      price: { amountMinor },
      quantity: 2,
      handlingDays: { min: 1, max: 2 },
    });
  await expect.poll(async () => (await upsert(1500)).status, { timeout: 60_000 }).toBeLessThan(300);

  const { context, page } = await openPage(browser, baseURL);
  const offerBox = page.getByRole('complementary', { name: 'Used and New from Other Sellers' });
  await page.goto(book.path);
  await expect(async () => {
    await page.reload();
    await expect(offerBox).toContainText('All (1) from $15.00', { timeout: 1_000 });
  }).toPass({ timeout: 90_000 });
  await markWindow(page);

  expect((await upsert(1234)).status).toBe(200);
  await expect(offerBox).toContainText('All (1) from $12.34', { timeout: 90_000 });
  await expect(page.locator('#offers')).toContainText('$12.34');
  await expectNotReloaded(page);
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('without JavaScript, a pen name is reported through the plain form and listed in /me/reports', async ({
  browser,
  baseURL,
}, testInfo) => {
  const book = await createBook(`Journey Pen Name ${runId()}`);
  const author = await tokenFor({ sub: `author-${runId()}`, roles: ['customer'] });
  const penName = `Loud_${runId()}`;
  expect((await call(`${stackUrl('reviews')}/pen-names`, 'POST', author, { name: penName })).status).toBe(
    201,
  );
  const posted = await call(`${stackUrl('reviews')}/reviews`, 'POST', author, {
    productId: book.productId,
    rating: 5,
    body: 'Gripping from the first cable to the last interview.',
    acceptedTermsVersion: '2026-11',
  });
  expect(posted.status, JSON.stringify(posted.json)).toBe(201);

  const { context, page } = await openPage(browser, baseURL, { javaScriptEnabled: false });
  const report = page.getByRole('link', { name: `Report the pen name ${penName}` });
  await expect(async () => {
    await page.goto(book.path);
    await expect(report).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 60_000 });
  await report.click();
  await page.getByLabel('Account id').fill(`reporter-${runId()}`);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Report this pen name');
  await expect(async () => {
    await page.getByLabel(/Offensive or hateful/).check();
    await page.getByRole('button', { name: 'Send report' }).click();
    await expect(page).toHaveURL(/\/me\/reports/, { timeout: 5_000 });
  }).toPass({ timeout: 90_000 });
  const mine = page.locator('.own-item').first();
  await expect(mine).toContainText('this pen name');
  await expect(mine).toContainText('Offensive or hateful');
  await expectAccessibleWithoutScripts(browser, page);
  await saveLastPage(page, testInfo);
  await context.close();
});

import { expect, test } from '@playwright/test';
import { expectAccessible, openPage, saveLastPage } from './support';

/**
 * Local sign-in (`npm start`'s mode): the development page mints a token with the local key; the
 * journeys' stack runs the services with local auth, so the token it forwards is accepted.
 */

test('a signed-out visitor opening a signed-in page is sent to sign in and comes back', async ({
  browser,
}, testInfo) => {
  const { context, page, cspViolations } = await openPage(browser, testInfo.project.use.baseURL);
  await page.goto('/me');
  await expect(page).toHaveURL(/\/auth\/dev-sign-in\?returnTo=%2Fme$/);
  await expect(page.getByRole('heading', { name: 'Sign in (local development)' })).toBeVisible();
  await expectAccessible(page);
  await saveLastPage(page, testInfo, 'dev-sign-in');

  await page.getByRole('button', { name: 'Shopper, age-verified' }).click();
  await expect(page).toHaveURL(/\/me$/);
  await expect(page.getByTestId('account-id')).toHaveText('demo-shopper');
  await expect(page.getByText('Verified 13 or older')).toBeVisible();
  await expect(page.getByTestId('service-session')).toContainText(
    'accepts your sign-in as account demo-shopper',
  );
  const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'bookstore_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
  expect(await page.content()).not.toContain('eyJ');
  await expectAccessible(page);
  expect(cspViolations).toEqual([]);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('an under-13 account signs in as not age-verified; sign-out ends the session', async ({
  browser,
}, testInfo) => {
  const { context, page, cspViolations } = await openPage(browser, testInfo.project.use.baseURL);
  await page.goto('/search?q=goncharov');
  // The header's link comes back to the page it was clicked on.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/auth\/dev-sign-in\?returnTo=%2Fsearch%3Fq%3Dgoncharov$/);
  const accountId = `kid-${Date.now().toString(36)}`;
  await page.getByLabel('Account id').fill(accountId);
  await page.getByLabel('Age-verified (13 or older)').uncheck();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/search\?q=goncharov$/);
  await page.getByRole('link', { name: /Your account/ }).click();
  await expect(page.getByTestId('account-id')).toHaveText(accountId);
  await expect(page.getByText('Not verified: writing reviews is not available')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/me');
  await expect(page).toHaveURL(/\/auth\/dev-sign-in\?returnTo=%2Fme$/);
  expect(cspViolations).toEqual([]);
  await saveLastPage(page, testInfo);
  await context.close();
});

test('sign-in forms refuse cross-site posts and foreign return addresses', async ({ request }) => {
  const crossSite = await request.post('/auth/dev-sign-in/session', {
    form: { preset: 'demo-moderator', returnTo: '/me' },
    headers: { origin: 'https://attacker.example' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
  expect(
    (await request.post('/auth/sign-out', { headers: { origin: 'https://attacker.example' } })).status(),
  ).toBe(403);
  const sameSite = await request.post('/auth/dev-sign-in/session', {
    form: { preset: 'demo-shopper', returnTo: '//attacker.example/x' },
    headers: { origin: new URL(test.info().project.use.baseURL!).origin },
    maxRedirects: 0,
  });
  expect(sameSite.status()).toBe(303);
  expect(sameSite.headers().location).toBe('/');
});

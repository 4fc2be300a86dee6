import { expect, type Page, test } from '@playwright/test';
import { type OidcStack, startOidcStack } from './oidc-stack';
import { expectAccessible, openPage, saveLastPage } from './support';

/**
 * Production sign-in against a real OpenID Connect provider: authorization code + PKCE, the
 * provider's JWT access token forwarded to a reviews service that trusts only its JWKS.
 */
test.describe.configure({ mode: 'serial' });

let stack: OidcStack;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  stack = await startOidcStack();
});

test.afterAll(async () => {
  await stack?.stop();
});

async function signInAtProvider(page: Page, account: string): Promise<void> {
  await expect(page).toHaveURL(new RegExp(`^${stack.issuer}/interaction/`));
  await page.getByLabel('Account').fill(account);
  await page.getByLabel('Password').fill('password');
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('OIDC: a visitor signs in at the provider, comes back, and the service accepts the token', async ({
  browser,
}, testInfo) => {
  const { context, page, cspViolations } = await openPage(browser, stack.webUrl);
  await page.goto('/me');
  await signInAtProvider(page, 'oidc-shopper');
  await expect(page).toHaveURL(`${stack.webUrl}/me`);
  await expect(page.getByTestId('account-id')).toHaveText('oidc-shopper');
  // GET /auth/session on the reviews service, with the forwarded token, echoes the verified account.
  await expect(page.getByTestId('service-session')).toContainText(
    'accepts your sign-in as account oidc-shopper',
  );

  const [session] = (await context.cookies()).filter((cookie) => cookie.name === 'bookstore_session');
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
  // No JWT (they all begin "eyJ") in the HTML or the RSC payload, nor in what scripts can read.
  expect(await page.content()).not.toContain('eyJ');
  expect(await page.evaluate('document.cookie')).not.toContain('bookstore_session');
  await expectAccessible(page);
  expect(cspViolations).toEqual([]);
  await saveLastPage(page, testInfo);

  // Sign-out ends the provider's session too: the next sign-in asks for credentials again.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page).toHaveURL(`${stack.webUrl}/`);
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeVisible();
  await page.goto('/me');
  await expect(page).toHaveURL(new RegExp(`^${stack.issuer}/interaction/`));
  await expect(page.getByLabel('Password')).toBeVisible();
  expect(cspViolations).toEqual([]);
  await context.close();
});

test('OIDC: a tampered or missing session cookie is signed out', async ({ browser }) => {
  const { context, page } = await openPage(browser, stack.webUrl);
  await page.goto('/me');
  await signInAtProvider(page, 'oidc-child');
  await expect(page.getByTestId('account-id')).toHaveText('oidc-child');
  await expect(page.getByText('Not verified')).toBeVisible();

  const cookies = await context.cookies();
  const session = cookies.find((cookie) => cookie.name === 'bookstore_session')!;
  const flipped = `${session.value.slice(0, -2)}${session.value.endsWith('A') ? 'B' : 'A'}${session.value.slice(-1)}`;
  await context.clearCookies({ name: 'bookstore_session' });
  await context.addCookies([{ ...session, value: flipped }]);
  const tampered = await page.request.get('/me', { maxRedirects: 0 });
  expect(tampered.status()).toBe(307);
  expect(tampered.headers().location).toContain('/auth/sign-in?returnTo=%2Fme');

  await context.clearCookies({ name: 'bookstore_session' });
  const absent = await page.request.get('/me', { maxRedirects: 0 });
  expect(absent.headers().location).toContain('/auth/sign-in?returnTo=%2Fme');
  await context.close();
});

test('OIDC: the development sign-in does not exist, and sign-out refuses a cross-site POST', async ({
  request,
}) => {
  expect((await request.get(`${stack.webUrl}/auth/dev-sign-in`)).status()).toBe(404);
  const mint = await request.post(`${stack.webUrl}/auth/dev-sign-in/session`, {
    form: { preset: 'demo-moderator' },
    headers: { origin: stack.webUrl },
  });
  expect(mint.status()).toBe(404);
  const crossSite = await request.post(`${stack.webUrl}/auth/sign-out`, {
    headers: { origin: 'https://attacker.example' },
    maxRedirects: 0,
  });
  expect(crossSite.status()).toBe(403);
});

test('OIDC: a callback that matches no sign-in in progress ends on a page that says so', async ({
  browser,
}, testInfo) => {
  const { context, page } = await openPage(browser, stack.webUrl);
  await page.goto('/auth/callback?code=forged&state=forged');
  await expect(page).toHaveURL(/\/auth\/sign-in-failed\?reason=expired$/);
  await expect(page.getByRole('heading', { name: 'Sign-in did not complete' })).toBeVisible();
  await expect(page.getByText('took too long or was started in another window')).toBeVisible();
  await expectAccessible(page);
  await saveLastPage(page, testInfo);
  await context.close();
});

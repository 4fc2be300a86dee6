import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, expect, type Page, type TestInfo } from '@playwright/test';

/**
 * What every journey shares: a fresh browser context (axe wants pages from browser.newContext()),
 * the accessibility check, CSP violations seen by the page, and the last page's screenshot.
 */
export async function openPage(
  browser: Browser,
  baseURL: string | undefined,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ baseURL, javaScriptEnabled: options.javaScriptEnabled ?? true });
  const page = await context.newPage();
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      cspViolations.push(message.text());
    }
  });
  return { context, page, cspViolations };
}

/** axe-core on the current page: no serious or critical violation. */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  expect(blocking, `axe on ${page.url()}`).toEqual([]);
}

/**
 * axe on a page opened without JavaScript: axe itself is a script, so the page's HTML (its
 * scripts removed) is checked in a scripting context of the same origin, stylesheets and all.
 */
export async function expectAccessibleWithoutScripts(browser: Browser, page: Page): Promise<void> {
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const checker = await openPage(browser, new URL(page.url()).origin);
  await checker.page.goto(page.url());
  await checker.page.setContent(html, { waitUntil: 'load' });
  await expectAccessible(checker.page);
  await checker.context.close();
}

/** The journey's last page as a full-page PNG among the test's artefacts (test-results/). */
export async function saveLastPage(page: Page, testInfo: TestInfo, name = 'last-page'): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

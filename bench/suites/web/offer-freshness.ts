import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import { testToken } from '@app/testing';
import { SEED_BOOK_ISBN13 } from '../../../tools/demo/catalog-demo';
import type { BenchContext } from '../../lib/context';
import { BENCH_SECRET, WebStack } from './web-stack';

/** Debian's Chromium where it is installed (CHROMIUM_PATH overrides), as the browser journeys use it. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
    (path): path is string => Boolean(path && existsSync(path)),
  );
  if (!found)
    throw new Error('Chromium not found: install it (apt-get install chromium) or set CHROMIUM_PATH');
  return found;
}

export const CHROMIUM_ARGS = ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-dev-shm-usage'];

/** How long a first change may take to show without a reload before the page counts as not live. */
const LIVE_WAIT_MS = 30_000;
const RELOAD_WAIT_MS = 60_000;
/** Below the seed's lowest offer ($2.61), so the offer box's "from" price is always ours. */
const FIRST_PRICE_MINOR = 199;

export interface FreshnessResult {
  /** From sending the price change to the open page showing it, per change. */
  readonly latenciesMs: number[];
  /** `live`: the page updated itself; `reload`: it did not, and was reloaded until it showed. */
  readonly mode: 'live' | 'reload';
}

const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`;

function offerBoxShows(page: Page, text: string, timeoutMs: number): Promise<boolean> {
  return page
    .locator('.offer-box', { hasText: text })
    .first()
    .waitFor({ timeout: timeoutMs })
    .then(
      () => true,
      () => false,
    );
}

async function reloadUntilShown(page: Page, text: string): Promise<boolean> {
  const deadline = Date.now() + RELOAD_WAIT_MS;
  while (Date.now() < deadline) {
    await page.reload({ waitUntil: 'domcontentloaded' });
    if ((await page.locator('.offer-box', { hasText: text }).count()) > 0) return true;
  }
  return false;
}

/** A seller of our own with one used copy of the seed book; returns how to set its price. */
async function benchSeller(stack: WebStack): Promise<(amountMinor: number) => Promise<void>> {
  const sellerId = uuidv7();
  const token = await testToken({
    sub: `bench-live-${sellerId}`,
    roles: ['seller'],
    sellerId,
    secret: BENCH_SECRET,
  });
  const send = async (method: string, path: string, body: unknown) => {
    const response = await fetch(`${stack.services.offers}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new Error(`${method} ${path} answered ${response.status} ${await response.text()}`);
  };
  const found = (await (
    await fetch(`${stack.services.catalog}/products?isbn=${SEED_BOOK_ISBN13}&limit=1`)
  ).json()) as { items: { id: string }[] };
  await send('PUT', '/sellers/me/profile', { displayName: 'Bench Live Books' });
  return (amountMinor) =>
    send('PUT', '/sellers/me/offers/by-sku/BENCH-LIVE', {
      productId: found.items[0].id,
      condition: 'used_good',
      conditionNote: 'Bench copy: light shelf wear.',
      price: { amountMinor },
      quantity: 1,
      handlingDays: { min: 1, max: 2 },
    });
}

async function openPage(ctx: BenchContext, url: string): Promise<Page> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  ctx.defer(() => browser.close());
  const page = await (await browser.newContext()).newPage();
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * A seller of our own lists the seed book below every other offer, then changes that price
 * `samples` times while the book's page is open in Chromium; each sample is the time from the
 * request to the offer box showing the new lowest price: without a reload when the page is live,
 * else by reloading (the first change tells which, and the suite says so).
 */
export async function measureOfferFreshness(
  ctx: BenchContext,
  stack: WebStack,
  samples: number,
): Promise<FreshnessResult> {
  const setPrice = await benchSeller(stack);
  let price = FIRST_PRICE_MINOR;
  await setPrice(price);
  const page = await openPage(ctx, stack.pageUrl);
  if (!(await reloadUntilShown(page, dollars(price)))) throw new Error('the first price never showed');
  let mode: FreshnessResult['mode'] = 'live';
  const latenciesMs: number[] = [];
  while (latenciesMs.length < samples) {
    price -= 1;
    const started = performance.now();
    await setPrice(price);
    let shown = mode === 'live' && (await offerBoxShows(page, dollars(price), LIVE_WAIT_MS));
    if (!shown && mode === 'live' && latenciesMs.length === 0) {
      ctx.log(`the open page did not change within ${LIVE_WAIT_MS / 1000} s: measuring reload freshness`);
      mode = 'reload';
      if (!(await reloadUntilShown(page, dollars(price)))) throw new Error(`${dollars(price)} never showed`);
      continue;
    }
    if (mode === 'reload') shown = await reloadUntilShown(page, dollars(price));
    if (!shown) throw new Error(`${dollars(price)} did not show on the open page`);
    latenciesMs.push(performance.now() - started);
  }
  return { latenciesMs, mode };
}

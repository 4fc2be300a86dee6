import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from '../../../tools/infra/infra-paths';
import { stackUrl } from './stack';

/**
 * Data a journey creates for itself through the services' public APIs, never touching the seed
 * book: tokens come from the token CLI (`npm run token`), as a developer would mint them.
 */
export function mintToken(args: string[]): string {
  return execFileSync(
    process.execPath,
    [require.resolve('ts-node/dist/bin'), 'tools/token/token.ts', ...args],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    },
  ).trim();
}

/** A random, valid ISBN-13 (978 prefix, correct check digit): each run gets a book of its own. */
export function randomIsbn13(): string {
  const first12 = `978${Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('')}`;
  const sum = [...first12].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}

async function post(url: string, token: string, body: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

export async function createProduct(editorToken: string, product: Record<string, unknown>): Promise<string> {
  const created = await post(`${stackUrl('catalog')}/products`, editorToken, product);
  if (created.status !== 201)
    throw new Error(`product not created: ${created.status} ${JSON.stringify(created.body)}`);
  return (created.body as { id: string }).id;
}

export async function createPenName(customerToken: string, name: string): Promise<void> {
  const created = await post(`${stackUrl('reviews')}/pen-names`, customerToken, { name });
  if (created.status !== 201)
    throw new Error(`pen name not created: ${created.status} ${JSON.stringify(created.body)}`);
}

/** Submits a review, waiting while the reviews service has not yet heard of the new product (409). */
export async function submitReview(customerToken: string, review: Record<string, unknown>): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const submitted = await post(`${stackUrl('reviews')}/reviews`, customerToken, review);
    if (submitted.status === 201) return;
    if (submitted.status !== 409 || Date.now() > deadline) {
      throw new Error(`review not submitted: ${submitted.status} ${JSON.stringify(submitted.body)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { exitWithError } from '../../lib/bare-server';
import { announceListening } from '../../lib/bench-server';

/**
 * The reference for the storefront's product page: plain node:http, no framework, making the
 * page's own upstream calls (the book by ISBN, its product page read model, then its offers by
 * price and its newest reviews at once) and writing the same data as one escaped HTML document
 * with the page's head (title, description, canonical URL, JSON-LD), plus the data once more as an
 * inline JSON payload, as a page that hydrates ships it. Upstreams from BENCH_*_URL.
 */
const CATALOG = required('BENCH_CATALOG_URL');
const OFFERS = required('BENCH_OFFERS_URL');
const REVIEWS = required('BENCH_REVIEWS_URL');
const BOOK_PATH = /^\/books\/(97[89]\d{10})\/([a-z0-9-]+)$/;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escape = (text: unknown) => String(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);

/** Any JSON value as HTML: objects as definition lists, arrays as lists, every text escaped. */
function html(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return `<ul>${value.map((item) => `<li>${html(item)}</li>`).join('')}</ul>`;
  if (typeof value === 'object')
    return `<dl>${Object.entries(value)
      .map(([key, field]) => `<dt>${escape(key)}</dt><dd>${html(field)}</dd>`)
      .join('')}</dl>`;
  return escape(value);
}

/** JSON safe inside a script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

interface Page {
  readonly product: { readonly id: string; readonly title: string; readonly description?: string };
}

async function productPage(isbn13: string, slug: string): Promise<string> {
  const found = await json<{ items: { id: string }[] }>(`${CATALOG}/products?isbn=${isbn13}&limit=1`);
  const id = found.items[0]?.id;
  if (!id) return '';
  const page = await json<Page>(`${CATALOG}/products/${id}`);
  const [offers, reviews] = await Promise.all([
    json<unknown>(`${OFFERS}/products/${id}/offers?sort=price&limit=100`),
    json<unknown>(`${REVIEWS}/products/${id}/reviews?sort=newest&limit=10`),
  ]);
  const { product } = page;
  const jsonLd = scriptJson({ '@context': 'https://schema.org', '@type': ['Book', 'Product'], ...page });
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>${escape(product.title)}</title><meta name="description" content="${escape((product.description ?? '').slice(0, 200))}">
<link rel="canonical" href="/books/${isbn13}/${slug}"><script type="application/ld+json">${jsonLd}</script></head>
<body><main><article><h1>${escape(product.title)}</h1>${html(page)}<section id="offers">${html(offers)}</section>
<section id="reviews">${html(reviews)}</section></article></main>
<script>self.__page=${scriptJson({ page, offers, reviews })}</script></body></html>`;
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const match = BOOK_PATH.exec((request.url ?? '').split('?')[0]);
  const body = match ? await productPage(match[1], match[2]) : '';
  response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  response.end(body || 'not found');
}

const server = createServer((request, response) => {
  handle(request, response).catch((error: unknown) => {
    response.writeHead(502, { 'content-type': 'text/plain' });
    response.end(String(error));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (!address || typeof address === 'string') exitWithError(new Error('no port'));
  else announceListening(`http://127.0.0.1:${address.port}`);
});
const shutdown = () => server.close(() => process.exit(0));
process.once('SIGTERM', shutdown);
process.once('disconnect', shutdown);

import { cache } from 'react';
import { productByIsbn, productPage, type ProductPage } from './api/catalog';
import type { Loaded } from './api/http';
import { bookPath, ISBN13_PATTERN } from './urls';

export interface Book {
  readonly page: ProductPage;
  /** The book's readable URL path, `/books/{isbn13}/{slug}`. */
  readonly path: string;
}

/** The product page read model of the book with this ISBN-13; once per request. */
export const loadBook = cache(async (isbn13: string): Promise<Loaded<Book>> => {
  if (!ISBN13_PATTERN.test(isbn13)) return { ok: false, reason: 'not_found' };
  const card = await productByIsbn(isbn13);
  if (!card.ok) return card;
  const page = await productPage(card.data.id);
  if (!page.ok) return page;
  return { ok: true, data: { page: page.data, path: bookPath(page.data.product) } };
});

/** The storefront's own URLs: one place that spells each page's path. */

export const ISBN13_PATTERN = /^97[89]\d{10}$/;

/** "Uncertain Partners" → "uncertain-partners": readable, ASCII, stable for a given title. */
export function slugOf(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'book';
}

export function bookPath(book: { isbn13: string; title: string }): string {
  return `/books/${book.isbn13}/${slugOf(book.title)}`;
}

export type QueryValues = Record<string, string | undefined>;

/** `path?…` with the given values, leaving out empty ones; `hash` (e.g. "#reviews") is appended. */
export function pathWithQuery(path: string, values: QueryValues, hash = ''): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) query.set(key, value);
  const text = query.toString();
  return `${path}${text ? `?${text}` : ''}${hash}`;
}

/** A single value of a search parameter (Next gives arrays for repeated keys: the first wins). */
export function single(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.trim() || undefined;
}

export type SearchParams = Record<string, string | string[] | undefined>;

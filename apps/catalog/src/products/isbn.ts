/**
 * ISBN rules (ISO 2108). Catalog editors may type either form; the catalog stores and publishes
 * ISBN-13 only, so one book has exactly one key whichever form it was entered in.
 */

const ISBN13 = /^97[89]\d{10}$/;
const ISBN10 = /^\d{9}[\dX]$/;

/** Strips the separators people type and print (hyphens, spaces) and upper-cases the X. */
export function compactIsbn(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

export function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const check = (11 - (sum % 11)) % 11;
  return check === 10 ? 'X' : String(check);
}

export function isValidIsbn13(compact: string): boolean {
  return ISBN13.test(compact) && isbn13CheckDigit(compact.slice(0, 12)) === Number(compact[12]);
}

export function isValidIsbn10(compact: string): boolean {
  return ISBN10.test(compact) && isbn10CheckDigit(compact.slice(0, 9)) === compact[9];
}

/** ISBN-10 → ISBN-13: the 978 prefix, the first nine digits, and a recomputed check digit. */
export function isbn10To13(isbn10: string): string {
  const first12 = `978${isbn10.slice(0, 9)}`;
  return `${first12}${isbn13CheckDigit(first12)}`;
}

/** ISBN-13 → ISBN-10, which exists only for the 978 prefix (979 books never had one). */
export function isbn13To10(isbn13: string): string | undefined {
  if (!isbn13.startsWith('978')) return undefined;
  const first9 = isbn13.slice(3, 12);
  return `${first9}${isbn10CheckDigit(first9)}`;
}

export type IsbnParseResult = { ok: true; isbn13: string } | { ok: false; rule: 'format' | 'checksum' };

/** Accepts a valid ISBN-13 or ISBN-10 in any common notation and answers its ISBN-13. */
export function parseIsbn(input: string): IsbnParseResult {
  const compact = compactIsbn(input);
  if (ISBN13.test(compact)) {
    return isValidIsbn13(compact) ? { ok: true, isbn13: compact } : { ok: false, rule: 'checksum' };
  }
  if (ISBN10.test(compact)) {
    return isValidIsbn10(compact)
      ? { ok: true, isbn13: isbn10To13(compact) }
      : { ok: false, rule: 'checksum' };
  }
  return { ok: false, rule: 'format' };
}

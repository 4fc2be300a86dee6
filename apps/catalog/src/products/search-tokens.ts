/**
 * Search without `$text` (outside the portable store subset, docs/architecture.md): every product
 * stores its normalized words and their leading prefixes ("edge n-grams") in one multikey field,
 * and a query matches when the field holds all of its tokens (`$all`). Case and accents fold away
 * here, on both sides.
 */

/** Prefixes shorter than this match too much to be useful ("a" would match every book). */
export const MIN_PREFIX_LENGTH = 2;
/** Longer query words are cut to this length, which is the longest prefix we store. */
export const MAX_PREFIX_LENGTH = 15;
/** A query with more words than this is cut: `$all` over dozens of tokens helps nobody. */
export const MAX_QUERY_TOKENS = 8;

/** Lower-case, accents stripped (NFD, then combining marks removed), ligatures kept apart. */
export function foldText(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Words of a text: runs of letters and digits after folding ("Sino-Soviet" → sino, soviet). */
export function words(text: string): string[] {
  return foldText(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A word and its prefixes of MIN..MAX_PREFIX_LENGTH characters. */
export function prefixesOf(word: string): string[] {
  const out = [word.length > MAX_PREFIX_LENGTH ? word.slice(0, MAX_PREFIX_LENGTH) : word];
  const longest = Math.min(word.length, MAX_PREFIX_LENGTH);
  for (let length = MIN_PREFIX_LENGTH; length < longest; length++) out.push(word.slice(0, length));
  return out;
}

/** Everything a product can be found by, de-duplicated: words, their prefixes, and raw ISBNs. */
export function searchTokensFor(fields: readonly (string | undefined)[], isbns: readonly string[]): string[] {
  const tokens = new Set<string>();
  for (const field of fields) {
    if (!field) continue;
    for (const word of words(field)) for (const token of prefixesOf(word)) tokens.add(token);
  }
  for (const isbn of isbns) for (const token of prefixesOf(isbn)) tokens.add(token);
  return [...tokens];
}

/**
 * The tokens a query must all match. Hyphens inside digit runs are dropped first so a typed
 * "978-0-8047-2521-7" is one ISBN token, as stored.
 */
export function queryTokens(query: string): string[] {
  const joinedDigits = query.replace(/(?<=\d)[-\s](?=[\dXx])/g, '');
  const tokens = words(joinedDigits).map((word) => word.slice(0, MAX_PREFIX_LENGTH));
  return [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS);
}

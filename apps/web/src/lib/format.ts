import type { Money, ProductFormat } from './api/catalog';
import type { OfferCondition } from './api/offers';

/**
 * Display wording only: every number shown (prices, counts, savings, averages) comes from the
 * services' answers; this module only spells them the way the page reads.
 */

export function formatMoney(money: Money): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 100,
  );
}

const FORMATS: Record<ProductFormat, string> = {
  paperback: 'Paperback',
  hardcover: 'Hardcover',
  mass_market_paperback: 'Mass Market Paperback',
  ebook: 'eBook',
  audiobook: 'Audiobook',
};

export function formatLabel(format: ProductFormat): string {
  return FORMATS[format];
}

export const FORMAT_OPTIONS = Object.entries(FORMATS) as [ProductFormat, string][];

const ROLES: Record<string, string> = {
  author: 'Author',
  editor: 'Editor',
  translator: 'Translator',
  illustrator: 'Illustrator',
  contributor: 'Contributor',
};

export function roleLabel(role: string): string {
  return ROLES[role] ?? role.charAt(0).toUpperCase() + role.slice(1);
}

const CLASSES = { new: 'New', used: 'Used', collectible: 'Collectible' } as const;
const GRADES: Record<string, string> = {
  like_new: 'Like New',
  very_good: 'Very Good',
  good: 'Good',
  acceptable: 'Acceptable',
};

export function conditionClassLabel(conditionClass: keyof typeof CLASSES): string {
  return CLASSES[conditionClass];
}

/** `used_good` → "Used – Good", `new` → "New". */
export function conditionLabel(condition: OfferCondition): string {
  const [cls, ...grade] = condition.split('_');
  const base = CLASSES[cls as keyof typeof CLASSES];
  return grade.length > 0 ? `${base} – ${GRADES[grade.join('_')] ?? grade.join(' ')}` : base;
}

/** "A", "A and B", "A, B and C". */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Calendar dates (YYYY-MM-DD) are shown as written, never shifted by the server's time zone. */
export function formatDate(isoDate: string): string {
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-US', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * The ISBN-10 printed beside the ISBN-13 (only 978-prefixed ISBNs have one): the standard
 * conversion, drop the prefix and recompute the mod-11 check digit.
 */
export function isbn10Of(isbn13: string): string | null {
  if (!/^978\d{10}$/.test(isbn13)) return null;
  const first9 = isbn13.slice(3, 12);
  const sum = [...first9].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return `${first9}${check === 10 ? 'X' : String(check)}`;
}

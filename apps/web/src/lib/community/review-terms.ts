/**
 * The review licence as this site shows it, and its version. The version names the text the
 * reviewer read here: when the reviews service moves to newer terms it refuses the old version
 * (TERMS_NOT_ACCEPTED), and the page asks the reviewer to read and accept them again.
 */
export const REVIEW_TERMS_VERSION = '2026-11';

export const REVIEW_TERMS: readonly string[] = [
  'By submitting a review, you grant the Bookstore and its sublicensees the royalty-free, perpetual, irrevocable right and licence to use the review in accordance with the Terms of Use.',
  'The Bookstore reserves the right not to post any review, particularly one that does not follow these rules, and to remove any review at any time without notice.',
  'You represent that everything in your review is original and accurate, and that posting it does not violate the rights of any third party.',
];

/** "What to exclude from your review": the rules the reviews service checks, in the reader's words. */
export const REVIEW_RULES: readonly string[] = [
  'HTML tags, profanity, obscenities, vulgarities, or comments that defame anyone',
  'Time-sensitive information such as tour dates, signings, lectures',
  'Single-word reviews: other readers want to know why you liked the book or did not',
  'Comments focusing on the author, or that may ruin the ending for others',
  'Phone numbers, addresses, URLs',
  'Pricing and availability information or alternative ordering information',
  'Advertisements or commercial solicitation',
];

export const UNDER_13_EXPLANATION =
  'We value everyone’s opinion of the books we offer, but we cannot let people under the age of 13 post customer reviews or create a pen name. Your account is not verified as 13 or older, so reviewing is not available to it. You can still read reviews and browse the store.';

export const PEN_NAME_FORMAT =
  'Your pen name is your identity on the Bookstore: it appears on the reviews you write. Use 2 to 30 characters: letters and digits, plus - and _ (no spaces). It cannot be edited, changed or deleted once submitted.';

import type { ReasonCode, TargetType } from '../api/reporting';
import { pathWithQuery } from '../urls';

/**
 * The community pages' words and URLs: what each report reason and review state means to a
 * reader. The codes are the services' (their OpenAPI types); only the wording lives here.
 */
/** Every reason the reports service accepts (its OpenAPI enum), in words: a new code fails to compile here. */
const REASON_WORDS: Record<ReasonCode, { label: string; hint: string }> = {
  offensive_or_hateful: { label: 'Offensive or hateful', hint: 'Insults, slurs, harassment.' },
  sexual_content: { label: 'Sexual content', hint: 'Explicit or sexual material.' },
  violence_or_threats: { label: 'Violence or threats', hint: 'Threats or calls to harm anyone.' },
  spam_or_advertising: { label: 'Spam or advertising', hint: 'Ads, links, selling elsewhere.' },
  personal_information: { label: 'Personal information', hint: 'Phone numbers, addresses, private details.' },
  counterfeit_or_illegal: { label: 'Counterfeit or illegal', hint: 'Fake or illegal goods.' },
  misleading_product_information: {
    label: 'Misleading product information',
    hint: 'Wrong condition, edition or details.',
  },
  intellectual_property: { label: 'Intellectual property', hint: 'Copied text or pirated copies.' },
  other: { label: 'Other', hint: 'Tell us what is wrong in the comment.' },
};

export const REPORT_REASONS = (
  Object.entries(REASON_WORDS) as [ReasonCode, { label: string; hint: string }][]
).map(([code, words]) => ({ code, ...words }));

export function reasonLabel(code: string): string {
  return REPORT_REASONS.find((reason) => reason.code === code)?.label ?? code.replace(/_/g, ' ');
}

export const TARGET_LABELS: Record<TargetType, string> = {
  product: 'this book',
  offer: "this seller's offer",
  review: 'this customer review',
  pen_name: 'this pen name',
};

export const TARGET_TYPES = Object.keys(TARGET_LABELS) as TargetType[];

export const isTargetType = (value: unknown): value is TargetType =>
  TARGET_TYPES.includes(value as TargetType);

/** The report page for one target, coming back to `returnTo` (a path of this site). */
export function reportPath(type: TargetType, id: string, returnTo: string): string {
  return pathWithQuery('/report', { type, id, returnTo });
}

/** The "Write a review" page of a book whose page is at `bookPath`. */
export function writeReviewPath(bookPath: string): string {
  return `${bookPath}/review`;
}

/** A review's state as its author reads it on /me/reviews. */
export const REVIEW_STATES: Record<string, { label: string; explanation: string }> = {
  published: { label: 'Published', explanation: 'Shoppers see it on the book page.' },
  pending: {
    label: 'Awaiting moderation',
    explanation:
      'Our rule check asked a moderator to read it before it is shown. It counts in the rating once approved.',
  },
  rejected: { label: 'Not published', explanation: 'A moderator decided not to publish it.' },
  held: {
    label: 'Hidden while a moderator looks',
    explanation: 'Readers reported it; it is hidden until a moderator decides.',
  },
  removed: { label: 'Removed', explanation: 'A moderator removed it.' },
  withdrawn: { label: 'Withdrawn', explanation: 'You deleted it.' },
};

/** A report's state as its reporter reads it on /me/reports. */
export const REPORT_STATES: Record<string, string> = {
  open: 'Open: a moderator has not decided yet',
  upheld: 'Upheld: the content was taken down',
  dismissed: 'Dismissed: a moderator found no breach of the rules',
};

/** Short names of the review rules' codes, for the labels beside highlighted text. */
const RULE_NAMES: Record<string, string> = {
  HTML_TAG: 'HTML tag',
  URL: 'Web address',
  PHONE_NUMBER: 'Phone number',
  EMAIL_ADDRESS: 'Email address',
  STREET_ADDRESS: 'Street address',
  PRICING_AVAILABILITY: 'Price or availability',
  ADVERTISEMENT_SOLICITATION: 'Advertising',
  TIME_SENSITIVE: 'Time-sensitive',
  AUTHOR_FOCUS: 'About the author',
  UNSURE_CONTACT_DETAILS: 'Contact details?',
  PRODUCT_PAGE_COMMENTARY: 'About the product page',
};

/** A code in words: `URL` → "Web address"; an unnamed one `POSSIBLE_SPOILER` → "Possible spoiler". */
export function codeWords(code: string): string {
  const known = RULE_NAMES[code];
  if (known) return known;
  const words = code.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

import { ContentRule, regexSpans } from './content-rule';
import { ProfanityMatcher } from './profanity';

/**
 * The rule set of the product page's "What to exclude from your review". Bump the version whenever
 * a rule, pattern or severity changes: every decision records the version it was made under.
 */
export const RULE_SET_VERSION = '2026.11.1';

export const MIN_BODY_CHARS = 20;

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
/** A day or time someone could show up at; a bare year ("1950") is history, not an appointment. */
const WHEN =
  `(?:${MONTH}\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b|` +
  '\\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\\b|\\b(?:tonight|tomorrow|this weekend|next (?:week|month)|this (?:week|month))\\b|' +
  '\\b\\d{1,2}(?::\\d{2})?\\s?(?:am|pm)\\b|\\b\\d{1,2}/\\d{1,2}\\b)';
const EVENT =
  '\\b(?:(?:book\\s+)?signings?|book\\s+tour|tour\\s+dates?|on\\s+tour|lectures?|book\\s+launch|readings?|q\\s?&\\s?a|appearances?|speaking)\\b';

const profanity = ProfanityMatcher.instance();

export const HARD_RULES: readonly ContentRule[] = [
  {
    code: 'HTML_TAG',
    severity: 'hard',
    message: 'Remove HTML tags: reviews are plain text.',
    fields: ['title', 'body'],
    find: (text) => regexSpans(/<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/gi, text),
  },
  {
    code: 'PROFANITY',
    severity: 'hard',
    message: 'Remove profanity, obscenities and vulgarities.',
    fields: ['title', 'body'],
    find: (text) => profanity.spans(text),
  },
  {
    code: 'BODY_TOO_SHORT',
    severity: 'hard',
    message: `Write at least ${MIN_BODY_CHARS} characters: say why you liked the book or did not.`,
    fields: ['body'],
    find: (text) => {
      const trimmed = text.trim();
      return trimmed.length < MIN_BODY_CHARS ? [{ start: 0, end: text.length, text }] : [];
    },
  },
  {
    code: 'SINGLE_WORD',
    severity: 'hard',
    message: 'Single-word reviews are not posted. Other readers want to know why: be descriptive.',
    fields: ['body'],
    find: (text) => {
      const words = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
      return words.length <= 1 ? [{ start: 0, end: text.length, text }] : [];
    },
  },
  {
    code: 'PHONE_NUMBER',
    severity: 'hard',
    message: 'Remove phone numbers.',
    fields: ['title', 'body'],
    find: (text) => [
      // 555-123-4567, (555) 123-4567, +1 555 123 4567: the 3-3-4 grouping, never a year range.
      ...regexSpans(/(?:\+\d{1,3}[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b/g, text),
      // A short local number needs a word saying it is one: "page 393-4012" is not a phone.
      ...regexSpans(
        /\b(?:call|phone|tel|text|fax|whatsapp|ring)\b[\s.:]*(?:me\s+)?(?:at\s+|on\s+)?\d{3}[\s.-]\d{4}\b/gi,
        text,
      ),
    ],
  },
  {
    code: 'EMAIL_ADDRESS',
    severity: 'hard',
    message: 'Remove email addresses.',
    fields: ['title', 'body'],
    find: (text) => regexSpans(/\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi, text),
  },
  {
    code: 'STREET_ADDRESS',
    severity: 'hard',
    message: 'Remove street and postal addresses.',
    fields: ['title', 'body'],
    find: (text) => [
      ...regexSpans(
        /\b\d{1,5}\s+(?:[A-Z][a-z]+\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct|Place|Pl|Terrace|Highway|Hwy)\b\.?/g,
        text,
      ),
      ...regexSpans(/\bP\.?\s?O\.?\s+Box\s+\d+\b/gi, text),
    ],
  },
  {
    code: 'URL',
    severity: 'hard',
    message: 'Remove web addresses and links.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        /\b(?:https?:\/\/|www\.)[^\s<>"]+|\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|biz|info|shop|store|online|site|ly|me|uk|de|ru|cn)\b(?:\/[^\s<>"]*)?/gi,
        text,
      ).filter((span) => !/@/.test(text.slice(Math.max(0, span.start - 1), span.start))),
  },
  {
    code: 'PRICING_AVAILABILITY',
    severity: 'hard',
    message: 'Remove prices, availability and where-to-buy information.',
    fields: ['title', 'body'],
    find: (text) => [
      // "$300 million in aid" is history, not a price: amounts in millions and up are left alone.
      ...regexSpans(
        /[$€£]\s?\d[\d,]*(?:\.\d{1,2})?(?!\d|[\d,.]*\s*(?:million|billion|trillion|bn)\b)/gi,
        text,
      ),
      ...regexSpans(/\b\d+(?:\.\d{2})?\s?(?:dollars|bucks|usd|cents)\b/gi, text),
      ...regexSpans(
        /\b(?:in stock|out of stock|back in stock|available (?:at|from|on)|cheaper (?:at|on|from)|buy (?:it|this|one) (?:at|from|on)|order (?:it )?from|free shipping|ships? (?:today|tomorrow|free))\b/gi,
        text,
      ),
    ],
  },
  {
    code: 'ADVERTISEMENT_SOLICITATION',
    severity: 'hard',
    message: 'Remove advertisements and commercial solicitation.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        /\b(?:(?:at|in|visit|from) my (?:shop|store|website|site|channel|blog|etsy|ebay)|visit (?:my|our)\b|follow me\b|subscribe to (?:my|our)\b|(?:promo|discount|coupon) code|dm me\b|contact me\b|check out my\b|(?:buy|order) from (?:me|us)\b|i sell\b|we sell\b)/gi,
        text,
      ),
  },
  {
    code: 'TIME_SENSITIVE',
    severity: 'hard',
    message: 'Remove time-sensitive information such as tour dates, signings and lectures.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        new RegExp(`${EVENT}[^.!?\\n]{0,80}?${WHEN}|${WHEN}[^.!?\\n]{0,80}?${EVENT}|\\btour dates?\\b`, 'gi'),
        text,
      ),
  },
];

export const SOFT_RULES: readonly ContentRule[] = [
  {
    code: 'AUTHOR_FOCUS',
    severity: 'soft',
    message: 'Focus on the book rather than on its author; a moderator will look at this review.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        /\b(?:the )?(?:author|authors|writer|writers)\s+(?:is|are|was|were|seems?|must be)\s+(?:an?\s+|such an?\s+)?(?:\w+\s+)?(?:idiot|idiots|liars?|frauds?|hacks?|morons?|clowns?|jokes?|bigots?|racists?|propagandists?|shills?|stupid|dishonest|arrogant|incompetent|pathetic|ugly|fat|crazy|traitors?)\b|\bi (?:hate|despise|can't stand) (?:the )?(?:author|writer)s?\b|\b(?:author|writer)'s (?:personal life|private life|politics|religion|appearance|marriage)\b/gi,
        text,
      ),
  },
  {
    code: 'POSSIBLE_SPOILER',
    severity: 'soft',
    message: 'This may ruin the ending for others; a moderator will look at this review.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        /\b(?:spoilers?|spoiler alert|the ending is|ending reveals|ends with|twist is|plot twist|(?:he|she|they|everyone) dies at the end|dies in the end|the killer (?:is|was)|turns out (?:to be|that))\b/gi,
        text,
      ),
  },
  {
    code: 'POSSIBLE_DEFAMATION',
    severity: 'soft',
    message:
      'Claims that someone committed a crime or lied may defame them; a moderator will look at this review.',
    fields: ['title', 'body'],
    find: (text) =>
      regexSpans(
        /\b(?:is|was|are|were)\s+(?:a\s+)?(?:known\s+)?(?:criminal|thief|crook|con artist|plagiarist|pedophile|fraudster)s?\b/gi,
        text,
      ),
  },
  {
    code: 'UNSURE_CONTACT_DETAILS',
    severity: 'soft',
    message: 'This looks like it may contain contact details; a moderator will look at this review.',
    fields: ['title', 'body'],
    find: (text) => [
      ...regexSpans(
        /\b(?:at|@)\s*(?:gmail|yahoo|hotmail|outlook|proton)\b|\b(?:dot|\[dot\]|\(dot\))\s*(?:com|net|org)\b|\[at\]|\(at\)/gi,
        text,
      ),
      // Long digit runs that are neither years nor an ISBN-13 might be an obfuscated number.
      ...regexSpans(/(?<![\d-])\d{7,12}(?![\d-])/g, text),
    ],
  },
  {
    code: 'PRODUCT_PAGE_COMMENTARY',
    severity: 'soft',
    message: 'Review the book, not other reviews or the product page; a moderator will look at this review.',
    fields: ['body'],
    find: (text) =>
      regexSpans(
        /\b(?:other reviewers?|the (?:reviews?|reviewers?) (?:above|below|here)|(?:on )?this product page|the listing (?:says|is wrong))\b/gi,
        text,
      ),
  },
];

export const CONTENT_RULES: readonly ContentRule[] = [...HARD_RULES, ...SOFT_RULES];

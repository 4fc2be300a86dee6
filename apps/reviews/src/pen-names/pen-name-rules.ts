import { ProfanityMatcher } from '../content-rules/profanity';

export interface PenNameProblem {
  readonly code: 'PEN_NAME_FORMAT' | 'PEN_NAME_RESERVED' | 'PEN_NAME_OFFENSIVE';
  readonly message: string;
}

/** "Any combination of alphanumeric characters (plus - and _), at least two characters long." */
const FORMAT = /^[A-Za-z0-9_-]{2,30}$/;

/** Names that would pass a reviewer off as the store or its staff, or as nobody in particular. */
const RESERVED = [
  'admin',
  'administrator',
  'moderator',
  'mod',
  'anonymous',
  'staff',
  'support',
  'system',
  'official',
  'barnesandnoble',
  'bn',
  'bncom',
  'root',
  'help',
  'customerservice',
];

/** Case- and separator-insensitive form: `Anon_ymous` and `ANONYMOUS` are one name. */
export function penNameKey(name: string): string {
  return name.toLowerCase();
}

/** All problems with a requested pen name (empty when it may be taken, if free). */
export function penNameProblems(name: string): PenNameProblem[] {
  if (!FORMAT.test(name)) {
    return [
      {
        code: 'PEN_NAME_FORMAT',
        message: 'Use 2 to 30 characters: ASCII letters, digits, "-" and "_".',
      },
    ];
  }
  const problems: PenNameProblem[] = [];
  const bare = name.toLowerCase().replace(/[-_0-9]/g, '');
  if (RESERVED.includes(bare) || RESERVED.some((word) => word.length > 3 && bare.startsWith(word))) {
    problems.push({ code: 'PEN_NAME_RESERVED', message: 'This name is reserved; choose another.' });
  }
  // Separators read as spaces, so "dirty_shit" is seen as two words by the word-list matcher.
  const spaced = name.replace(/[-_]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  const profanity = ProfanityMatcher.instance();
  if (profanity.contains(spaced) || profanity.contains(bare)) {
    problems.push({ code: 'PEN_NAME_OFFENSIVE', message: 'This name is not allowed; choose another.' });
  }
  return problems;
}

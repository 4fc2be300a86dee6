import { DataSet, englishDataset, englishRecommendedTransformers, RegExpMatcher } from 'obscenity';

/**
 * Ordinary words the maintained English data set matches inside ("cock" in "cockpit"): whitelisted
 * here rather than by editing the list, so library updates still bring new terms.
 */
const BOOK_TALK_WHITELIST = [
  'cockpit',
  'cocktail',
  'peacock',
  'hancock',
  'babcock',
  'shuttlecock',
  'cum laude',
];

function buildMatcher(): RegExpMatcher {
  const dataset = new DataSet<{ originalWord: string }>().addAll(englishDataset);
  for (const term of BOOK_TALK_WHITELIST) {
    dataset.addPhrase((phrase) => phrase.addWhitelistedTerm(term));
  }
  return new RegExpMatcher({ ...dataset.build(), ...englishRecommendedTransformers });
}

/**
 * Profanity, obscenities and vulgarities found by `obscenity`'s maintained English list (with its
 * leetspeak and stretched-letter transformers), shared by the review rules and pen names so both
 * refuse the same words.
 */
export class ProfanityMatcher {
  private static shared?: ProfanityMatcher;
  private readonly matcher = buildMatcher();

  static instance(): ProfanityMatcher {
    ProfanityMatcher.shared ??= new ProfanityMatcher();
    return ProfanityMatcher.shared;
  }

  spans(text: string): { start: number; end: number; text: string }[] {
    const seen = new Set<string>();
    return this.matcher
      .getAllMatches(text, true)
      .map((match) => ({ start: match.startIndex, end: match.endIndex + 1 }))
      .filter((span) => {
        const key = `${span.start}:${span.end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
  }

  /** Pen names have no word boundaries to rely on ("xXshitXx"), so any match counts. */
  contains(text: string): boolean {
    return this.matcher.hasMatch(text);
  }
}

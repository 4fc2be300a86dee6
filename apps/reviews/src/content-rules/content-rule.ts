/** The parts of a review the rules read; spans point into one of them. */
export type ReviewTextField = 'title' | 'body';

export interface ReviewText {
  readonly title?: string;
  readonly body: string;
}

export interface TextSpan {
  readonly field: ReviewTextField;
  /** UTF-16 offsets into the field, end exclusive, as JavaScript strings count them. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * `hard` refuses the review (422); `soft` accepts it as `pending` for a moderator, because a
 * heuristic that only suspects a problem must not silence a reviewer on its own.
 */
export type RuleSeverity = 'hard' | 'soft';

export interface ContentRule {
  /** Stable: clients and moderators switch on it. Never reuse a code for another meaning. */
  readonly code: string;
  readonly severity: RuleSeverity;
  /** Addressed to the reviewer: what to change, not how the engine works. */
  readonly message: string;
  /** Which fields the rule reads; most read both. */
  readonly fields: readonly ReviewTextField[];
  /** Offending ranges of one field's text; empty when the rule has nothing to say. */
  find(text: string, field: ReviewTextField): Omit<TextSpan, 'field'>[];
}

export interface RuleViolation {
  readonly code: string;
  readonly severity: RuleSeverity;
  readonly message: string;
  readonly spans: TextSpan[];
}

export type ContentVerdict = 'accepted' | 'pending' | 'rejected';

export interface ContentDecision {
  readonly ruleSetVersion: string;
  readonly verdict: ContentVerdict;
  readonly violations: RuleViolation[];
}

/** Every match of a global regex as spans (the regex must carry the `g` flag). */
export function regexSpans(pattern: RegExp, text: string): Omit<TextSpan, 'field'>[] {
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}

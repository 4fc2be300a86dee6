import { ContentDecision, ContentRule, ReviewText, RuleViolation, TextSpan } from './content-rule';
import { CONTENT_RULES, RULE_SET_VERSION } from './content-rules';

/**
 * Runs every rule over a review's title and body and returns all violations, so a reviewer fixes
 * everything in one go. Pure and synchronous: `POST /reviews/check` and posting share it (one
 * instance, provided by value, since its rules are data rather than dependencies).
 */
export class ContentRuleEngine {
  constructor(
    private readonly rules: readonly ContentRule[] = CONTENT_RULES,
    readonly version: string = RULE_SET_VERSION,
  ) {}

  evaluate(review: ReviewText): ContentDecision {
    const violations = this.rules
      .map((rule) => this.violationOf(rule, review))
      .filter((violation): violation is RuleViolation => violation !== undefined);
    const verdict = violations.some((v) => v.severity === 'hard')
      ? 'rejected'
      : violations.length > 0
        ? 'pending'
        : 'accepted';
    return { ruleSetVersion: this.version, verdict, violations };
  }

  private violationOf(rule: ContentRule, review: ReviewText): RuleViolation | undefined {
    const spans: TextSpan[] = rule.fields.flatMap((field) => {
      const text = review[field];
      if (text === undefined || (field === 'title' && text.length === 0)) return [];
      return dedupe(rule.find(text, field)).map((span) => ({ field, ...span }));
    });
    if (spans.length === 0) return undefined;
    return { code: rule.code, severity: rule.severity, message: rule.message, spans };
  }
}

/** Patterns of one rule may overlap ("call 555-123-4567" matches twice); keep the widest. */
function dedupe<T extends { start: number; end: number }>(spans: T[]): T[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && span.start < last.end) continue;
    kept.push(span);
  }
  return kept;
}

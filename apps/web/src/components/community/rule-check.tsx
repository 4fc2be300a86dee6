import type { ContentDecision, RuleViolation } from '../../lib/api/reviewing';
import { codeWords } from '../../lib/community/wording';

type Field = 'title' | 'body';
type Mark = { start: number; end: number; code: string };

/** The field's text with each offending span marked and the rule it breaks named beside it. */
function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start)) {
    if (mark.start < at) continue; // overlapping spans: the first one shown is enough
    parts.push(text.slice(at, mark.start));
    parts.push(
      <span key={`${mark.start}-${mark.code}`} className="violation">
        <mark>{text.slice(mark.start, mark.end)}</mark>
        <span className="violation__rule">{codeWords(mark.code)}</span>
      </span>,
    );
    at = mark.end;
  }
  parts.push(text.slice(at));
  return <p className="rule-check__text">{parts}</p>;
}

function marksOf(violations: readonly RuleViolation[], field: Field): Mark[] {
  return violations.flatMap((v) =>
    v.spans.filter((s) => s.field === field && s.end > s.start).map((s) => ({ ...s, code: v.code })),
  );
}

/**
 * The rules' verdict on what the reviewer typed: a summary line, the text with the offending
 * spans highlighted, and each broken rule in words. Read out politely as it changes.
 */
export function RuleCheck(props: {
  decision: Pick<ContentDecision, 'verdict' | 'violations'> | undefined;
  title: string;
  body: string;
}) {
  const { decision, title, body } = props;
  return (
    <div id="rule-check" className="rule-check" aria-live="polite">
      {!decision ? null : decision.verdict === 'accepted' ? (
        <p className="rule-check__ok">Your review follows the review rules.</p>
      ) : (
        <>
          <p className={decision.verdict === 'rejected' ? 'rule-check__bad' : 'rule-check__pending'}>
            {decision.verdict === 'rejected'
              ? 'Change the highlighted text: reviews that break these rules are not posted.'
              : 'You can post this review, but it will be awaiting moderation: a moderator reads it before it is shown.'}
          </p>
          <ul className="rule-check__rules">
            {decision.violations.map((v) => (
              <li key={v.code}>
                <strong>{codeWords(v.code)}:</strong> {v.message}
              </li>
            ))}
          </ul>
          {(['title', 'body'] as const).map((field) => {
            const marks = marksOf(decision.violations, field);
            const text = field === 'title' ? title : body;
            return marks.length > 0 ? (
              <div key={field}>
                <p className="rule-check__field">In your {field}:</p>
                <Highlighted text={text} marks={marks} />
              </div>
            ) : null;
          })}
        </>
      )}
    </div>
  );
}

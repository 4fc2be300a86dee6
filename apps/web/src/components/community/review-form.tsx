'use client';

import { useActionState, useState } from 'react';
import { submitReviewAction } from '../../app/books/[isbn13]/[slug]/review/actions';
import type { ContentDecision } from '../../lib/api/reviewing';
import { EMPTY_REVIEW, type ReviewFormState } from '../../lib/community/form-state';
import { REVIEW_TERMS, REVIEW_TERMS_VERSION } from '../../lib/community/review-terms';
import { RuleCheck } from './rule-check';
import { useDebouncedAnswer } from './use-debounced';

type Text = { title: string; body: string };

async function check(text: Text, signal: AbortSignal): Promise<ContentDecision | undefined> {
  const response = await fetch('/api/reviews/check', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(text),
    signal,
  });
  return response.ok ? ((await response.json()) as ContentDecision) : undefined;
}

/**
 * Rating, title and body, anonymous or under the pen name, the licence to accept. The text is
 * checked against the review rules as it is typed; posting goes through a Server Action, so the
 * form also works as a plain form post.
 */
export function ReviewForm(props: { productId: string; bookPath: string; penName: string | undefined }) {
  const { productId, bookPath, penName } = props;
  const [state, formAction, pending] = useActionState<ReviewFormState, FormData>(submitReviewAction, {
    values: { ...EMPTY_REVIEW, anonymous: !penName },
  });
  const [rating, setRating] = useState(state.values.rating);
  const [title, setTitle] = useState(state.values.title);
  const [body, setBody] = useState(state.values.body);
  const [anonymous, setAnonymous] = useState(state.values.anonymous || !penName);
  const [terms, setTerms] = useState(state.values.terms);
  const live = useDebouncedAnswer(body.trim() ? { title, body } : undefined, check);
  // Until the check answers, the refusal's own verdict (a post without JavaScript) is what we know.
  const decision =
    live ??
    (state.violations ? { verdict: 'rejected' as const, violations: [...state.violations] } : undefined);

  return (
    <form action={formAction} className="review-form" id="review-form" aria-labelledby="review-form-heading">
      <h2 id="review-form-heading">Your review</h2>
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="bookPath" value={bookPath} />
      {state.error ? (
        <p className="form-error" role="alert" data-code={state.code}>
          {state.error}
        </p>
      ) : null}
      <fieldset className="stars-input">
        <legend>Your rating (required)</legend>
        {[5, 4, 3, 2, 1].map((n) => (
          <label key={n}>
            <input
              type="radio"
              name="rating"
              value={n}
              required
              checked={rating === String(n)}
              onChange={() => setRating(String(n))}
            />{' '}
            {n} {n === 1 ? 'star' : 'stars'}
          </label>
        ))}
      </fieldset>
      <label htmlFor="review-title">Title (optional)</label>
      <input
        id="review-title"
        name="title"
        maxLength={120}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      <label htmlFor="review-body">Your review (required)</label>
      <p id="review-body-help" className="field-help">
        Say what you liked or did not, and why: at least 20 characters. The rules below are checked as you
        type.
      </p>
      <textarea
        id="review-body"
        name="body"
        rows={8}
        maxLength={5000}
        required
        value={body}
        onChange={(e) => setBody(e.target.value)}
        aria-describedby="review-body-help rule-check"
      />
      <RuleCheck decision={decision} title={title} body={body} />
      <fieldset>
        <legend>Post as</legend>
        {penName ? (
          <label>
            <input
              type="checkbox"
              name="anonymous"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
            />{' '}
            Post anonymously instead of as <strong>{penName}</strong>
          </label>
        ) : (
          <>
            <input type="hidden" name="anonymous" value="on" />
            <p>
              You have no pen name yet, so this review will show <strong>Anonymous</strong> as its author.
              Create a pen name above to sign your reviews.
            </p>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>Review licence (version {REVIEW_TERMS_VERSION})</legend>
        <ul className="terms">
          {REVIEW_TERMS.map((term) => (
            <li key={term}>{term}</li>
          ))}
        </ul>
        <label>
          <input
            type="checkbox"
            name="terms"
            required
            checked={terms}
            onChange={(e) => setTerms(e.target.checked)}
          />{' '}
          I accept the review licence terms
        </label>
      </fieldset>
      <button type="submit" className="button button--primary" disabled={pending}>
        {pending ? 'Posting…' : 'Post review'}
      </button>
    </form>
  );
}

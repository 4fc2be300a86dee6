import type { Metadata } from 'next';
import Link from 'next/link';
import { Stars } from '../../../components/stars';
import { Unavailable } from '../../../components/unavailable';
import { type AuthorDecision, myModeration } from '../../../lib/api/reporting';
import { myReviews, type OwnReview } from '../../../lib/api/reviewing';
import { codeWords, reasonLabel, REVIEW_STATES } from '../../../lib/community/wording';
import { formatDate } from '../../../lib/format';
import { accessToken, requireViewer } from '../../../lib/session';
import { type SearchParams, single } from '../../../lib/urls';
import '../../community.css';

export const metadata: Metadata = { title: 'Your reviews', robots: { index: false } };

const POSTED: Record<string, string> = {
  published: 'Thank you: your review is published.',
  pending:
    'Thank you: your review is awaiting moderation. Our rule check asked a moderator to read it before it is shown.',
};

/** The author's own reviews in every state, with any moderation decision and its statement of reasons. */
export default async function MyReviewsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireViewer('/me/reviews');
  const posted = single((await searchParams).posted);
  const token = (await accessToken()) ?? '';
  const [reviews, decisions] = await Promise.all([myReviews(token), myModeration(token)]);
  const byTarget = new Map<string, AuthorDecision>(
    decisions.ok ? decisions.data.items.map((d) => [d.target.id, d]) : [],
  );
  const penNameDecisions = decisions.ok
    ? decisions.data.items.filter((d) => d.target.type === 'pen_name')
    : [];
  return (
    <section className="community-page" aria-labelledby="my-reviews-heading">
      <h1 id="my-reviews-heading">Your reviews</h1>
      {posted && POSTED[posted] ? (
        <p className="notice" role="status">
          {POSTED[posted]}
        </p>
      ) : null}
      {penNameDecisions.map((d) => (
        <Decision key={d.caseId} decision={d} what="Your pen name" />
      ))}
      {!reviews.ok ? (
        <Unavailable what="Your reviews" />
      ) : reviews.data.items.length === 0 ? (
        <p>You have not written any reviews yet. Find a book you have read and tell others about it.</p>
      ) : (
        <ul className="own-list">
          {reviews.data.items.map((review) => (
            <OwnReviewItem key={review.reviewId} review={review} decision={byTarget.get(review.reviewId)} />
          ))}
        </ul>
      )}
      {!decisions.ok ? <Unavailable what="Moderation decisions about your content" /> : null}
    </section>
  );
}

function OwnReviewItem({ review, decision }: { review: OwnReview; decision: AuthorDecision | undefined }) {
  const state = REVIEW_STATES[review.status] ?? { label: review.status, explanation: '' };
  return (
    <li className="own-item">
      <p className={`state state--${review.status}`}>
        <strong>{state.label}</strong> · {state.explanation}
      </p>
      <h2 className="own-item__title">{review.title || 'Untitled review'}</h2>
      <p className="review__meta">
        <Stars rating={review.rating} /> by {review.author} · {formatDate(review.createdAt)} ·{' '}
        <Link href={`/products/${review.productId}`}>the book</Link>
      </p>
      <p className="review__body">{review.body}</p>
      {review.status === 'pending' && review.softSignals.length > 0 ? (
        <p className="field-help">
          Flagged for a moderator by: {review.softSignals.map(codeWords).join(', ')}.
        </p>
      ) : null}
      {review.removal ? (
        <div className="statement">
          <p>
            <strong>Statement of reasons</strong> ({reasonLabel(review.removal.reasonCode)},{' '}
            {formatDate(review.removal.decidedAt)}):
          </p>
          <p>{review.removal.statement}</p>
        </div>
      ) : null}
      {decision ? <Decision decision={decision} what="This review" /> : null}
    </li>
  );
}

function Decision({ decision, what }: { decision: AuthorDecision; what: string }) {
  const last = decision.decisions.at(-1);
  if (!last) return null;
  return (
    <div className="statement">
      <p>
        <strong>
          {what}: moderation decision “{last.decision}”
        </strong>{' '}
        ({reasonLabel(last.reasonCode)}, {formatDate(last.decidedAt)}; case {decision.caseId})
      </p>
      <p>{last.statement}</p>
      {decision.appeal ? <p>You appealed on {formatDate(decision.appeal.appealedAt)}.</p> : null}
      {decision.canAppeal ? <p>You may appeal this decision once.</p> : null}
    </div>
  );
}

import type { RatingSummary } from '../../lib/api/catalog';
import type { Loaded } from '../../lib/api/http';
import type { ReviewList, ReviewSort } from '../../lib/api/reviews';
import { formatDate, plural } from '../../lib/format';
import { Stars } from '../stars';
import { Unavailable } from '../unavailable';

export const REVIEW_SORTS: [ReviewSort, string][] = [
  ['newest', 'Newest'],
  ['oldest', 'Oldest'],
  ['highest', 'Highest rated'],
  ['lowest', 'Lowest rated'],
  ['most_helpful', 'Most helpful'],
];

export interface ReviewLinks {
  /** The list with this sort, star filter and cursor (undefined: the first page). */
  readonly href: (change: { sort: ReviewSort; stars: number | undefined; cursor?: string }) => string;
  /** The write-a-review page. */
  readonly write: string;
  /** The report page for a review or a pen name. */
  readonly report: (type: 'review' | 'pen_name', id: string) => string;
}

/** "Customer Reviews": the rating summary, then the reviews with sort, star filter and pages. */
export function ReviewsSection(props: {
  summary: RatingSummary;
  list: Loaded<ReviewList>;
  sort: ReviewSort;
  stars: number | undefined;
  paged: boolean;
  links: ReviewLinks;
}) {
  const { summary, list, sort, stars, paged, links } = props;
  return (
    <section id="reviews" className="section" aria-labelledby="reviews-heading">
      <h2 id="reviews-heading">Customer Reviews</h2>
      <RatingSummaryView summary={summary} />
      <p>
        <a href={links.write} className="write-review">
          Write a review
        </a>
      </p>
      {summary.count > 0 ? (
        <>
          <nav aria-label="Sort reviews">
            <ul className="chips">
              {REVIEW_SORTS.map(([value, label]) => (
                <li key={value}>
                  <a
                    href={links.href({ sort: value, stars })}
                    aria-current={value === sort ? 'true' : undefined}
                  >
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <nav aria-label="Filter reviews by stars">
            <ul className="chips">
              <li>
                <a
                  href={links.href({ sort, stars: undefined })}
                  aria-current={stars === undefined ? 'true' : undefined}
                >
                  All stars
                </a>
              </li>
              {[5, 4, 3, 2, 1].map((n) => (
                <li key={n}>
                  <a href={links.href({ sort, stars: n })} aria-current={stars === n ? 'true' : undefined}>
                    {plural(n, 'star')}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </>
      ) : null}
      <ReviewItems list={list} hasReviews={summary.count > 0} report={links.report} />
      {list.ok && (paged || list.data.nextCursor) ? (
        <nav className="pager" aria-label="Review pages">
          {paged ? <a href={links.href({ sort, stars })}>« First page</a> : <span />}
          {list.data.nextCursor ? (
            <a href={links.href({ sort, stars, cursor: list.data.nextCursor })}>Next page »</a>
          ) : null}
        </nav>
      ) : null}
    </section>
  );
}

function RatingSummaryView({ summary }: { summary: RatingSummary }) {
  return (
    <div className="rating-summary">
      <div>
        {summary.firstReviewWanted || summary.average === null ? (
          <>
            <p className="first-review">Be the first to write a review</p>
            <p>( {summary.count} )</p>
          </>
        ) : (
          <>
            <p className="rating-average">{summary.average} out of 5</p>
            <Stars rating={summary.average} label={`Average rating ${summary.average} out of 5`} />
            <p>{plural(summary.count, 'review')}</p>
          </>
        )}
      </div>
      <div>
        <h3 id="distribution-heading">Rating Distribution</h3>
        <ul className="distribution" aria-labelledby="distribution-heading">
          {summary.distribution.map(({ stars, count }) => (
            <li key={stars}>
              <span id={`dist-${stars}`}>{plural(stars, 'Star')}</span>
              <meter
                min={0}
                max={Math.max(summary.count, 1)}
                value={count}
                aria-labelledby={`dist-${stars}`}
              />
              <span>{count}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function ReviewItems({
  list,
  hasReviews,
  report,
}: {
  list: Loaded<ReviewList>;
  hasReviews: boolean;
  report: ReviewLinks['report'];
}) {
  if (!list.ok) return <Unavailable what="Customer reviews" />;
  if (list.data.items.length === 0) return hasReviews ? <p>No reviews match this filter.</p> : null;
  return (
    <div className="review-list">
      {list.data.items.map((review) => (
        <article key={review.reviewId} className="review">
          <Stars rating={review.rating} />
          {review.title ? <h3>{review.title}</h3> : null}
          <p className="review__meta">
            by {review.author} · {formatDate(review.createdAt)}
          </p>
          <p className="review__body">{review.body}</p>
          <p className="review__helpful">
            {review.helpfulVotes === 0
              ? 'No helpful votes yet'
              : `${plural(review.helpfulVotes, 'person', 'people')} found this helpful`}
          </p>
          <p className="report-link">
            <a href={report('review', review.reviewId)}>
              Report<span className="visually-hidden"> the review by {review.author}</span>
            </a>
            {review.authorPenNameId ? (
              <>
                {' · '}
                <a href={report('pen_name', review.authorPenNameId)}>
                  Report the pen name<span className="visually-hidden"> {review.author}</span>
                </a>
              </>
            ) : null}
          </p>
        </article>
      ))}
    </div>
  );
}

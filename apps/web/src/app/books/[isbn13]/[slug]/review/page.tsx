import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { PenNameForm } from '../../../../../components/community/pen-name-form';
import { ReviewForm } from '../../../../../components/community/review-form';
import { Unavailable } from '../../../../../components/unavailable';
import { myPenNames } from '../../../../../lib/api/reviewing';
import { loadBook } from '../../../../../lib/book';
import { REVIEW_RULES, UNDER_13_EXPLANATION } from '../../../../../lib/community/review-terms';
import { writeReviewPath } from '../../../../../lib/community/wording';
import { accessToken, requireViewer } from '../../../../../lib/session';
import { type SearchParams, single } from '../../../../../lib/urls';
import '../../../../community.css';

type Props = { params: Promise<{ isbn13: string; slug: string }>; searchParams: Promise<SearchParams> };

export const metadata: Metadata = { title: 'Write a review', robots: { index: false } };

/** Write a review (signed in): pen name, rating, title, body checked as typed, licence, post. */
export default async function WriteReviewPage({ params, searchParams }: Props) {
  const [{ isbn13, slug }, query] = await Promise.all([params, searchParams]);
  const viewer = await requireViewer(`/books/${isbn13}/${slug}/review`);
  const book = await loadBook(isbn13);
  if (!book.ok && book.reason === 'not_found') notFound();
  if (!book.ok) return <Unavailable what="This book" />;
  const { page, path } = book.data;
  if (path !== `/books/${isbn13}/${slug}`) permanentRedirect(writeReviewPath(path));
  const { product } = page;

  const heading = (
    <>
      <p className="breadcrumb">
        <Link href={path}>← Back to {product.title}</Link>
      </p>
      <h1>Write a review of {product.title}</h1>
    </>
  );
  if (!viewer.ageVerified) {
    return (
      <section className="community-page" aria-labelledby="under-13-heading">
        {heading}
        <div className="refusal" role="alert">
          <h2 id="under-13-heading">Reviews by customers under the age of 13</h2>
          <p>{UNDER_13_EXPLANATION}</p>
        </div>
      </section>
    );
  }
  const token = await accessToken();
  const penNames = token ? await myPenNames(token) : undefined;
  const penName = penNames?.ok ? penNames.data.find((p) => p.status !== 'removed') : undefined;
  return (
    <div className="community-page">
      {heading}
      {single(query.penName) === 'created' && penName ? (
        <p className="notice" role="status">
          Your pen name <strong>{penName.name}</strong> is ready: your reviews will show it.
        </p>
      ) : null}
      {penNames && !penNames.ok ? <Unavailable what="Your pen name" /> : null}
      {penNames?.ok && !penName ? <PenNameForm back={writeReviewPath(path)} /> : null}
      {penName ? (
        <p>
          You are writing as <strong>{penName.name}</strong>
          {penName.status === 'held'
            ? ' (your pen name is under review: reviews show Anonymous meanwhile)'
            : ''}
          .
        </p>
      ) : null}
      {/* Keyed by the pen name: once one is created, the form starts again signed with it. */}
      <ReviewForm
        key={penName?.name ?? 'no-pen-name'}
        productId={product.id}
        bookPath={path}
        penName={penName?.status === 'active' ? penName.name : undefined}
      />
      <section className="review-rules" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Review rules</h2>
        <p>
          Please do not write about other reviews or the information on the product page. Reviews must not
          contain:
        </p>
        <ul>
          {REVIEW_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}

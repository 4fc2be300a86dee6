import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Cover } from '../../../../components/cover';
import { EditorialReviews, MeetTheAuthors, ProductDetails } from '../../../../components/product/details';
import { OfferBox } from '../../../../components/product/offer-box';
import { OffersSection } from '../../../../components/product/offers-section';
import { LiveUpdates } from '../../../../components/product/live-updates';
import { ReviewsSection } from '../../../../components/product/reviews-section';
import { Stars } from '../../../../components/stars';
import { Unavailable } from '../../../../components/unavailable';
import { offerListing } from '../../../../lib/api/offers';
import { reviewList } from '../../../../lib/api/reviews';
import { loadBook } from '../../../../lib/book';
import { reportPath, writeReviewPath } from '../../../../lib/community/wording';
import { webConfig } from '../../../../lib/config';
import { formatDate, formatLabel, formatMoney, listNames, plural } from '../../../../lib/format';
import { parseProductQuery, type ProductQuery, productQueryPath } from '../../../../lib/product-query';
import { bookJsonLd, scriptSafeJson } from '../../../../lib/structured-data';
import type { SearchParams } from '../../../../lib/urls';

type Props = { params: Promise<{ isbn13: string; slug: string }>; searchParams: Promise<SearchParams> };

const OFFERS_PER_PAGE = 100;
const REVIEWS_PER_PAGE = 10;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const book = await loadBook((await params).isbn13);
  if (!book.ok)
    return { title: book.reason === 'not_found' ? 'Book not found' : 'Book temporarily unavailable' };
  const { product, offerSummary } = book.data.page;
  const authors = listNames(product.contributors.filter((c) => c.role === 'author').map((c) => c.name));
  const from = offerSummary.lowestPrice
    ? ` ${offerSummary.totalOffers} offers, new and used, from ${formatMoney(offerSummary.lowestPrice)}.`
    : '';
  const summary = product.description ?? `${product.title} by ${authors}.`;
  return {
    title: `${product.title}${product.subtitle ? `: ${product.subtitle}` : ''} by ${authors} (${formatLabel(product.format)})`,
    description: `${summary.length > 200 ? `${summary.slice(0, 197).trimEnd()}…` : summary}${from}`.slice(
      0,
      300,
    ),
    alternates: { canonical: book.data.path },
  };
}

export default async function BookPage({ params, searchParams }: Props) {
  const [{ isbn13, slug }, rawQuery] = await Promise.all([params, searchParams]);
  const book = await loadBook(isbn13);
  if (!book.ok && book.reason === 'not_found') notFound();
  if (!book.ok) return <Unavailable what="This book" />;
  const { page, path } = book.data;
  const query = parseProductQuery(rawQuery);
  if (path !== `/books/${isbn13}/${slug}`) permanentRedirect(productQueryPath(path, query, ''));
  const { product, offerSummary, ratingSummary } = page;

  const [offers, reviews] = await Promise.all([
    offerListing(product.id, {
      sort: 'price',
      limit: OFFERS_PER_PAGE,
      ...(query.condition ? { condition: query.condition } : {}),
      ...(query.offersCursor ? { cursor: query.offersCursor } : {}),
    }),
    reviewList(product.id, {
      sort: query.sort,
      limit: REVIEWS_PER_PAGE,
      ...(query.stars ? { stars: query.stars } : {}),
      ...(query.reviewsCursor ? { cursor: query.reviewsCursor } : {}),
    }),
  ]);
  const link = (change: Partial<ProductQuery>, hash: string) =>
    productQueryPath(path, { ...query, ...change }, hash);
  const offersHref = (condition: ProductQuery['condition']) =>
    link({ condition, offersCursor: undefined }, '#offers');
  const authors = product.contributors.filter((c) => c.role === 'author').map((c) => c.name);

  return (
    <article className="product">
      <script
        type="application/ld+json"
        // JSON-LD is data, not markup: the only raw insertion on the site, escaped for </script>.
        dangerouslySetInnerHTML={{
          __html: scriptSafeJson(bookJsonLd(page, `${webConfig().siteUrl}${path}`)),
        }}
      />
      <div className="product-top">
        <Cover title={product.title} size="large" />
        <div>
          <h1 className="product-title">
            {product.title}
            {product.subtitle ? <span className="subtitle">{product.subtitle}</span> : null}
          </h1>
          <p className="byline">
            by {listNames(authors.length > 0 ? authors : product.contributors.map((c) => c.name))}
          </p>
          <p className="product-facts">
            {formatLabel(product.format)}
            {product.pageCount ? ` · ${plural(product.pageCount, 'page')}` : ''}
            {product.publicationDate ? ` · ${formatDate(product.publicationDate)}` : ''}
          </p>
          {product.series ? (
            <p className="product-facts">
              {product.series.name}
              {product.series.volume ? `, volume ${product.series.volume}` : ''}
            </p>
          ) : null}
          <p className="rating-line">
            {ratingSummary.count > 0 && ratingSummary.average !== null ? (
              <a href="#reviews">
                <Stars rating={ratingSummary.average} /> {ratingSummary.average} (
                {plural(ratingSummary.count, 'review')})
              </a>
            ) : (
              <a href="#reviews">Be the first to write a review</a>
            )}
          </p>
          {product.illustrationsNote ? <p className="product-facts">{product.illustrationsNote}.</p> : null}
        </div>
        <OfferBox
          summary={offerSummary}
          listPrice={product.listPrice}
          format={product.format}
          offersHref={offersHref}
        />
      </div>

      {product.description ? (
        <section id="overview" className="section" aria-labelledby="overview-heading">
          <h2 id="overview-heading">Overview</h2>
          <div className="prose">
            {product.description.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </section>
      ) : null}
      <EditorialReviews product={product} />
      <ProductDetails product={product} />
      <MeetTheAuthors product={product} />
      <OffersSection
        listing={offers}
        summary={offerSummary}
        condition={query.condition}
        filterHref={offersHref}
        moreHref={(cursor) => link({ offersCursor: cursor }, '#offers')}
        reportHref={(offerId) => reportPath('offer', offerId, `${path}#offers`)}
      />
      <ReviewsSection
        summary={ratingSummary}
        list={reviews}
        sort={query.sort}
        stars={query.stars}
        paged={query.reviewsCursor !== undefined}
        links={{
          href: ({ sort, stars, cursor }) => link({ sort, stars, reviewsCursor: cursor }, '#reviews'),
          write: writeReviewPath(path),
          report: (type, id) => reportPath(type, id, `${path}#reviews`),
        }}
      />
      <p className="report-content">
        If you find inappropriate content on this page, please{' '}
        <a href={reportPath('product', product.id, path)}>report this book</a>; each offer and review has its
        own “Report” link.
      </p>
      {/* Signed in, "Report" opens a dialog over the page; signed out, the link leads to sign-in. */}
      <LiveUpdates productId={product.id} offers={offerSummary.version} ratings={ratingSummary.version} />
    </article>
  );
}

import type { Product } from '../../lib/api/catalog';
import { formatDate, formatLabel, isbn10Of, roleLabel } from '../../lib/format';

const LANGUAGES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  ru: 'Russian',
  zh: 'Chinese',
};

/** "Product Details" of the seed page. */
export function ProductDetails({ product }: { product: Product }) {
  const isbn10 = isbn10Of(product.isbn13);
  const rows: [string, string | undefined][] = [
    ['ISBN-13', product.isbn13],
    ['ISBN-10', isbn10 ?? undefined],
    ['Publisher', product.publisher],
    ['Publication date', product.publicationDate ? formatDate(product.publicationDate) : undefined],
    [
      'Series',
      product.series
        ? `${product.series.name}${product.series.volume ? `, volume ${product.series.volume}` : ''}`
        : undefined,
    ],
    ['Format', formatLabel(product.format)],
    ['Pages', product.pageCount ? String(product.pageCount) : undefined],
    [
      'Language',
      product.language ? (LANGUAGES[product.language.slice(0, 2)] ?? product.language) : undefined,
    ],
    ['Illustrations', product.illustrationsNote],
    [
      'Availability',
      product.availability === 'in_print' ? 'In print' : 'Out of print (available from sellers)',
    ],
  ];
  return (
    <section id="details" className="section" aria-labelledby="details-heading">
      <h2 id="details-heading">Product Details</h2>
      <dl className="details">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined)
          .map(([term, value]) => (
            <div key={term} className="details__row">
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
    </section>
  );
}

/** "Meet the Author": every contributor with their role and bio. */
export function MeetTheAuthors({ product }: { product: Product }) {
  const authors = product.contributors;
  return (
    <section id="authors" className="section" aria-labelledby="authors-heading">
      <h2 id="authors-heading">Meet the Author{authors.length > 1 ? 's' : ''}</h2>
      {authors.map((person) => (
        <article key={`${person.name}-${person.role}`} className="author">
          <h3>{person.name}</h3>
          <p className="role">{roleLabel(person.role)}</p>
          {person.bio ? <p>{person.bio}</p> : null}
        </article>
      ))}
    </section>
  );
}

/** "Editorial Reviews": each by its source and, where known, its reviewer. */
export function EditorialReviews({ product }: { product: Product }) {
  if (product.editorialReviews.length === 0) return null;
  return (
    <section id="editorial-reviews" className="section" aria-labelledby="editorial-heading">
      <h2 id="editorial-heading">Editorial Reviews</h2>
      {product.editorialReviews.map((review, i) => (
        <figure key={`${review.source}-${i}`} className="editorial-review">
          <h3>{review.source}</h3>
          <blockquote>
            <p>{review.text}</p>
          </blockquote>
          {review.reviewer || review.date ? (
            <figcaption>
              {review.reviewer ? `— ${review.reviewer}` : ''}
              {review.date ? ` (${formatDate(review.date)})` : ''}
            </figcaption>
          ) : null}
        </figure>
      ))}
    </section>
  );
}

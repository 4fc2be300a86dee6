import Link from 'next/link';
import type { ProductCard as Card } from '../lib/api/catalog';
import { formatLabel, formatMoney, listNames, plural } from '../lib/format';
import { bookPath } from '../lib/urls';
import { Cover } from './cover';
import { Stars } from './stars';

/** One book in a list of results: cover, title, authors, format, lowest price. */
export function ProductCard({ book }: { book: Card }) {
  const authors = book.contributors.filter((c) => c.role === 'author').map((c) => c.name);
  const names = authors.length > 0 ? authors : book.contributors.map((c) => c.name);
  const { offers, ratings } = book;
  return (
    <article className="card">
      <Cover title={book.title} />
      <div className="card__body">
        <h3 className="card__title">
          <Link href={bookPath(book)}>{book.title}</Link>
        </h3>
        {book.subtitle ? <p className="card__subtitle">{book.subtitle}</p> : null}
        <p className="card__authors">by {listNames(names)}</p>
        <p className="card__meta">
          {formatLabel(book.format)}
          {book.publicationDate ? ` · ${book.publicationDate.slice(0, 4)}` : ''}
          {book.series
            ? ` · ${book.series.name}${book.series.volume ? `, vol. ${book.series.volume}` : ''}`
            : ''}
        </p>
        {ratings.count > 0 && ratings.average !== null ? (
          <p className="card__rating">
            <Stars rating={ratings.average} /> {ratings.average} ({plural(ratings.count, 'review')})
          </p>
        ) : null}
      </div>
      <div className="card__price">
        {offers.lowestPrice ? (
          <>
            <p className="price">
              <span className="price__from">from</span> {formatMoney(offers.lowestPrice)}
            </p>
            {offers.savingsPercent ? <p className="save">Save {offers.savingsPercent}%</p> : null}
            <p className="card__offers">{plural(offers.totalOffers, 'offer')}</p>
          </>
        ) : (
          <p className="card__offers">No offers yet</p>
        )}
      </div>
    </article>
  );
}

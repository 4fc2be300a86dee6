import Link from 'next/link';
import { ProductCard } from '../components/product-card';
import { SearchBox } from '../components/search-box';
import { productByIsbn } from '../lib/api/catalog';
import { FEATURED_ISBN13 } from '../lib/featured';

export default async function HomePage() {
  const featured = await productByIsbn(FEATURED_ISBN13);
  return (
    <>
      <section className="hero">
        <h1>Find your next book</h1>
        <p>New and used copies from many sellers, with editorial and customer reviews.</p>
        <SearchBox id="home-search" large />
      </section>
      <section className="featured" aria-labelledby="featured-heading">
        <h2 id="featured-heading">Featured</h2>
        {featured.ok ? (
          <ProductCard book={featured.data} />
        ) : (
          <p>
            <Link href={`/books/${FEATURED_ISBN13}`}>
              Uncertain Partners: Stalin, Mao, and the Korean War
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

import Link from 'next/link';
import { SearchBox } from '../components/search-box';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <section className="message-page">
      <h1>We couldn&apos;t find that page</h1>
      <p>The book or page you asked for isn&apos;t in our catalog. Try a search instead:</p>
      <SearchBox id="not-found-search" large />
      <p>
        <Link href="/">Back to the home page</Link>
      </p>
    </section>
  );
}

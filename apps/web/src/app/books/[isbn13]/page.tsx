import { notFound, permanentRedirect } from 'next/navigation';
import { Unavailable } from '../../../components/unavailable';
import { loadBook } from '../../../lib/book';

/** `/books/{isbn13}` alone: to the book's readable URL. */
export default async function BookByIsbn({ params }: { params: Promise<{ isbn13: string }> }) {
  const { isbn13 } = await params;
  const book = await loadBook(isbn13);
  if (!book.ok && book.reason === 'not_found') notFound();
  if (!book.ok) return <Unavailable what="This book" />;
  permanentRedirect(book.data.path);
}

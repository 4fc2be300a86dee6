import { notFound, permanentRedirect } from 'next/navigation';
import { Unavailable } from '../../../components/unavailable';
import { productPage } from '../../../lib/api/catalog';
import { bookPath } from '../../../lib/urls';

/** `/products/{id}` (the API's product URL, on the web host): to the book's readable URL. */
export default async function ProductById({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const page = await productPage(id);
  if (!page.ok && page.reason === 'not_found') notFound();
  if (!page.ok) return <Unavailable what="This book" />;
  permanentRedirect(bookPath(page.data.product));
}

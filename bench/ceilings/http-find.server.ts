import { serveBare } from '../lib/bare-server';

/**
 * The bare HTTP read ceiling: one `findOne` per request, by `_id` or by the indexed isbn. Started
 * by `http-find.ceiling.ts` in its own process.
 */
interface BookDoc {
  _id: string;
  isbn: string;
}

serveBare((app, db) => {
  const books = db.collection<BookDoc>('books');
  app.get<{ Params: { id: string } }>('/books/:id', async (request, reply) => {
    const book = await books.findOne({ _id: request.params.id });
    return book ?? reply.code(404).send({ code: 'NOT_FOUND' });
  });
  app.get<{ Params: { isbn: string } }>('/books/by-isbn/:isbn', async (request, reply) => {
    const book = await books.findOne({ isbn: request.params.isbn });
    return book ?? reply.code(404).send({ code: 'NOT_FOUND' });
  });
});

import Fastify from 'fastify';
import { mongo } from 'mongoose';
import { announceListening } from '../lib/bench-server';

/**
 * The bare HTTP read ceiling: plain Fastify (no Nest, no validation, no auth, no logging) and the
 * MongoDB driver, one `findOne` per request. Started by `http-find.ceiling.ts` in its own process.
 */
interface BookDoc {
  _id: string;
  isbn: string;
}

async function main(): Promise<void> {
  const uri = process.env.BENCH_MONGODB_URI;
  if (!uri) throw new Error('BENCH_MONGODB_URI is required');
  const client = await new mongo.MongoClient(uri).connect();
  const books = client.db().collection<BookDoc>('books');
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/books/:id', async (request, reply) => {
    const book = await books.findOne({ _id: request.params.id });
    return book ?? reply.code(404).send({ code: 'NOT_FOUND' });
  });
  app.get<{ Params: { isbn: string } }>('/books/by-isbn/:isbn', async (request, reply) => {
    const book = await books.findOne({ isbn: request.params.isbn });
    return book ?? reply.code(404).send({ code: 'NOT_FOUND' });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  const shutdown = () => void app.close().finally(() => client.close().finally(() => process.exit(0)));
  process.once('SIGTERM', shutdown);
  process.once('disconnect', shutdown);
  announceListening(url);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

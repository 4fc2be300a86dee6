import Fastify from 'fastify';
import { mongo } from 'mongoose';
import { announceListening } from '../../lib/bench-server';
import { PRODUCT_READ_PROJECTION } from '../../../apps/catalog/src/products/product.repository';

/**
 * Bare Fastify and the driver's `findOne` by `_id` on the catalog's own products collection, with
 * the projection the product page uses: what the store alone allows on this catalog, so the suite
 * can tell the store's share of the page's cost from our code's (no goal is judged against it).
 */
async function main(): Promise<void> {
  const uri = process.env.BENCH_MONGODB_URI;
  if (!uri) throw new Error('BENCH_MONGODB_URI is required');
  const client = await new mongo.MongoClient(uri).connect();
  const products = client.db().collection<{ _id: string }>('products');
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const product = await products.findOne(
      { _id: request.params.id },
      { projection: PRODUCT_READ_PROJECTION },
    );
    return product ?? reply.code(404).send({ code: 'NOT_FOUND' });
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

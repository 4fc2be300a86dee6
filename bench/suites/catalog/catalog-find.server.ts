import { PRODUCT_READ_PROJECTION } from '../../../apps/catalog/src/products/product.repository';
import { serveBare } from '../../lib/bare-server';

/**
 * Bare Fastify and the driver's `findOne` by `_id` on the catalog's own products collection, with
 * the projection the product page uses: what the store alone allows on this catalog, so the suite
 * can tell the store's share of the page's cost from our code's (no goal is judged against it).
 */
serveBare((app, db) => {
  const products = db.collection<{ _id: string }>('products');
  app.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
    const product = await products.findOne(
      { _id: request.params.id },
      { projection: PRODUCT_READ_PROJECTION },
    );
    return product ?? reply.code(404).send({ code: 'NOT_FOUND' });
  });
});

import Fastify, { FastifyInstance } from 'fastify';
import { mongo } from 'mongoose';
import { announceListening } from './bench-server';

/**
 * A bare read server for ceilings and references: plain Fastify (no Nest, no validation, no auth,
 * no logging) and the MongoDB driver on BENCH_MONGODB_URI; `routes` adds the reads to measure.
 */
export function serveBare(routes: (app: FastifyInstance, db: mongo.Db) => void): void {
  const main = async () => {
    const uri = process.env.BENCH_MONGODB_URI;
    if (!uri) throw new Error('BENCH_MONGODB_URI is required');
    const client = await new mongo.MongoClient(uri).connect();
    const app = Fastify({ logger: false });
    routes(app, client.db());
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const shutdown = () => void app.close().finally(() => client.close().finally(() => process.exit(0)));
    process.once('SIGTERM', shutdown);
    process.once('disconnect', shutdown);
    announceListening(url);
  };
  main().catch(exitWithError);
}

/** How a bench server script that cannot start tells its parent why. */
export function exitWithError(error: unknown): never {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}

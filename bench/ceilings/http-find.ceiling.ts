import { join } from 'node:path';
import { mongo } from 'mongoose';
import { v7 as uuidv7 } from 'uuid';
import type { BenchContext } from '../lib/context';
import { spawnBenchServer } from '../lib/bench-server';
import { measureHttpLoad } from '../lib/http-load';
import type { Measurement } from '../lib/report';

const SERVER_SCRIPT = join(__dirname, 'http-find.server.ts');
/** Distinct keys the load cycles through (a sample of the collection). */
const PATHS_PER_ROUTE = 2_000;

function book(index: number) {
  return {
    _id: uuidv7(),
    isbn: `978${String(1_000_000_000 + index).slice(-10)}`,
    title: `A History of Everything, volume ${index}`,
    authors: [`Author ${index % 97}`, `Editor ${index % 13}`],
    publisher: `Publisher ${index % 31}`,
    publishedOn: '2001-09-01',
    pages: 200 + (index % 600),
    language: 'en',
    description: 'A sweeping account of the period, with maps and notes. '.repeat(5),
  };
}

async function seedBooks(uri: string, count: number): Promise<{ ids: string[]; isbns: string[] }> {
  const client = await new mongo.MongoClient(uri).connect();
  try {
    const books = client.db().collection('books');
    // Serves `findOne({ isbn })`, the indexed-field read.
    await books.createIndex({ isbn: 1 }, { unique: true });
    const ids: string[] = [];
    const isbns: string[] = [];
    for (let start = 0; start < count; start += 1_000) {
      const batch = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => book(start + i));
      await books.insertMany(batch as never[], { ordered: false });
      for (const doc of batch) {
        ids.push(doc._id);
        isbns.push(doc.isbn);
      }
    }
    return { ids, isbns };
  } finally {
    await client.close();
  }
}

function sample<T>(items: readonly T[], count: number): T[] {
  return Array.from(
    { length: Math.min(count, items.length) },
    () => items[Math.floor(Math.random() * items.length)],
  );
}

/**
 * The HTTP read ceiling: bare Fastify and the driver's `findOne`, by `_id` and by an indexed
 * field, under closed-loop load from autocannon (server in its own process).
 */
export async function measureHttpFindCeiling(ctx: BenchContext): Promise<Measurement[]> {
  const { profile } = ctx;
  const uri = ctx.databaseUri('http_ceiling');
  ctx.log(`http ceiling: seeding ${profile.seedDocuments} books`);
  const { ids, isbns } = await seedBooks(uri, profile.seedDocuments);
  const server = await spawnBenchServer(SERVER_SCRIPT, { BENCH_MONGODB_URI: uri });
  try {
    const routes = [
      {
        id: 'ceiling.http.find-by-id',
        what: 'findOne by _id',
        paths: sample(ids, PATHS_PER_ROUTE).map((id) => `/books/${id}`),
      },
      {
        id: 'ceiling.http.find-by-isbn',
        what: 'findOne by indexed isbn',
        paths: sample(isbns, PATHS_PER_ROUTE).map((isbn) => `/books/by-isbn/${isbn}`),
      },
    ];
    const measurements: Measurement[] = [];
    for (const route of routes) {
      ctx.log(
        `http ceiling: ${route.what}, ${profile.httpConnections} connections, ${profile.httpDurationMs} ms`,
      );
      const load = await measureHttpLoad({
        url: server.url,
        paths: route.paths,
        connections: profile.httpConnections,
        durationMs: profile.httpDurationMs,
        warmupMs: profile.httpWarmupMs,
      });
      if (load.notOk + load.errors > 0) {
        throw new Error(`${route.id}: ${load.notOk} non-2xx answers and ${load.errors} errors under load`);
      }
      measurements.push({
        id: route.id,
        label: `bare Fastify + driver ${route.what} (${profile.seedDocuments} docs)`,
        role: 'ceiling',
        rate: { value: load.requestsPerSecond, unit: 'req/s' },
        latencyMs: load.latency,
        details: {
          connections: profile.httpConnections,
          durationMs: profile.httpDurationMs,
          requests: load.ok,
          timeouts: load.timeouts,
        },
      });
    }
    return measurements;
  } finally {
    await server.stop();
  }
}

import { SingleBar, Presets } from 'cli-progress';
import { parseArgs } from 'node:util';
import { seedCatalog } from './catalog-seed';

/**
 * `npm run seed -- --products 100000`: realistic books for load in the catalog's database
 * (MONGODB_URI, default the local `catalog`). Bulk inserts through the service's document
 * builder; no events are published (see catalog-seed.ts).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { products: { type: 'string', default: '1000' } } });
  const count = Number(values.products);
  if (!Number.isInteger(count) || count < 1) throw new Error('--products needs a whole number of at least 1');
  const uri = process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/catalog';
  const bar = new SingleBar(
    { format: 'seeding books [{bar}] {percentage}% | {value}/{total} | ETA {eta}s' },
    Presets.shades_classic,
  );
  bar.start(count, 0);
  await seedCatalog(uri, count, (done) => bar.update(done));
  bar.stop();
  process.stdout.write(`seeded ${count} books into ${uri.replace(/\/\/[^@]*@/, '//')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

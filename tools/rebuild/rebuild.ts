import { rebuildCatalog } from '../../apps/catalog/src/rebuild/catalog-rebuild';

/**
 * `npm run rebuild -- catalog`: rebuilds a service's read model from the compacted topics. Reads
 * the service's own MONGODB_URI, KAFKA_BROKERS and KAFKA_TOPIC_PREFIX (as the service does), with
 * the local defaults of `npm start`.
 */
const REBUILDERS: Record<string, () => Promise<unknown>> = {
  catalog: () =>
    rebuildCatalog({
      mongoUri: process.env.MONGODB_URI ?? 'mongodb://127.0.0.1:27017/catalog',
      kafkaBrokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(','),
      topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? '',
      log: (message) => process.stdout.write(`[rebuild catalog] ${message}\n`),
    }),
};

async function main(): Promise<void> {
  const service = process.argv[2];
  const rebuild = service ? REBUILDERS[service] : undefined;
  if (!rebuild) {
    process.stderr.write(`usage: npm run rebuild -- <${Object.keys(REBUILDERS).join('|')}>\n`);
    process.exit(2);
  }
  await rebuild();
}

main().catch((error: unknown) => {
  process.stderr.write(`rebuild failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

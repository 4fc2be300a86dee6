import 'reflect-metadata';
import { createService, LOCAL_DEV_JWT_SECRET, loadAppConfig } from '@app/platform';
import { CatalogModule } from '../../../apps/catalog/src/catalog.module';
import { announceListening } from '../../lib/bench-server';

/** The catalog service as it runs in production (Nest, auth, validation; logs only fatal, since stdout carries the listening line). */
async function main(): Promise<void> {
  const config = loadAppConfig('catalog', {
    NODE_ENV: 'production',
    PORT: '0',
    MONGODB_URI: process.env.BENCH_MONGODB_URI,
    KAFKA_BROKERS: process.env.BENCH_KAFKA_BROKERS,
    KAFKA_TOPIC_PREFIX: process.env.BENCH_TOPIC_PREFIX,
    AUTH_JWT_SECRET: `${LOCAL_DEV_JWT_SECRET}-bench`,
    LOG_LEVEL: 'fatal',
    DOCS_ENABLED: 'false',
  });
  const app = await createService(CatalogModule.register(config), config);
  await app.startAllMicroservices();
  await app.listen(0, '127.0.0.1');
  const shutdown = () => void app.close().finally(() => process.exit(0));
  process.once('SIGTERM', shutdown);
  process.once('disconnect', shutdown);
  announceListening((await app.getUrl()).replace('[::1]', '127.0.0.1'));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
